import { encodeSegment } from '@cloud/core';

export const floatingIpsPath = () => 'os-floating-ips';
export const floatingIpPath = (id: string) => `os-floating-ips/${encodeSegment(id)}`;
