import { encodeSegment } from '@cloud/core/service';

export const flavorsPath = () => 'flavors';
export const flavorPath = (id: string) => `flavors/${encodeSegment(id)}`;
