import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireOneOf, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams } from '../common.js';
import { requireIp } from '../internal/ip.js';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  type ResourceKind,
  updateResource,
} from '../internal/rest.js';
import { optInt, optString, requireChange, requireParams } from '../internal/validate.js';
import { type FloatingIpPortForwarding, PORT_FORWARDING, type PortForwardingWire } from './types.js';
import { portForwardingsPath } from './urls.js';

const PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp', 'udplite'] as const;

const kindFor = (floatingIpId: string): ResourceKind<PortForwardingWire, FloatingIpPortForwarding> => ({
  ...PORT_FORWARDING,
  path: portForwardingsPath(requireUuid(floatingIpId, 'floatingIpId')),
  label: `port forwarding of floating IP "${floatingIpId}"`,
});

/**
 * Filters of {@link listFloatingIpPortForwardings}.
 * @example listFloatingIpPortForwardings(network, fipId, { protocol: 'tcp' });
 */
export interface ListFloatingIpPortForwardingsParams extends NetworkListParams {
  protocol?: (typeof PROTOCOLS)[number] | undefined;
  internalPortId?: string | undefined;
  externalPort?: number | undefined;
}

/**
 * Lists the port forwardings of a floating IP (the `floating-ip-port-forwarding` extension).
 * @example for await (const pf of listFloatingIpPortForwardings(network, fipId)) console.log(pf.externalPort, pf.internalPort);
 */
export function listFloatingIpPortForwardings(
  client: NetworkClient,
  floatingIpId: string,
  params?: ListFloatingIpPortForwardingsParams,
  options?: RequestOptions,
): PagedIterable<FloatingIpPortForwarding> {
  const p = params ?? {};
  return listResources(
    client,
    kindFor(floatingIpId),
    params,
    { protocol: p.protocol, internal_port_id: p.internalPortId, external_port: p.externalPort },
    options,
  );
}

/**
 * Reads one port forwarding.
 * @example const pf = await getFloatingIpPortForwarding(network, fipId, pfId);
 */
export async function getFloatingIpPortForwarding(
  client: NetworkClient,
  floatingIpId: string,
  portForwardingId: string,
  options?: RequestOptions,
): Promise<FloatingIpPortForwarding> {
  const kind = kindFor(floatingIpId);
  requireUuid(portForwardingId, 'portForwardingId');
  return getResource(client, kind, portForwardingId, options);
}

/**
 * The attributes of a port forwarding. Give either single ports or ranges (`"1000:1010"`).
 * @example { protocol: 'tcp', internalPortId, internalIpAddress: '10.0.0.5', internalPort: 22, externalPort: 2222 }
 */
export interface FloatingIpPortForwardingParams {
  protocol?: (typeof PROTOCOLS)[number] | undefined;
  internalPortId?: string | undefined;
  internalIpAddress?: string | undefined;
  internalPort?: number | undefined;
  externalPort?: number | undefined;
  internalPortRange?: string | undefined;
  externalPortRange?: string | undefined;
  description?: string | undefined;
}

/**
 * Parameters of {@link createFloatingIpPortForwarding}.
 * @example { protocol: 'tcp', internalPortId, internalIpAddress: '10.0.0.5', internalPort: 22, externalPort: 2222 }
 */
export interface CreateFloatingIpPortForwardingParams extends FloatingIpPortForwardingParams {
  protocol: (typeof PROTOCOLS)[number];
  internalPortId: string;
  internalIpAddress: string;
}

function portRange(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^(\d{1,5})(?::(\d{1,5}))?$/.exec(value) : null;
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2] ?? m?.[1]);
  if (!m || lo < 1 || hi > 65535) {
    throw new ValidationError(
      `${field} must look like "1000:1010" (ports 1-65535), got ${JSON.stringify(value)}`,
      field,
    );
  }
  if (lo > hi) throw new ValidationError(`${field} starts above its end (${String(value)})`, field);
  return value as string;
}

function forwardingBody(p: FloatingIpPortForwardingParams): Record<string, unknown> {
  const body = {
    protocol: p.protocol === undefined ? undefined : requireOneOf(p.protocol, PROTOCOLS, 'protocol'),
    internal_port_id:
      p.internalPortId === undefined ? undefined : requireUuid(p.internalPortId, 'internalPortId'),
    internal_ip_address:
      p.internalIpAddress === undefined ? undefined : requireIp(p.internalIpAddress, 'internalIpAddress'),
    internal_port: optInt(p.internalPort, 'internalPort', 1, 65535),
    external_port: optInt(p.externalPort, 'externalPort', 1, 65535),
    internal_port_range: portRange(p.internalPortRange, 'internalPortRange'),
    external_port_range: portRange(p.externalPortRange, 'externalPortRange'),
    description: optString(p.description, 'description'),
  };
  if (body.internal_port !== undefined && body.internal_port_range !== undefined) {
    throw new ValidationError('give internalPort or internalPortRange, not both', 'internalPortRange');
  }
  if (body.external_port !== undefined && body.external_port_range !== undefined) {
    throw new ValidationError('give externalPort or externalPortRange, not both', 'externalPortRange');
  }
  return body;
}

/**
 * Forwards a port (or range) of a floating IP to an internal address and port.
 * @example
 * ```ts
 * await createFloatingIpPortForwarding(network, fip.id, {
 *   protocol: 'tcp', internalPortId: port.id, internalIpAddress: '10.0.0.5', internalPort: 22, externalPort: 2222,
 * });
 * ```
 */
export async function createFloatingIpPortForwarding(
  client: NetworkClient,
  floatingIpId: string,
  params: CreateFloatingIpPortForwardingParams,
  options?: RequestOptions,
): Promise<FloatingIpPortForwarding> {
  const kind = kindFor(floatingIpId);
  const p = requireParams<CreateFloatingIpPortForwardingParams>(params);
  for (const f of ['protocol', 'internalPortId', 'internalIpAddress'] as const) {
    if (p[f] === undefined) throw new ValidationError(`${f} is required`, f);
  }
  const body = forwardingBody(p);
  if (body.internal_port === undefined && body.internal_port_range === undefined) {
    throw new ValidationError('internalPort or internalPortRange is required', 'internalPort');
  }
  if (body.external_port === undefined && body.external_port_range === undefined) {
    throw new ValidationError('externalPort or externalPortRange is required', 'externalPort');
  }
  return createResource(client, kind, omitUndefined(body), options);
}

/**
 * Updates a port forwarding.
 * @example await updateFloatingIpPortForwarding(network, fipId, pfId, { externalPort: 2223 });
 */
export async function updateFloatingIpPortForwarding(
  client: NetworkClient,
  floatingIpId: string,
  portForwardingId: string,
  params: FloatingIpPortForwardingParams,
  options?: RequestOptions,
): Promise<FloatingIpPortForwarding> {
  const kind = kindFor(floatingIpId);
  requireUuid(portForwardingId, 'portForwardingId');
  const body = forwardingBody(requireParams(params));
  requireChange(body, 'port forwarding');
  return updateResource(client, kind, portForwardingId, omitUndefined(body), undefined, options);
}

/**
 * Deletes a port forwarding.
 * @example await deleteFloatingIpPortForwarding(network, fipId, pfId);
 */
export async function deleteFloatingIpPortForwarding(
  client: NetworkClient,
  floatingIpId: string,
  portForwardingId: string,
  options?: RequestOptions,
): Promise<void> {
  const kind = kindFor(floatingIpId);
  requireUuid(portForwardingId, 'portForwardingId');
  await deleteResource(client, kind, portForwardingId, options);
}
