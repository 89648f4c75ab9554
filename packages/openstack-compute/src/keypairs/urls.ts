import { encodeSegment } from '@cloud/core';

export const keypairsPath = () => 'os-keypairs';
export const keypairPath = (name: string) => `os-keypairs/${encodeSegment(name)}`;
