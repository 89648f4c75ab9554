import { type PagedIterable, ValidationError } from '@cloud/core';
import { omitUndefined, parseResponse, requireNonBlank } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  type DnsSortParams,
  listDesignate,
  optionalDescription,
  requireId,
} from '../internal/common.js';
import {
  parseZoneTransferAccept,
  parseZoneTransferRequest,
  ZONE_TRANSFER_ACCEPT,
  ZONE_TRANSFER_REQUEST,
  type ZoneTransferAccept,
  type ZoneTransferAcceptWire,
  type ZoneTransferRequest,
  type ZoneTransferRequestWire,
} from './types.js';
import {
  transferAcceptPath,
  transferAcceptsPath,
  transferRequestPath,
  transferRequestsOfZonePath,
  transferRequestsPath,
} from './urls.js';

const requireProjectId = (value: unknown, field: string) => {
  if (typeof value !== 'string' || !/^[\w-]{1,64}$/.test(value))
    throw new ValidationError(`${field} must be a project id`, field);
  return value;
};

/**
 * Parameters of {@link createZoneTransferRequest}.
 * @example await createZoneTransferRequest(dns, zoneId, { targetProjectId: 'b6f1…', description: 'to ops' });
 */
export interface CreateZoneTransferRequestParams {
  /** Only this project may accept; any project holding the key when left out. */
  targetProjectId?: string | undefined;
  description?: string | undefined;
}

/**
 * Offers a zone to another project. The returned request carries the `key` the other project
 * needs for {@link acceptZoneTransfer}.
 * @example
 * ```ts
 * const offer = await createZoneTransferRequest(dns, zoneId, { targetProjectId: otherProject });
 * send(offer.id, offer.key);
 * ```
 */
export async function createZoneTransferRequest(
  client: DnsClient,
  zoneId: string,
  params: CreateZoneTransferRequestParams = {},
  options?: DnsRequestOptions,
): Promise<ZoneTransferRequest> {
  requireId(zoneId, 'zoneId');
  if (params.targetProjectId !== undefined) requireProjectId(params.targetProjectId, 'targetProjectId');
  optionalDescription(params.description);
  const res = await client.request('POST', transferRequestsOfZonePath(zoneId), {
    ...callOptions(options),
    json: omitUndefined({ target_project_id: params.targetProjectId, description: params.description }),
    resource: `zone "${zoneId}"`,
  });
  return parseZoneTransferRequest(parseResponse(res, ZONE_TRANSFER_REQUEST));
}

/**
 * Lists the transfer requests the project made or may accept, lazily.
 * @example for await (const r of listZoneTransferRequests(dns)) console.log(r.zoneName, r.status);
 */
export function listZoneTransferRequests(
  client: DnsClient,
  params: DnsSortParams = {},
  options?: DnsRequestOptions,
): PagedIterable<ZoneTransferRequest> {
  return listDesignate<ZoneTransferRequestWire, ZoneTransferRequest>({
    client,
    path: transferRequestsPath(),
    key: 'transfer_requests',
    shape: ZONE_TRANSFER_REQUEST,
    map: parseZoneTransferRequest,
    page: params,
    options,
  });
}

/**
 * Gets a transfer request.
 * @example const r = await getZoneTransferRequest(dns, requestId);
 */
export async function getZoneTransferRequest(
  client: DnsClient,
  transferRequestId: string,
  options?: DnsRequestOptions,
): Promise<ZoneTransferRequest> {
  requireId(transferRequestId, 'transferRequestId');
  const res = await client.request('GET', transferRequestPath(transferRequestId), {
    ...callOptions(options),
    resource: `zone transfer request "${transferRequestId}"`,
  });
  return parseZoneTransferRequest(parseResponse(res, ZONE_TRANSFER_REQUEST));
}

/**
 * Changes the target project or description of a transfer request.
 * @example await updateZoneTransferRequest(dns, requestId, { description: 'for the ops team' });
 */
