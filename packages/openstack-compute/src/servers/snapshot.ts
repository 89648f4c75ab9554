import type { MicroversionRequestOptions } from '@cloud/core';
import {
  headerValue,
  invalidResponse,
  object,
  optional,
  parseResponse,
  requireNonBlank,
  requireString,
  string,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { validateMetadata } from '../internal/metadata.js';
import type { ComputeMetadata } from '../types.js';
import { serverAction } from './actions.js';

const CREATED_IMAGE = object<{ image_id?: string }>({ image_id: optional(string) });

/**
 * Parameters of {@link createServerImage}.
 * @example await createServerImage(compute, id, { name: 'web-01-backup', metadata: { kind: 'backup' } });
 */
export interface CreateServerImageParams {
  /** Name of the new image. */
  name: string;
  metadata?: ComputeMetadata | undefined;
}

/**
 * Snapshots a server into a new image (`createImage`) and returns the image id. The id comes from
 * the `Location` header before microversion 2.45 and from the body (`image_id`) from 2.45; both are
 * read. The id is a Glance image: the record is `queued`/`saving` until the hypervisor has uploaded
 * the snapshot; wait for `active` with `@cloud/openstack-image` (`waitForGlanceImageStatus` or
 * `getGlanceImage`), or with {@link getImage} (`ACTIVE`) on clouds without Glance v2.
 * @example
 * ```ts
 * const { imageId } = await createServerImage(compute, id, { name: 'web-01-backup' });
 * ```
 */
export async function createServerImage(
  client: ComputeClient,
  id: string,
  params: CreateServerImageParams,
  options?: MicroversionRequestOptions,
): Promise<{ imageId: string }> {
  requireNonBlank(params?.name, 'name');
  if (params.metadata !== undefined) validateMetadata(params.metadata);
  const createImage = params.metadata
    ? { name: params.name, metadata: params.metadata }
    : { name: params.name };
  const res = await serverAction(client, id, { createImage }, options);
  // Before 2.45 the body is empty and the id is in Location; from 2.45 it is `{"image_id": …}`.
  const fromBody = res.body === undefined ? undefined : parseResponse(res, CREATED_IMAGE).image_id;
  const location = headerValue(res.headers, 'location');
  const imageId = fromBody ?? location?.replace(/\/+$/, '').split('/').at(-1);
  if (!imageId) {
    throw invalidResponse(
      res,
      `createImage on server "${id}" returned neither an image_id nor a Location header`,
    );
  }
  return { imageId };
}

/**
 * Changes the root (administrator) password of a server (`changePassword`). The password is never
 * part of an error message or log.
 * @example
 * ```ts
 * await changeServerPassword(compute, id, newPassword);
 * ```
 */
export async function changeServerPassword(
  client: ComputeClient,
  id: string,
  adminPass: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(adminPass, 'adminPass');
  await serverAction(client, id, { changePassword: { adminPass } }, options);
}
