import { type PagedIterable, ValidationError } from '@cloud/core';
import { parseResponse } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  type DnsSortParams,
  listDesignate,
  requireId,
} from '../internal/common.js';
import { parseZoneShare, ZONE_SHARE, type ZoneShare, type ZoneShareWire } from './types.js';
import { zoneSharePath, zoneSharesPath } from './urls.js';

/**
 * Parameters of {@link shareZone}.
 * @example await shareZone(dns, zoneId, { targetProjectId: 'b6f1…' });
 */
export interface ShareZoneParams {
  /** The project that may then create recordsets in the zone. */
  targetProjectId: string;
}

/**
 * Shares a zone with another project (Designate 2023.1 and later; older releases answer 404).
 * @example
 * ```ts
 * const share = await shareZone(dns, zoneId, { targetProjectId: otherProject });
 * ```
 */
export async function shareZone(
  client: DnsClient,
  zoneId: string,
  params: ShareZoneParams,
  options?: DnsRequestOptions,
): Promise<ZoneShare> {
  requireId(zoneId, 'zoneId');
  const target = params?.targetProjectId;
  if (typeof target !== 'string' || !/^[\w-]{1,64}$/.test(target))
    throw new ValidationError('targetProjectId must be a project id', 'targetProjectId');
  const res = await client.request('POST', zoneSharesPath(zoneId), {
    ...callOptions(options),
    json: { target_project_id: target },
    resource: `zone "${zoneId}"`,
  });
  return parseZoneShare(parseResponse(res, ZONE_SHARE));
}

/**
 * Lists the shares of a zone, lazily.
 * @example for await (const s of listZoneShares(dns, zoneId)) console.log(s.targetProjectId);
 */
export function listZoneShares(
  client: DnsClient,
  zoneId: string,
  params: DnsSortParams & { targetProjectId?: string | undefined } = {},
  options?: DnsRequestOptions,
): PagedIterable<ZoneShare> {
  requireId(zoneId, 'zoneId');
  const { targetProjectId, ...page } = params;
  return listDesignate<ZoneShareWire, ZoneShare>({
    client,
    path: zoneSharesPath(zoneId),
    key: 'shared_zones',
    shape: ZONE_SHARE,
    map: parseZoneShare,
    query: { target_project_id: targetProjectId },
    page,
    options,
    resource: `zone "${zoneId}"`,
  });
}

/**
 * Gets one share of a zone.
 * @example const share = await getZoneShare(dns, zoneId, shareId);
 */
export async function getZoneShare(
  client: DnsClient,
  zoneId: string,
  shareId: string,
  options?: DnsRequestOptions,
): Promise<ZoneShare> {
  requireId(zoneId, 'zoneId');
  requireId(shareId, 'shareId');
  const res = await client.request('GET', zoneSharePath(zoneId, shareId), {
    ...callOptions(options),
    resource: `zone share "${shareId}"`,
  });
  return parseZoneShare(parseResponse(res, ZONE_SHARE));
}

/**
 * Stops sharing a zone with a project.
 * @example await unshareZone(dns, zoneId, shareId);
 */
export async function unshareZone(
  client: DnsClient,
  zoneId: string,
  shareId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(zoneId, 'zoneId');
  requireId(shareId, 'shareId');
  await client.request('DELETE', zoneSharePath(zoneId, shareId), {
    ...callOptions(options),
    resource: `zone share "${shareId}"`,
  });
}
