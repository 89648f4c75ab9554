import { encodeSegment } from '@cloud/core';

export const flavorsPath = () => 'flavors';
export const flavorPath = (id: string) => `flavors/${encodeSegment(id)}`;
