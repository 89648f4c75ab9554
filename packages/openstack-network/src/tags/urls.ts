import { encodeSegment } from '@cloud/core/service';

/** `{resource}/{id}/tags`. @internal */
export const tagsPath = (resource: string, id: string): string => `${resource}/${encodeSegment(id)}/tags`;
/** `{resource}/{id}/tags/{tag}`. @internal */
export const tagPath = (resource: string, id: string, tag: string): string =>
  `${tagsPath(resource, id)}/${encodeSegment(tag)}`;
