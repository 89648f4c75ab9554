import { type PagedIterable, ValidationError } from '@cloud/core';
import { object, omitUndefined, optional, parseResponse, string } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsLinks,
  type DnsRequestOptions,
  type DnsSortParams,
  LINKS,
  listDesignate,
  optionalDate,
  optionalDescription,
  requireId,
} from '../internal/common.js';

/**
 * A top-level domain. Once any TLD exists, Designate accepts only zones under a listed TLD.
 * @example for await (const tld of listTlds(dns)) console.log(tld.name);
 */
export interface Tld {
  id: string;
  /** Without a trailing dot: `com`, `co.uk`. */
  name: string;
  description: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: TldWire;
}

/** @internal wire shape */
export interface TldWire {
  id: string;
  name: string;
  description?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

const TLD = object<TldWire>({
  id: string,
  name: string,
  description: optional(string),
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

const parseTld = (w: TldWire): Tld => ({
  id: w.id,
  name: w.name,
  description: w.description ?? undefined,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

const tldName = (v: unknown) => {
  if (typeof v !== 'string' || !/^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*$/.test(v))
    throw new ValidationError('name must be a TLD without a trailing dot, e.g. "com" or "co.uk"', 'name');
  return v;
};

/**
 * Lists the TLDs (policy: administrators by default), lazily.
 * @example for await (const tld of listTlds(adminDns, { name: 'c*' })) console.log(tld.name);
 */
export function listTlds(
  client: DnsClient,
  params: DnsSortParams & { name?: string | undefined; description?: string | undefined } = {},
  options?: DnsRequestOptions,
): PagedIterable<Tld> {
  const { name, description, ...page } = params;
  return listDesignate<TldWire, Tld>({
    client,
    path: 'v2/tlds',
    key: 'tlds',
    shape: TLD,
    map: parseTld,
    query: { name, description },
    page,
    options,
  });
}

/**
 * Gets one TLD.
 * @example const tld = await getTld(adminDns, tldId);
 */
export async function getTld(client: DnsClient, tldId: string, options?: DnsRequestOptions): Promise<Tld> {
  requireId(tldId, 'tldId');
  const res = await client.request('GET', `v2/tlds/${tldId}`, {
    ...callOptions(options),
    resource: `TLD "${tldId}"`,
  });
  return parseTld(parseResponse(res, TLD));
}

/**
 * Parameters of {@link createTld}.
 * @example await createTld(adminDns, { name: 'com', description: 'commercial' });
 */
export interface CreateTldParams {
  name: string;
  description?: string | undefined;
}

/**
 * Administrators: creates a TLD. Careful: once one TLD exists, zones outside the listed TLDs are
 * refused for every project.
 * @example
 * ```ts
 * const tld = await createTld(adminDns, { name: 'example' });
 * ```
 */
export async function createTld(
  client: DnsClient,
  params: CreateTldParams,
  options?: DnsRequestOptions,
): Promise<Tld> {
  tldName(params?.name);
  optionalDescription(params.description);
  const res = await client.request('POST', 'v2/tlds', {
    ...callOptions(options),
    json: omitUndefined({ name: params.name, description: params.description }),
  });
  return parseTld(parseResponse(res, TLD));
}

/**
 * Administrators: renames a TLD or changes its description.
 * @example await updateTld(adminDns, tldId, { description: 'commercial' });
 */
export async function updateTld(
  client: DnsClient,
  tldId: string,
  params: { name?: string | undefined; description?: string | null | undefined },
  options?: DnsRequestOptions,
): Promise<Tld> {
  requireId(tldId, 'tldId');
  if (params?.name !== undefined) tldName(params.name);
  optionalDescription(params?.description);
  const json = omitUndefined({ name: params?.name, description: params?.description });
  if (Object.keys(json).length === 0) throw new ValidationError('give name or description', 'params');
  const res = await client.request('PATCH', `v2/tlds/${tldId}`, {
    ...callOptions(options),
    json,
    resource: `TLD "${tldId}"`,
  });
  return parseTld(parseResponse(res, TLD));
}

/**
 * Administrators: deletes a TLD.
 * @example await deleteTld(adminDns, tldId);
 */
export async function deleteTld(
  client: DnsClient,
  tldId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(tldId, 'tldId');
  await client.request('DELETE', `v2/tlds/${tldId}`, { ...callOptions(options), resource: `TLD "${tldId}"` });
}
