import { encodeSegment } from '@cloud/core/service';

export const volumeAttachmentsPath = (serverId: string) =>
  `servers/${encodeSegment(serverId)}/os-volume_attachments`;
export const volumeAttachmentPath = (serverId: string, volumeId: string) =>
  `servers/${encodeSegment(serverId)}/os-volume_attachments/${encodeSegment(volumeId)}`;
