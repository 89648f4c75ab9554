import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, object, optional, singlePage, string, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import type { DatabaseLink } from '../instances/types.js';
import { LINKS, type LinkWire } from '../internal/common.js';

/**
 * A version of the database API, from the service's version document.
 * @example const [v] = await toArray(listDatabaseApiVersions(db)); console.log(v.id, v.status);
 */
export interface DatabaseApiVersion {
  /** e.g. `v1.0`. */
  id: string;
  /** `CURRENT`, `SUPPORTED` or `DEPRECATED`. */
  status: string;
  updated?: Date | undefined;
  links: DatabaseLink[];
}

interface VersionWire {
  id: string;
  status: string;
  updated?: string;
  links?: LinkWire[];
}

const VERSION = object<VersionWire>({ id: string, status: string, updated: optional(string), links: LINKS });

/** The endpoint without its `/v1.0/<project>` path: where the version document lives. @internal */
export function databaseRootUrl(endpoint: string): string {
  const url = new URL(endpoint);
  const m = /\/v\d+(?:\.\d+)?(?=\/|$)/.exec(url.pathname);
  url.pathname = m ? url.pathname.slice(0, m.index + 1) : url.pathname.replace(/\/?$/, '/');
  url.search = '';
  return url.toString();
}

/**
 * Lists the API versions the database service offers (its version document, one request).
 * @example
 * ```ts
 * for await (const v of listDatabaseApiVersions(db)) console.log(v.id, v.status);
 * ```
 */
export function listDatabaseApiVersions(
  client: DatabaseClient,
  options?: RequestOptions,
): PagedIterable<DatabaseApiVersion> {
  return singlePage(async () => {
    const root = databaseRootUrl(await client.endpoint(options?.signal));
    const res = await client.request('GET', root, {
      ...options,
      okStatuses: [300],
      resource: 'database API versions',
    });
    return unwrap(res, 'versions', arrayOf(VERSION)).map((v) => {
      const updated = v.updated ? new Date(v.updated) : undefined;
      return {
        id: v.id,
        status: v.status,
        ...(updated && !Number.isNaN(updated.getTime()) ? { updated } : {}),
        links: (v.links ?? []).map((l) => ({ href: l.href, rel: l.rel })),
      };
    });
  });
}
