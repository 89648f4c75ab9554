import { encodePath, encodeSegment } from '@cloud/core/service';

/** @internal `<container>/<object>`, every segment encoded, the object's `/` kept. */
export const objectPath = (container: string, name: string): string =>
  `${encodeSegment(container)}/${encodePath(name)}`;

/** @internal `/<container>/<object>` as used in `X-Copy-From`, `Destination` and bulk delete bodies. */
export const objectRef = (container: string, name: string): string => `/${objectPath(container, name)}`;
