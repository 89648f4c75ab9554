import { encodeSegment } from '@cloud/core/service';

/** @internal Paths relative to the v2 root. */
export const imagesPath = 'images';
/** @internal */
export const imagePath = (id: string): string => `images/${encodeSegment(id)}`;
/** @internal */
export const imageActionPath = (id: string, action: 'deactivate' | 'reactivate'): string =>
  `${imagePath(id)}/actions/${action}`;
/** @internal */
export const imageTagPath = (id: string, tag: string): string =>
  `${imagePath(id)}/tags/${encodeSegment(tag)}`;
