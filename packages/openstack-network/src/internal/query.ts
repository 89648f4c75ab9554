import { ValidationError } from '@cloud/core';
import type { SearchParamValue } from '@cloud/core/service';
import type { NetworkListParams } from '../common.js';

const FILTER_VALUE = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) &&
    v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'));

function tagList(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty array of tags`, field);
  }
  for (const [i, t] of value.entries()) requireTag(t, `${field}[${i}]`);
  return value.join(',');
}

/** Tags are 1–255 characters; a tag used in a filter cannot hold a comma (the list separator). @internal */
export function requireTag(tag: unknown, field: string): string {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 255) {
    throw new ValidationError(`${field} must be a tag of 1 to 255 characters`, field);
  }
  if (tag.includes(',')) throw new ValidationError(`${field} must not contain a comma`, field);
  return tag;
}

/**
 * The query of a Neutron list: the typed filters (already in wire names), the free-form
 * `filters`, `fields`, sorting and tag filters. Arrays repeat the key ("any of").
 * @internal
 */
export function listQuery(
  params: NetworkListParams | undefined,
  typed: Record<string, SearchParamValue> = {},
): Record<string, SearchParamValue> {
  const p = params ?? {};
  const query: Record<string, SearchParamValue> = {};
  for (const [k, v] of Object.entries(typed)) {
    if (!FILTER_VALUE(v)) throw new ValidationError(`the ${k} filter has an unsupported value`, k);
    if (v !== undefined) query[k] = v;
  }
  if (p.filters !== undefined) {
    if (typeof p.filters !== 'object' || p.filters === null || Array.isArray(p.filters)) {
      throw new ValidationError('filters must be an object of attribute names to values', 'filters');
    }
    for (const [k, v] of Object.entries(p.filters)) {
      if (!k || ['limit', 'marker', 'fields', 'sort_key', 'sort_dir'].includes(k)) {
        throw new ValidationError(
          `filters.${k} is not a filter; use the parameter of that name`,
          `filters.${k}`,
        );
      }
      if (!FILTER_VALUE(v)) {
        throw new ValidationError(
          `filters.${k} must be a string, number, boolean or an array of them`,
          `filters.${k}`,
        );
      }
      if (v !== undefined) query[k] = v;
    }
  }
  if (p.fields !== undefined) {
    if (!Array.isArray(p.fields) || p.fields.length === 0) {
      throw new ValidationError('fields must be a non-empty array of attribute names', 'fields');
    }
    p.fields.forEach((f, i) => {
      if (typeof f !== 'string' || !f)
        throw new ValidationError(`fields[${i}] must be an attribute name`, `fields[${i}]`);
    });
    query.fields = p.fields;
  }
  if (p.sort !== undefined) {
    if (!Array.isArray(p.sort) || p.sort.length === 0) {
      throw new ValidationError('sort must be a non-empty array of { key, dir }', 'sort');
    }
    const keys: string[] = [];
    const dirs: string[] = [];
    p.sort.forEach((s, i) => {
      if (!s || typeof s.key !== 'string' || !s.key) {
        throw new ValidationError(`sort[${i}].key must be an attribute name`, `sort[${i}].key`);
      }
      const dir = s.dir ?? 'asc';
      if (dir !== 'asc' && dir !== 'desc') {
        throw new ValidationError(`sort[${i}].dir must be asc or desc, got ${String(dir)}`, `sort[${i}].dir`);
      }
      keys.push(s.key);
      dirs.push(dir);
    });
    query.sort_key = keys;
    query.sort_dir = dirs;
  }
  query.tags = tagList(p.tags, 'tags');
  query['tags-any'] = tagList(p.tagsAny, 'tagsAny');
  query['not-tags'] = tagList(p.notTags, 'notTags');
  query['not-tags-any'] = tagList(p.notTagsAny, 'notTagsAny');
  for (const k of Object.keys(query)) if (query[k] === undefined) delete query[k];
  return query;
}
