import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  arrayOf,
  type MicroversionGate,
  omitUndefined,
  paginate,
  requireInteger,
  requireString,
  requireUuid,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import { checkComputeGates } from '../internal/microversion.js';
import { parseVolumeAttachment, VOLUME_ATTACHMENT, type VolumeAttachment } from './types.js';
import { volumeAttachmentPath, volumeAttachmentsPath } from './urls.js';

/**
 * Parameters of {@link attachVolume}.
 * @example await attachVolume(compute, serverId, { volumeId, device: '/dev/vdb' });
 */
export interface AttachVolumeParams {
  /** UUID of the block storage volume. */
  volumeId: string;
  /** Requested device name, e.g. `/dev/vdb`; the hypervisor may pick another. */
  device?: string | undefined;
  /** @remarks Requires compute microversion 2.49 */
  tag?: string | undefined;
  /** Delete the volume with the server. @remarks Requires compute microversion 2.79 */
  deleteOnTermination?: boolean | undefined;
}

const ATTACH_GATES: MicroversionGate[] = [
  { field: 'tag', since: '2.49' },
  { field: 'deleteOnTermination', since: '2.79' },
];

/**
 * Attaches a block storage volume to a server. The volume becomes `in-use` asynchronously.
 * @example
 * ```ts
 * const att = await attachVolume(compute, serverId, { volumeId });
 * console.log(att.device);
 * ```
 */
export async function attachVolume(
  client: ComputeClient,
  serverId: string,
  params: AttachVolumeParams,
  options?: MicroversionRequestOptions,
): Promise<VolumeAttachment> {
  requireServerId(serverId);
  requireUuid(params?.volumeId, 'volumeId');
  if (params.device !== undefined) requireString(params.device, 'device');
  checkComputeGates(client, ATTACH_GATES, params, options);
  const res = await client.request('POST', volumeAttachmentsPath(serverId), {
    ...options,
    json: {
      volumeAttachment: omitUndefined({
        volumeId: params.volumeId,
        device: params.device,
        tag: params.tag,
        delete_on_termination: params.deleteOnTermination,
      }),
    },
    resource: `server "${serverId}"`,
  });
  return parseVolumeAttachment(unwrap(res, 'volumeAttachment', VOLUME_ATTACHMENT));
}

/**
 * Lists the volumes attached to a server. With `limit`, pages are fetched with `limit`/`offset`.
 * @example
 * ```ts
 * for await (const att of listVolumeAttachments(compute, serverId)) console.log(att.volumeId, att.device);
 * ```
 */
export function listVolumeAttachments(
  client: ComputeClient,
  serverId: string,
  params: { limit?: number | undefined; offset?: number | undefined } = {},
  options?: MicroversionRequestOptions,
): PagedIterable<VolumeAttachment> {
  requireServerId(serverId);
  if (params.offset !== undefined) requireInteger(params.offset, 'offset', 0);
  return paginate<VolumeAttachment>({
    pageSize: params.limit,
    marker: params.offset === undefined ? undefined : String(params.offset),
    fetchPage: async ({ marker, limit }) => {
      const offset = marker === undefined ? undefined : Number(marker);
      const res = await client.request('GET', volumeAttachmentsPath(serverId), {
        ...options,
        searchParams: { limit, offset },
        resource: `server "${serverId}"`,
      });
      const items = unwrap(res, 'volumeAttachments', arrayOf(VOLUME_ATTACHMENT)).map(parseVolumeAttachment);
      const next =
        limit !== undefined && items.length === limit ? String((offset ?? 0) + items.length) : undefined;
      return { items, nextMarker: next };
    },
  });
}

/**
 * Gets the attachment of one volume to a server.
 * @throws NotFoundError when the volume is not attached to the server.
 * @example
 * ```ts
 * const att = await getVolumeAttachment(compute, serverId, volumeId);
 * ```
 */
export async function getVolumeAttachment(
  client: ComputeClient,
  serverId: string,
  volumeId: string,
  options?: MicroversionRequestOptions,
): Promise<VolumeAttachment> {
  requireServerId(serverId);
  requireUuid(volumeId, 'volumeId');
  const res = await client.request('GET', volumeAttachmentPath(serverId, volumeId), {
    ...options,
    resource: `volume attachment "${volumeId}" of server "${serverId}"`,
  });
  return parseVolumeAttachment(unwrap(res, 'volumeAttachment', VOLUME_ATTACHMENT));
}

/**
 * Detaches a volume from a server. Detaching is asynchronous: the volume becomes `available`
 * once done.
 * @example
 * ```ts
 * await detachVolume(compute, serverId, volumeId);
 * ```
 */
export async function detachVolume(
  client: ComputeClient,
  serverId: string,
  volumeId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireServerId(serverId);
  requireUuid(volumeId, 'volumeId');
  await client.request('DELETE', volumeAttachmentPath(serverId, volumeId), {
    ...options,
    resource: `volume attachment "${volumeId}" of server "${serverId}"`,
  });
}
