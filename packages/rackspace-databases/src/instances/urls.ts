import { encodeSegment } from '@cloud/core/service';

export const instancesPath = () => 'instances';
export const instancePath = (id: string) => `instances/${encodeSegment(id)}`;
export const instanceActionPath = (id: string) => `${instancePath(id)}/action`;
