import type { RequestOptions } from '@cloud/core';
import { object, optional, parseResponse, recordOf, string, unknownValue } from '@cloud/core/service';
import type { ImageClient } from '../client.js';

/**
 * A JSON Schema Glance publishes for its resources (`/v2/schemas/…`): which properties exist,
 * their types, which are read-only, and the cloud's allowed disk formats.
 * @example const { properties } = await getImageSchema(glance);
 */
export interface GlanceSchema {
  name: string;
  properties: Record<string, unknown>;
  /** The whole schema document (additionalProperties, links, required, …). */
  raw: Record<string, unknown>;
}

/** Schemas Glance serves. */
export type GlanceSchemaName = 'image' | 'images' | 'member' | 'members' | 'task' | 'tasks';

interface SchemaWire {
  name: string;
  properties: Record<string, unknown>;
  description?: string;
}

const SCHEMA = object<SchemaWire>({
  name: string,
  properties: recordOf(unknownValue),
  description: optional(string),
});

async function getSchema(client: ImageClient, name: GlanceSchemaName, options?: RequestOptions) {
  const res = await client.request('GET', `schemas/${name}`, { ...options, resource: `schema "${name}"` });
  const w = parseResponse(res, SCHEMA);
  return { name: w.name, properties: w.properties, raw: w as unknown as Record<string, unknown> };
}

/**
 * The image schema (`/v2/schemas/image`): e.g. the `disk_format` enum this cloud accepts.
 * @example
 * ```ts
 * const schema = await getImageSchema(glance);
 * console.log((schema.properties.disk_format as { enum?: string[] }).enum);
 * ```
 */
export function getImageSchema(client: ImageClient, options?: RequestOptions): Promise<GlanceSchema> {
  return getSchema(client, 'image', options);
}

/**
 * The image list schema (`/v2/schemas/images`).
 * @example const schema = await getImagesSchema(glance);
 */
export function getImagesSchema(client: ImageClient, options?: RequestOptions): Promise<GlanceSchema> {
  return getSchema(client, 'images', options);
}

/**
 * The image member schema (`/v2/schemas/member`).
 * @example const schema = await getImageMemberSchema(glance);
 */
export function getImageMemberSchema(client: ImageClient, options?: RequestOptions): Promise<GlanceSchema> {
  return getSchema(client, 'member', options);
}

/**
 * The task schema (`/v2/schemas/task`).
 * @example const schema = await getGlanceTaskSchema(glance);
 */
export function getGlanceTaskSchema(client: ImageClient, options?: RequestOptions): Promise<GlanceSchema> {
  return getSchema(client, 'task', options);
}