export async function updateZoneTransferRequest(
  client: DnsClient,
  transferRequestId: string,
  params: CreateZoneTransferRequestParams,
  options?: DnsRequestOptions,
): Promise<ZoneTransferRequest> {
  requireId(transferRequestId, 'transferRequestId');
  if (params?.targetProjectId !== undefined) requireProjectId(params.targetProjectId, 'targetProjectId');
  optionalDescription(params?.description);
  const json = omitUndefined({
    target_project_id: params?.targetProjectId,
    description: params?.description,
  });
  if (Object.keys(json).length === 0)
    throw new ValidationError('give targetProjectId or description', 'params');
  const res = await client.request('PATCH', transferRequestPath(transferRequestId), {
    ...callOptions(options),
    json,
    resource: `zone transfer request "${transferRequestId}"`,
  });
  return parseZoneTransferRequest(parseResponse(res, ZONE_TRANSFER_REQUEST));
}

/**
 * Withdraws a transfer request.
 * @example await deleteZoneTransferRequest(dns, requestId);
 */
export async function deleteZoneTransferRequest(
  client: DnsClient,
  transferRequestId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(transferRequestId, 'transferRequestId');
  await client.request('DELETE', transferRequestPath(transferRequestId), {
    ...callOptions(options),
    resource: `zone transfer request "${transferRequestId}"`,
  });
}

/**
 * Parameters of {@link acceptZoneTransfer}.
 * @example await acceptZoneTransfer(otherDns, { transferRequestId: offer.id, key: offer.key! });
 */
export interface AcceptZoneTransferParams {
  transferRequestId: string;
  /** The key of the transfer request. */
  key: string;
}

/**
 * Accepts a zone transfer: the zone moves to the calling project. The accept is `PENDING`, then
 * `COMPLETE` (or `ERROR`).
 * @example
 * ```ts
 * const accept = await acceptZoneTransfer(otherDns, { transferRequestId, key });
 * ```
 */
export async function acceptZoneTransfer(
  client: DnsClient,
  params: AcceptZoneTransferParams,
  options?: DnsRequestOptions,
): Promise<ZoneTransferAccept> {
  requireId(params?.transferRequestId, 'transferRequestId');
  requireNonBlank(params.key, 'key');
  const res = await client.request('POST', transferAcceptsPath(), {
    ...callOptions(options),
    json: { key: params.key, zone_transfer_request_id: params.transferRequestId },
  });
  return parseZoneTransferAccept(parseResponse(res, ZONE_TRANSFER_ACCEPT));
}

/**
 * Gets a transfer accept.
 * @example const a = await getZoneTransferAccept(dns, acceptId); console.log(a.status);
 */
export async function getZoneTransferAccept(
  client: DnsClient,
  transferAcceptId: string,
  options?: DnsRequestOptions,
): Promise<ZoneTransferAccept> {
  requireId(transferAcceptId, 'transferAcceptId');
  const res = await client.request('GET', transferAcceptPath(transferAcceptId), {
    ...callOptions(options),
    resource: `zone transfer accept "${transferAcceptId}"`,
  });
  return parseZoneTransferAccept(parseResponse(res, ZONE_TRANSFER_ACCEPT));
}

/**
 * Lists transfer accepts, lazily (administrators by default policy).
 * @example for await (const a of listZoneTransferAccepts(dns)) console.log(a.zoneId, a.status);
 */
export function listZoneTransferAccepts(
  client: DnsClient,
  params: DnsSortParams = {},
  options?: DnsRequestOptions,
): PagedIterable<ZoneTransferAccept> {
  return listDesignate<ZoneTransferAcceptWire, ZoneTransferAccept>({
    client,
    path: transferAcceptsPath(),
    key: 'transfer_accepts',
    shape: ZONE_TRANSFER_ACCEPT,
    map: parseZoneTransferAccept,
    page: params,
    options,
  });
}
