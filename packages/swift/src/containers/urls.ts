import { encodeSegment } from '@cloud/core/service';

/** @internal `<container>`, encoded. */
export const containerPath = (name: string): string => encodeSegment(name);
