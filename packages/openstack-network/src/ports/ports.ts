import {
  type PagedIterable,
  type RequestOptions,
  type StatusWaiterOptions,
  ValidationError,
} from '@cloud/core';
import { omitUndefined, pollForStatus, pollUntilGone, requireOneOf, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type {
  NetworkDeletionWaiterOptions,
  NetworkListParams,
  NetworkRevisionGuard,
  OneOrMany,
} from '../common.js';
import { requireCidr, requireIp, requireMac } from '../internal/ip.js';
import {
  createResource,
  createResources,
  deleteResource,
  getResource,
  listResources,
  requireBatch,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import { optBool, optString, optUuid, optUuids, requireChange, requireParams } from '../internal/validate.js';
import { type AllowedAddressPair, PORT, type Port, type PortStatus, type PortVnicType } from './types.js';

const VNIC_TYPES: readonly PortVnicType[] = [
  'normal',
  'macvtap',
  'direct',
  'baremetal',
  'direct-physical',
  'virtio-forwarder',
  'smart-nic',
  'vdpa',
  'remote-managed',
  'accelerator-direct',
  'accelerator-direct-physical',
];

/**
 * Filters of {@link listPorts}; arrays mean "any of". `deviceId: ''` finds unbound ports.
 * @example listPorts(network, { deviceId: serverId, status: 'ACTIVE' });
 */
export interface ListPortsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  networkId?: OneOrMany<string> | undefined;
  status?: OneOrMany<PortStatus> | undefined;
  deviceId?: OneOrMany<string> | undefined;
  deviceOwner?: OneOrMany<string> | undefined;
  macAddress?: OneOrMany<string> | undefined;
  adminStateUp?: boolean | undefined;
  projectId?: OneOrMany<string> | undefined;
  /** Ports with an address in this subnet / with this address (`fixed_ips=subnet_id=…`). */
  fixedIp?: { subnetId?: string | undefined; ipAddress?: string | undefined } | undefined;
  vnicType?: OneOrMany<string> | undefined;
  securityGroups?: OneOrMany<string> | undefined;
}

/**
 * Lists ports, lazily.
 * @example for await (const p of listPorts(network, { networkId, deviceOwner: 'network:router_interface' })) console.log(p.id);
 */
export function listPorts(
  client: NetworkClient,
  params?: ListPortsParams,
  options?: RequestOptions,
): PagedIterable<Port> {
  const p = params ?? {};
  const fixed: string[] = [];
  if (p.fixedIp?.subnetId !== undefined)
    fixed.push(`subnet_id=${requireUuid(p.fixedIp.subnetId, 'fixedIp.subnetId')}`);
  if (p.fixedIp?.ipAddress !== undefined)
    fixed.push(`ip_address=${requireIp(p.fixedIp.ipAddress, 'fixedIp.ipAddress')}`);
  return listResources(
    client,
    PORT,
    params,
    {
      id: p.id,
      name: p.name,
      network_id: p.networkId,
      status: p.status,
      device_id: p.deviceId,
      device_owner: p.deviceOwner,
      mac_address: p.macAddress,
      admin_state_up: p.adminStateUp,
      project_id: p.projectId,
      fixed_ips: fixed.length ? fixed : undefined,
      'binding:vnic_type': p.vnicType,
      security_groups: p.securityGroups,
    },
    options,
  );
}

/**
 * Reads one port.
 * @throws NotFoundError when there is no such port.
 * @example const port = await getPort(network, id);
 */
export async function getPort(
  client: NetworkClient,
  portId: string,
  options?: RequestOptions,
): Promise<Port> {
  requireUuid(portId, 'portId');
  return getResource(client, PORT, portId, options);
}

/**
 * An address asked for: a subnet (Neutron picks the address), an address, or both.
 * @example [{ subnetId }, { subnetId, ipAddress: '10.0.0.20' }]
 */
export interface PortFixedIpRequest {
  subnetId?: string | undefined;
  ipAddress?: string | undefined;
}

/**
 * The updatable attributes of a port.
 * @example { securityGroups: [sg.id], allowedAddressPairs: [{ ipAddress: '10.0.0.250' }] }
 */
export interface PortParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  fixedIps?: readonly PortFixedIpRequest[] | undefined;
  deviceId?: string | undefined;
  deviceOwner?: string | undefined;
  allowedAddressPairs?: readonly AllowedAddressPair[] | undefined;
  /** Security group ids; `[]` removes them all (needs port security off to pass traffic). */
  securityGroups?: readonly string[] | undefined;
  portSecurityEnabled?: boolean | undefined;
  vnicType?: PortVnicType | undefined;
  /** Administrators: bind to this host. */
  hostId?: string | undefined;
  /** Administrators: `binding:profile`. */
  bindingProfile?: Record<string, unknown> | undefined;
  dnsName?: string | undefined;
  qosPolicyId?: string | null | undefined;
}

/**
 * Parameters of {@link createPort}.
 * @example await createPort(network, { networkId, fixedIps: [{ subnetId }], securityGroups: [sgId] });
 */
export interface CreatePortParams extends PortParams {
  networkId: string;
  macAddress?: string | undefined;
  projectId?: string | undefined;
}

function fixedIps(value: unknown): { subnet_id?: string; ip_address?: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError('fixedIps must be an array', 'fixedIps');
  return value.map((f: PortFixedIpRequest, i) => {
    if (!f || (f.subnetId === undefined && f.ipAddress === undefined)) {
      throw new ValidationError(`fixedIps[${i}] needs a subnetId, an ipAddress or both`, `fixedIps[${i}]`);
    }
    return omitUndefined({
      subnet_id: optUuid(f.subnetId, `fixedIps[${i}].subnetId`),
      ip_address: f.ipAddress === undefined ? undefined : requireIp(f.ipAddress, `fixedIps[${i}].ipAddress`),
    });
  });
}

