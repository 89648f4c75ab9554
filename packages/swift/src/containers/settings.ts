import { type RequestOptions, ValidationError } from '@cloud/core';
import type { SwiftClient } from '../client.js';
import { encodeHeaderValue } from '../internal/headers.js';
import { checkContainerName } from '../internal/validate.js';
import { postContainer } from './containers.js';
import { aclHeaders, quotaHeaders, versioningHeaders } from './headers.js';
import type { ContainerAcl, ContainerQuota, ContainerVersioning } from './types.js';
import { containerPath } from './urls.js';

/**
 * Sets or removes (`null`) a container's read and write ACLs. Keys left undefined are unchanged.
 * @example
 * ```ts
 * await setContainerAcl(swift, 'site', { read: SWIFT_PUBLIC_READ_ACL });  // public website assets
 * await setContainerAcl(swift, 'site', { read: null });                   // private again
 * ```
 */
export async function setContainerAcl(
  client: SwiftClient,
  name: string,
  acl: ContainerAcl,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  await postContainer(client, name, aclHeaders(acl), options);
}

/**
 * Sets or removes (`null`) a container's byte and object-count quotas (`X-Container-Meta-Quota-*`).
 * Uploads over a quota are refused with 413 (`RateLimitError`).
 * @example
 * ```ts
 * await setContainerQuota(swift, 'uploads', { bytes: 10 * 1024 ** 3, count: 100_000 });
 * ```
 */
export async function setContainerQuota(
  client: SwiftClient,
  name: string,
  quota: ContainerQuota,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  await postContainer(client, name, quotaHeaders(quota), options);
}

/**
 * Turns object versioning on (stack or history mode into a versions container, or the newer
 * `X-Versions-Enabled`), or off with `null`.
 * @example
 * ```ts
 * await createContainer(swift, 'docs-versions');
 * await setContainerVersioning(swift, 'docs', { mode: 'history', location: 'docs-versions' });
 * ```
 */
export async function setContainerVersioning(
  client: SwiftClient,
  name: string,
  versioning: ContainerVersioning | null,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  await postContainer(client, name, versioningHeaders(versioning), options);
}

/**
 * Sets a container's temp URL key (or `Temp-URL-Key-2` with `secondary`), which lets container
 * owners sign URLs without the account key.
 * @example
 * ```ts
 * await setContainerTempUrlKey(swift, 'reports', key);
 * ```
 */
export async function setContainerTempUrlKey(
  client: SwiftClient,
  container: string,
  key: string,
  params: { secondary?: boolean | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  if (typeof key !== 'string' || key === '')
    throw new ValidationError('key must be a non-empty string', 'key');
  await client.request('POST', containerPath(container), {
    ...options,
    headers: {
      ...options?.headers,
      [`x-container-meta-temp-url-key${params.secondary ? '-2' : ''}`]: encodeHeaderValue(key, 'key'),
    },
    secrets: [key],
    resource: `container "${container}"`,
  });
}
