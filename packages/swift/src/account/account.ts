import { type RequestOptions, ValidationError } from '@cloud/core';
import type { SwiftClient } from '../client.js';
import {
  encodeHeaderValue,
  metadataToHeaders,
  removalHeaders,
  tempUrlKeySecrets,
} from '../internal/headers.js';
import { checkMetadata, checkMetadataKeys } from '../internal/validate.js';
import { type AccountInfo, parseAccountInfo } from './types.js';
import { accountPath } from './urls.js';

/**
 * Reads the account's totals and user metadata (HEAD on the account).
 * @example
 * ```ts
 * const info = await getAccountMetadata(swift);
 * console.log(info.containerCount, info.bytesUsed, info.metadata);
 * ```
 */
export async function getAccountMetadata(
  client: SwiftClient,
  options?: RequestOptions,
): Promise<AccountInfo> {
  const res = await client.request('HEAD', accountPath(), { ...options, resource: 'account' });
  return parseAccountInfo(res.headers);
}

/**
 * Adds or updates account metadata keys; other keys are kept (POST with `X-Account-Meta-*`).
 * Values may be any Unicode text; keys are case-insensitive and returned lower-cased.
 * @example
 * ```ts
 * await setAccountMetadata(swift, { owner: 'team-a', 'cost-center': '42' });
 * ```
 */
export async function setAccountMetadata(
  client: SwiftClient,
  metadata: Record<string, string>,
  options?: RequestOptions,
): Promise<void> {
  checkMetadata(metadata);
  await client.request('POST', accountPath(), {
    ...options,
    headers: { ...options?.headers, ...metadataToHeaders('x-account-meta-', metadata) },
    secrets: tempUrlKeySecrets(metadata),
    resource: 'account',
  });
}

/**
 * Removes account metadata keys (POST with `X-Remove-Account-Meta-*`). Missing keys are ignored.
 * @example
 * ```ts
 * await removeAccountMetadata(swift, ['owner']);
 * ```
 */
export async function removeAccountMetadata(
  client: SwiftClient,
  keys: readonly string[],
  options?: RequestOptions,
): Promise<void> {
  checkMetadataKeys(keys);
  if (keys.length === 0) return;
  await client.request('POST', accountPath(), {
    ...options,
    headers: { ...options?.headers, ...removalHeaders('x-remove-account-meta-', keys) },
    resource: 'account',
  });
}

/**
 * Sets the account's temp URL key (or with `secondary`, `Temp-URL-Key-2`, for key rotation).
 * @example
 * ```ts
 * await setAccountTempUrlKey(swift, randomBytes(32).toString('hex'));
 * ```
 */
export async function setAccountTempUrlKey(
  client: SwiftClient,
  key: string,
  params: { secondary?: boolean | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  if (typeof key !== 'string' || key === '')
    throw new ValidationError('key must be a non-empty string', 'key');
  await client.request('POST', accountPath(), {
    ...options,
    headers: {
      ...options?.headers,
      [`x-account-meta-temp-url-key${params.secondary ? '-2' : ''}`]: encodeHeaderValue(key, 'key'),
    },
    secrets: [key],
    resource: 'account',
  });
}
