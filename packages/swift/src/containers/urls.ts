import { encodeSegment } from '@cloud/core';

/** @internal `<container>`, encoded. */
export const containerPath = (name: string): string => encodeSegment(name);
