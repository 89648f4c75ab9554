import { encodeSegment } from '@cloud/core/service';

/** Collection path of floating IPs. @internal */
export const FLOATING_IPS_PATH = 'floatingips';
/** Port forwardings of one floating IP. @internal */
export const portForwardingsPath = (floatingIpId: string): string =>
  `${FLOATING_IPS_PATH}/${encodeSegment(floatingIpId)}/port_forwardings`;
