import type { PagedIterable, RequestOptions } from '@cloud/core';
import { NotFoundError } from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  object,
  optional,
  requireNonBlank,
  singlePage,
  string,
  unwrap,
} from '@cloud/core/service';
import type { NetworkClient } from '../client.js';

/**
 * An API extension Neutron has loaded; `alias` is what to test for (`router`, `standard-attr-tag`,
 * `floating-ip-port-forwarding`, `revision-if-match`…).
 * @example const aliases = new Set((await toArray(listNetworkExtensions(network))).map((e) => e.alias));
 */
export interface NetworkExtension {
  alias: string;
  name: string;
  description: string;
  updated: Date | undefined;
}

interface ExtensionWire {
  alias: string;
  name: string;
  description?: string;
  updated?: string;
}

const EXTENSION = object<ExtensionWire>({
  alias: string,
  name: string,
  description: optional(string),
  updated: optional(string),
});

const parse = (w: ExtensionWire): NetworkExtension => {
  const updated = w.updated ? new Date(w.updated) : undefined;
  return {
    alias: w.alias,
    name: w.name,
    description: w.description ?? '',
    updated: updated && !Number.isNaN(updated.getTime()) ? updated : undefined,
  };
};

/**
 * Lists the loaded API extensions, so callers can detect features. One page.
 * @example
 * ```ts
 * const aliases = new Set((await toArray(listNetworkExtensions(network))).map((e) => e.alias));
 * if (aliases.has('floating-ip-port-forwarding')) { … }
 * ```
 */
export function listNetworkExtensions(
  client: NetworkClient,
  options?: RequestOptions,
): PagedIterable<NetworkExtension> {
  return singlePage(async () => {
    const res = await client.request('GET', 'extensions', options);
    return unwrap(res, 'extensions', arrayOf(EXTENSION)).map(parse);
  });
}

/**
 * Reads one extension by alias.
 * @throws NotFoundError when the extension is not loaded.
 * @example const ext = await getNetworkExtension(network, 'standard-attr-tag');
 */
export async function getNetworkExtension(
  client: NetworkClient,
  alias: string,
  options?: RequestOptions,
): Promise<NetworkExtension> {
  requireNonBlank(alias, 'alias');
  const res = await client.request('GET', `extensions/${encodeSegment(alias)}`, {
    ...options,
    resource: `network extension "${alias}"`,
  });
  return parse(unwrap(res, 'extension', EXTENSION));
}

/**
 * True when an extension is loaded (a 404 means it is not).
 * @example if (await hasNetworkExtension(network, 'revision-if-match')) await updatePort(network, id, { name, ifRevision });
 */
export async function hasNetworkExtension(
  client: NetworkClient,
  alias: string,
  options?: RequestOptions,
): Promise<boolean> {
  try {
    await getNetworkExtension(client, alias, options);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
