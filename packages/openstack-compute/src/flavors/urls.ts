import { encodeSegment } from '@cloud/core/service';

export const flavorsPath = () => 'flavors';
export const flavorsDetailPath = () => 'flavors/detail';
export const flavorPath = (id: string) => `flavors/${encodeSegment(id)}`;
export const flavorExtraSpecsPath = (id: string) => `flavors/${encodeSegment(id)}/os-extra_specs`;
