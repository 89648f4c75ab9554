import { encodeSegment } from '@cloud/core/service';

export const floatingIpPtrsPath = () => 'v2/reverse/floatingips';
export const floatingIpPtrPath = (region: string, floatingIpId: string) =>
  `v2/reverse/floatingips/${encodeSegment(region)}:${floatingIpId}`;
