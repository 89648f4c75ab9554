import { encodeSegment } from '@cloud/core/service';

export const configurationsPath = () => 'configurations';
export const configurationPath = (id: string) => `configurations/${encodeSegment(id)}`;
export const configurationInstancesPath = (id: string) => `${configurationPath(id)}/instances`;
