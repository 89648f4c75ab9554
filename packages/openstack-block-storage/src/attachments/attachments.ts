import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  type MicroversionGate,
  object,
  omitUndefined,
  optional,
  recordOf,
  requireOneOf,
  requireString,
  string,
  unknownValue,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { dateOf, seg, send } from '../internal/common.js';
import { listResource } from '../internal/list.js';

/**
 * A v3 attachment of a volume to a server (3.27+): the record a compute service makes before it
 * connects the volume. Most users attach through compute (`attachVolume`); these calls are for
 * tools that do the connecting themselves.
 * @example const a = await getAttachment(volumes, id); console.log(a.status, a.instanceId);
 */
export interface Attachment {
  id: string;
  status: string;
  volumeId: string;
  /** The server (instance) id. */
  instanceId?: string | undefined;
  /** `rw` or `ro`. */
  attachMode?: string | undefined;
  attachedAt?: Date | undefined;
  detachedAt?: Date | undefined;
  /** Driver-specific connection details, once a connector was given. */
  connectionInfo?: Record<string, unknown> | undefined;
  raw: Record<string, unknown>;
}

interface AttachmentWire {
  id: string;
  status: string;
  volume_id: string;
  instance?: string | null;
  attach_mode?: string | null;
  attached_at?: string | null;
  detached_at?: string | null;
  connection_info?: Record<string, unknown> | null;
}

const ATTACHMENT = object<AttachmentWire>({
  id: string,
  status: string,
  volume_id: string,
  instance: optional(string),
  attach_mode: optional(string),
  connection_info: optional(recordOf(unknownValue)),
});

const parseAttachment = (w: AttachmentWire): Attachment => ({
  id: w.id,
  status: w.status,
  volumeId: w.volume_id,
  instanceId: w.instance ?? undefined,
  attachMode: w.attach_mode ?? undefined,
  attachedAt: dateOf(w.attached_at),
  detachedAt: dateOf(w.detached_at),
  connectionInfo: w.connection_info ?? undefined,
  raw: w as unknown as Record<string, unknown>,
});

const op = (field: string, since = '3.27'): MicroversionGate[] => [{ field, since, operation: true }];

/**
 * What {@link createAttachment} reserves.
 * @example createAttachment(volumes, { volumeId, instanceId: serverId }, { microversion: '3.54' });
 */
export interface CreateAttachmentParams {
  volumeId: string;
  instanceId?: string | undefined;
  /** The host connector (`initiator`, `ip`, `host`, …); without it the volume is only reserved. */
  connector?: Record<string, unknown> | undefined;
  /** `rw` (default) or `ro` (3.54+). */
  mode?: 'rw' | 'ro' | undefined;
}

/**
 * Creates an attachment (reserves the volume; with a connector, also exports it). 3.27+.
 * @throws ValidationError below 3.27 (or `mode` below 3.54) before any request.
 * @example const a = await createAttachment(volumes, { volumeId, instanceId }, { microversion: '3.27' });
 */
export async function createAttachment(
  client: BlockStorageClient,
  params: CreateAttachmentParams,
  options?: MicroversionRequestOptions,
): Promise<Attachment> {
  requireString(params?.volumeId, 'volumeId');
  if (params.mode !== undefined) requireOneOf(params.mode, ['rw', 'ro'], 'mode');
  const res = await send(client, 'POST', 'attachments', {
    gates: [...op('createAttachment'), { field: 'mode', since: '3.54' }],
    params,
    options,
    json: {
      attachment: omitUndefined({
        volume_uuid: params.volumeId,
        instance_uuid: params.instanceId,
        connector: params.connector,
        mode: params.mode,
      }),
    },
  });
  return parseAttachment(unwrap(res, 'attachment', ATTACHMENT));
}

/**
 * Lists attachments with their details, page by page (3.27+).
 * @example for await (const a of listAttachments(volumes, { volumeId }, { microversion: '3.27' })) console.log(a.id);
 */
export function listAttachments(
  client: BlockStorageClient,
  params: {
    volumeId?: string | undefined;
    instanceId?: string | undefined;
    limit?: number | undefined;
    marker?: string | undefined;
  } = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Attachment> {
  return listResource(client, {
    path: 'attachments/detail',
    key: 'attachments',
    shape: ATTACHMENT,
    map: parseAttachment,
    query: { volume_id: params.volumeId, instance_id: params.instanceId },
    limit: params.limit,
    marker: params.marker,
    gates: op('listAttachments'),
    options,
  });
}

/**
 * Gets an attachment (3.27+).
 * @example const a = await getAttachment(volumes, id, { microversion: '3.27' });
 */
export async function getAttachment(
  client: BlockStorageClient,
  attachmentId: string,
  options?: MicroversionRequestOptions,
): Promise<Attachment> {
  requireString(attachmentId, 'attachmentId');
  const res = await send(client, 'GET', `attachments/${seg(attachmentId)}`, {
    gates: op('getAttachment'),
    options,
    resource: `attachment "${attachmentId}"`,
  });
  return parseAttachment(unwrap(res, 'attachment', ATTACHMENT));
}

/**
 * Gives an attachment its host connector, which exports the volume to that host (3.27+).
 * @example await updateAttachment(volumes, id, { initiator: 'iqn…', host: 'compute-1' });
 */
export async function updateAttachment(
  client: BlockStorageClient,
  attachmentId: string,
  connector: Record<string, unknown>,
  options?: MicroversionRequestOptions,
): Promise<Attachment> {
  requireString(attachmentId, 'attachmentId');
  const res = await send(client, 'PUT', `attachments/${seg(attachmentId)}`, {
    gates: op('updateAttachment'),
    options,
    json: { attachment: { connector } },
    resource: `attachment "${attachmentId}"`,
  });
  return parseAttachment(unwrap(res, 'attachment', ATTACHMENT));
}

/**
 * Marks an attachment complete: the volume becomes `in-use` (3.44+).
 * @example await completeAttachment(volumes, id, { microversion: '3.44' });
 */
export async function completeAttachment(
  client: BlockStorageClient,
  attachmentId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(attachmentId, 'attachmentId');
  await send(client, 'POST', `attachments/${seg(attachmentId)}/action`, {
    gates: op('completeAttachment', '3.44'),
    options,
    json: { 'os-complete': null },
    resource: `attachment "${attachmentId}"`,
  });
}

/**
 * Deletes an attachment (detaches and frees the volume when it was the last one) (3.27+).
 * @example await deleteAttachment(volumes, id, { microversion: '3.27' });
 */
export async function deleteAttachment(
  client: BlockStorageClient,
  attachmentId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(attachmentId, 'attachmentId');
  await send(client, 'DELETE', `attachments/${seg(attachmentId)}`, {
    gates: op('deleteAttachment'),
    options,
    resource: `attachment "${attachmentId}"`,
  });
}
