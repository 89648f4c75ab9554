import { number, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { FLOATING_IPS_PATH } from './urls.js';

/**
 * Statuses of a floating IP: `DOWN` while unassociated, `ACTIVE` once associated and routed.
 * @example await waitForNetworkFloatingIpStatus(network, id, 'ACTIVE');
 */
export type NetworkFloatingIpStatus = 'ACTIVE' | 'DOWN' | 'ERROR' | (string & {});

/**
 * A floating IP: an address on an external network, mapped to a port's fixed address.
 * @example const fip = await createNetworkFloatingIp(network, { floatingNetworkId: ext.id, portId });
 */
export interface NetworkFloatingIp extends NetworkStandardAttributes {
  floatingIpAddress: string;
  floatingNetworkId: string;
  status: NetworkFloatingIpStatus;
  /** The port it is associated with, or `undefined`. */
  portId: string | undefined;
  fixedIpAddress: string | undefined;
  routerId: string | undefined;
  dnsName: string | undefined;
  dnsDomain: string | undefined;
  qosPolicyId: string | undefined;
}

/**
 * A port forwarding of a floating IP: traffic to `externalPort` goes to an internal address and port.
 * @example await createFloatingIpPortForwarding(network, fipId, { protocol: 'tcp', externalPort: 2222, internalPort: 22, internalPortId, internalIpAddress });
 */
export interface FloatingIpPortForwarding {
  id: string;
  protocol: 'tcp' | 'udp' | (string & {});
  internalPortId: string;
  internalIpAddress: string;
  internalPort: number | undefined;
  externalPort: number | undefined;
  /** `"1000:1010"`, when the forwarding covers a range. */
  internalPortRange: string | undefined;
  externalPortRange: string | undefined;
  description: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

/** @internal */
export interface FloatingIpWire extends StandardWire {
  floating_ip_address: string;
  floating_network_id: string;
  status: string;
  port_id?: string;
  fixed_ip_address?: string;
  router_id?: string;
  dns_name?: string;
  dns_domain?: string;
  qos_policy_id?: string;
}

/** @internal */
export interface PortForwardingWire {
  id: string;
  protocol: string;
  internal_port_id: string;
  internal_ip_address: string;
  internal_port?: number;
  external_port?: number;
  internal_port_range?: string;
  external_port_range?: string;
  description?: string;
}

const FIELDS: ShapeFields<FloatingIpWire> = {
  ...STANDARD_FIELDS,
  floating_ip_address: string,
  floating_network_id: string,
  status: string,
  port_id: optional(string),
  fixed_ip_address: optional(string),
  router_id: optional(string),
  dns_name: optional(string),
  dns_domain: optional(string),
  qos_policy_id: optional(string),
};

/** @internal */
export function parseFloatingIp(w: FloatingIpWire): NetworkFloatingIp {
  return {
    ...parseStandard(w),
    floatingIpAddress: w.floating_ip_address,
    floatingNetworkId: w.floating_network_id,
    status: w.status,
    portId: w.port_id ?? undefined,
    fixedIpAddress: w.fixed_ip_address ?? undefined,
    routerId: w.router_id ?? undefined,
    dnsName: w.dns_name || undefined,
    dnsDomain: w.dns_domain || undefined,
    qosPolicyId: w.qos_policy_id ?? undefined,
  };
}

/** @internal */
export function parsePortForwarding(w: PortForwardingWire): FloatingIpPortForwarding {
  return {
    id: w.id,
    protocol: w.protocol,
    internalPortId: w.internal_port_id,
    internalIpAddress: w.internal_ip_address,
    internalPort: w.internal_port ?? undefined,
    externalPort: w.external_port ?? undefined,
    internalPortRange: w.internal_port_range ?? undefined,
    externalPortRange: w.external_port_range ?? undefined,
    description: w.description ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  };
}

/** @internal */
export const FLOATING_IP = resourceKind<FloatingIpWire, NetworkFloatingIp>({
  singular: 'floatingip',
  plural: 'floatingips',
  path: FLOATING_IPS_PATH,
  label: 'floating IP',
  fields: FIELDS,
  parse: parseFloatingIp,
});

/** @internal path is set per floating IP */
export const PORT_FORWARDING = resourceKind<PortForwardingWire, FloatingIpPortForwarding>({
  singular: 'port_forwarding',
  plural: 'port_forwardings',
  path: '',
  label: 'port forwarding',
  fields: {
    id: string,
    protocol: string,
    internal_port_id: string,
    internal_ip_address: string,
    internal_port: optional(number),
    external_port: optional(number),
    internal_port_range: optional(string),
    external_port_range: optional(string),
    description: optional(string),
  },
  parse: parsePortForwarding,
});
