import { encodeSegment } from '@cloud/core/service';

export const keypairsPath = () => 'os-keypairs';
export const keypairPath = (name: string) => `os-keypairs/${encodeSegment(name)}`;