function addressPairs(value: unknown): { ip_address: string; mac_address?: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new ValidationError('allowedAddressPairs must be an array', 'allowedAddressPairs');
  return value.map((a: AllowedAddressPair, i) => {
    const field = `allowedAddressPairs[${i}].ipAddress`;
    const ip = a?.ipAddress;
    if (typeof ip === 'string' && ip.includes('/')) requireCidr(ip, field);
    else requireIp(ip, field);
    return omitUndefined({
      ip_address: ip as string,
      mac_address:
        a.macAddress === undefined
          ? undefined
          : requireMac(a.macAddress, `allowedAddressPairs[${i}].macAddress`),
    });
  });
}

function portBody(input: unknown, create: boolean): Record<string, unknown> {
  const p = requireParams<CreatePortParams>(input);
  const body: Record<string, unknown> = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    fixed_ips: fixedIps(p.fixedIps),
    device_id: optString(p.deviceId, 'deviceId'),
    device_owner: optString(p.deviceOwner, 'deviceOwner'),
    allowed_address_pairs: addressPairs(p.allowedAddressPairs),
    security_groups: optUuids(p.securityGroups, 'securityGroups'),
    port_security_enabled: optBool(p.portSecurityEnabled, 'portSecurityEnabled'),
    'binding:vnic_type':
      p.vnicType === undefined ? undefined : requireOneOf(p.vnicType, VNIC_TYPES, 'vnicType'),
    'binding:host_id': optString(p.hostId, 'hostId'),
    'binding:profile':
      p.bindingProfile === undefined ? undefined : requireParams(p.bindingProfile, 'bindingProfile'),
    dns_name: optString(p.dnsName, 'dnsName'),
    qos_policy_id: p.qosPolicyId === null ? null : optUuid(p.qosPolicyId, 'qosPolicyId'),
  };
  if (create) {
    body.network_id = requireUuid(p.networkId, 'networkId');
    body.mac_address = p.macAddress === undefined ? undefined : requireMac(p.macAddress, 'macAddress');
    body.project_id = optString(p.projectId, 'projectId');
  } else {
    requireChange(body, 'port');
  }
  return omitUndefined(body);
}

/**
 * Creates a port.
 * @throws ValidationError for a bad address, MAC, security group id or VNIC type.
 * @example
 * ```ts
 * const port = await createPort(network, { networkId: net.id, fixedIps: [{ subnetId: subnet.id }], securityGroups: [sg.id] });
 * ```
 */
export async function createPort(
  client: NetworkClient,
  params: CreatePortParams,
  options?: RequestOptions,
): Promise<Port> {
  return createResource(client, PORT, portBody(params, true), options);
}

/**
 * Creates several ports in one request (Neutron's bulk create: all or none).
 * @example const ports = await createPorts(network, [{ networkId }, { networkId }]);
 */
export async function createPorts(
  client: NetworkClient,
  ports: readonly CreatePortParams[],
  options?: RequestOptions,
): Promise<Port[]> {
  const items = requireBatch<CreatePortParams>(ports, 'ports');
  return createResources(
    client,
    PORT,
    items.map((p) => portBody(p, true)),
    options,
  );
}

/**
 * Parameters of {@link updatePort}.
 * @example await updatePort(network, id, { securityGroups: [sg.id], ifRevision: port.revisionNumber });
 */
export interface UpdatePortParams extends PortParams, NetworkRevisionGuard {}

/**
 * Updates a port. With `ifRevision`, only if nothing changed it since that revision.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updatePort(network, id, { name: 'db', ifRevision: port.revisionNumber });
 */
export async function updatePort(
  client: NetworkClient,
  portId: string,
  params: UpdatePortParams,
  options?: RequestOptions,
): Promise<Port> {
  requireUuid(portId, 'portId');
  const revision = requireRevision(params);
  return updateResource(client, PORT, portId, portBody(params, false), revision, options);
}

/**
 * Deletes a port.
 * @example await deletePort(network, id);
 */
export async function deletePort(
  client: NetworkClient,
  portId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(portId, 'portId');
  await deleteResource(client, PORT, portId, options);
}

/**
 * Polls a port until it reaches `status` (`ACTIVE` once its device is up, `DOWN`…).
 * Default `failOn`: `['ERROR']`.
 * @throws WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs` (default
 *   10 minutes); AbortError when `signal` fires; NotFoundError when the port disappears.
 * @example const port = await waitForPortStatus(network, id, 'ACTIVE', { timeoutMs: 120_000 });
 */
export async function waitForPortStatus(
  client: NetworkClient,
  portId: string,
  status: PortStatus | readonly PortStatus[],
  options: StatusWaiterOptions<PortStatus, Port> = {},
): Promise<Port> {
  requireUuid(portId, 'portId');
  return pollForStatus<Port, PortStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `port "${portId}"`,
    fetch: (signal) => getPort(client, portId, { ...options.request, signal }),
    statusOf: (p) => p.status,
  });
}

/**
 * Polls until a port is gone (404).
 * @example
 * ```ts
 * await deletePort(network, id);
 * await waitForPortDeleted(network, id, { timeoutMs: 60_000 });
 * ```
 */
export async function waitForPortDeleted(
  client: NetworkClient,
  portId: string,
  options: NetworkDeletionWaiterOptions<Port> = {},
): Promise<void> {
  requireUuid(portId, 'portId');
  await pollUntilGone<Port>({
    ...options,
    description: `port "${portId}" to be deleted`,
    fetch: (signal) => getPort(client, portId, { ...options.request, signal }),
  });
}
