import { encodeSegment } from '@cloud/core/service';

export const floatingIpsPath = () => 'os-floating-ips';
export const floatingIpPath = (id: string) => `os-floating-ips/${encodeSegment(id)}`;
