import { encodeSegment } from '@cloud/core/service';

/** @internal A container on the CDN service. */
export const cdnContainerPath = (name: string): string => encodeSegment(name);
