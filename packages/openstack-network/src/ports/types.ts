import {
  arrayOf,
  boolean,
  object,
  optional,
  recordOf,
  type ShapeFields,
  string,
  unknownValue,
} from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { PORTS_PATH } from './urls.js';

/**
 * Statuses of a port. `DOWN` until something binds and uses it, `ACTIVE` once its device is up.
 * @example await waitForPortStatus(network, id, 'ACTIVE');
 */
export type PortStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR' | (string & {});

/**
 * VNIC types of `binding:vnic_type`.
 * @example await createPort(network, { networkId, vnicType: 'direct' });
 */
export type PortVnicType =
  | 'normal'
  | 'macvtap'
  | 'direct'
  | 'baremetal'
  | 'direct-physical'
  | 'virtio-forwarder'
  | 'smart-nic'
  | 'vdpa'
  | 'remote-managed'
  | 'accelerator-direct'
  | 'accelerator-direct-physical';

/**
 * An address of a port, in one of its network's subnets.
 * @example port.fixedIps.map((ip) => ip.ipAddress)
 */
export interface PortFixedIp {
  subnetId: string;
  ipAddress: string;
}

/**
 * An extra address (or CIDR) a port may send from, e.g. a VRRP virtual IP.
 * @example { ipAddress: '10.0.0.250' }
 */
export interface AllowedAddressPair {
  ipAddress: string;
  /** Defaults to the port's own MAC. */
  macAddress?: string | undefined;
}

/**
 * A Neutron port.
 * @example const port = await getPort(network, id); console.log(port.status, port.fixedIps[0]?.ipAddress);
 */
export interface Port extends NetworkStandardAttributes {
  name: string;
  networkId: string;
  status: PortStatus;
  adminStateUp: boolean;
  macAddress: string;
  fixedIps: PortFixedIp[];
  /** What uses the port (a server id, a router id), or `""`. */
  deviceId: string;
  /** `compute:nova`, `network:router_interface`, `network:dhcp`…, or `""`. */
  deviceOwner: string;
  allowedAddressPairs: AllowedAddressPair[];
  securityGroups: string[];
  portSecurityEnabled: boolean | undefined;
  vnicType: PortVnicType | (string & {}) | undefined;
  /** Administrators: the host the port is bound to. */
  hostId: string | undefined;
  vifType: string | undefined;
  /** Administrators: `binding:profile`. */
  bindingProfile: Record<string, unknown> | undefined;
  dnsName: string | undefined;
  qosPolicyId: string | undefined;
}

/** @internal */
export interface PortWire extends StandardWire {
  name: string;
  network_id: string;
  status: string;
  admin_state_up: boolean;
  mac_address: string;
  fixed_ips?: { subnet_id: string; ip_address: string }[];
  device_id?: string;
  device_owner?: string;
  allowed_address_pairs?: { ip_address: string; mac_address?: string }[];
  security_groups?: string[];
  port_security_enabled?: boolean;
  'binding:vnic_type'?: string;
  'binding:host_id'?: string;
  'binding:vif_type'?: string;
  'binding:profile'?: Record<string, unknown>;
  dns_name?: string;
  qos_policy_id?: string;
}

const FIELDS: ShapeFields<PortWire> = {
  ...STANDARD_FIELDS,
  name: string,
  network_id: string,
  status: string,
  admin_state_up: boolean,
  mac_address: string,
  fixed_ips: optional(
    arrayOf(object<{ subnet_id: string; ip_address: string }>({ subnet_id: string, ip_address: string })),
  ),
  device_id: optional(string),
  device_owner: optional(string),
  allowed_address_pairs: optional(
    arrayOf(
      object<{ ip_address: string; mac_address?: string }>({
        ip_address: string,
        mac_address: optional(string),
      }),
    ),
  ),
  security_groups: optional(arrayOf(string)),
  port_security_enabled: optional(boolean),
  'binding:vnic_type': optional(string),
  'binding:host_id': optional(string),
  'binding:vif_type': optional(string),
  'binding:profile': optional(recordOf(unknownValue)),
  dns_name: optional(string),
  qos_policy_id: optional(string),
};

/** @internal */
export function parsePort(w: PortWire): Port {
  return {
    ...parseStandard(w),
    name: w.name,
    networkId: w.network_id,
    status: w.status,
    adminStateUp: w.admin_state_up,
    macAddress: w.mac_address,
    fixedIps: (w.fixed_ips ?? []).map((ip) => ({ subnetId: ip.subnet_id, ipAddress: ip.ip_address })),
    deviceId: w.device_id ?? '',
    deviceOwner: w.device_owner ?? '',
    allowedAddressPairs: (w.allowed_address_pairs ?? []).map((p) => ({
      ipAddress: p.ip_address,
      ...(p.mac_address ? { macAddress: p.mac_address } : {}),
    })),
    securityGroups: w.security_groups ?? [],
    portSecurityEnabled: w.port_security_enabled ?? undefined,
    vnicType: w['binding:vnic_type'] ?? undefined,
    hostId: w['binding:host_id'] || undefined,
    vifType: w['binding:vif_type'] ?? undefined,
    bindingProfile: w['binding:profile'] ?? undefined,
    dnsName: w.dns_name ?? undefined,
    qosPolicyId: w.qos_policy_id ?? undefined,
  };
}

/** @internal */
export const PORT = resourceKind<PortWire, Port>({
  singular: 'port',
  plural: 'ports',
  path: PORTS_PATH,
  label: 'port',
  fields: FIELDS,
  parse: parsePort,
});
