import { boolean, object, optional, string } from '@cloud/core/service';

/**
 * A volume attached to a server.
 * @example const { device } = await getVolumeAttachment(compute, serverId, volumeId);
 */
export interface VolumeAttachment {
  serverId: string;
  volumeId: string;
  /** Device name in the guest, e.g. `/dev/vdb` (may be unreliable with some hypervisors). */
  device?: string | undefined;
  /** The attachment's legacy id (the volume id); absent from microversion 2.89. */
  id?: string | undefined;
  /** @remarks Requires compute microversion 2.70 */
  tag?: string | undefined;
  /** @remarks Requires compute microversion 2.79 */
  deleteOnTermination?: boolean | undefined;
  /** The block storage attachment id. @remarks Requires compute microversion 2.89 */
  attachmentId?: string | undefined;
  /** @remarks Requires compute microversion 2.89 */
  bdmUuid?: string | undefined;
}

/** @internal wire shape */
export interface VolumeAttachmentWire {
  id?: string;
  serverId: string;
  volumeId: string;
  device?: string | null;
  tag?: string | null;
  delete_on_termination?: boolean;
  attachment_id?: string;
  bdm_uuid?: string;
}

/** @internal */
export const parseVolumeAttachment = (w: VolumeAttachmentWire): VolumeAttachment => ({
  serverId: w.serverId,
  volumeId: w.volumeId,
  ...(w.device ? { device: w.device } : {}),
  ...(w.id ? { id: w.id } : {}),
  ...(w.tag ? { tag: w.tag } : {}),
  ...(w.delete_on_termination !== undefined ? { deleteOnTermination: w.delete_on_termination } : {}),
  ...(w.attachment_id ? { attachmentId: w.attachment_id } : {}),
  ...(w.bdm_uuid ? { bdmUuid: w.bdm_uuid } : {}),
});

/** @internal */
export const VOLUME_ATTACHMENT = object<VolumeAttachmentWire>({
  id: optional(string),
  serverId: string,
  volumeId: string,
  device: optional(string),
  tag: optional(string),
  delete_on_termination: optional(boolean),
  attachment_id: optional(string),
  bdm_uuid: optional(string),
});
