import type { StatusWaiterOptions } from '@cloud/core';
import { type PagedIterable, ValidationError } from '@cloud/core';
import { invalidResponse, parseResponse, pollForStatus } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  type DnsSortParams,
  listDesignate,
  requireId,
} from '../internal/common.js';
import {
  parseZoneExport,
  parseZoneImport,
  ZONE_TASK,
  type ZoneExport,
  type ZoneImport,
  type ZoneTaskStatus,
  type ZoneTaskWire,
} from './types.js';
import {
  zoneExportContentPath,
  zoneExportPath,
  zoneExportsPath,
  zoneExportTaskPath,
  zoneImportPath,
  zoneImportsPath,
} from './urls.js';

/**
 * Starts an export of a zone to BIND format. The task is `PENDING` at first; wait for
 * `COMPLETE` with {@link waitForZoneExportStatus}, then {@link downloadZoneExport}.
 * @example
 * ```ts
 * const task = await createZoneExport(dns, zoneId);
 * await waitForZoneExportStatus(dns, task.id, 'COMPLETE');
 * const bind = await downloadZoneExport(dns, task.id);
 * ```
 */
export async function createZoneExport(
  client: DnsClient,
  zoneId: string,
  options?: DnsRequestOptions,
): Promise<ZoneExport> {
  requireId(zoneId, 'zoneId');
  const res = await client.request('POST', zoneExportTaskPath(zoneId), {
    ...callOptions(options),
    resource: `zone "${zoneId}"`,
  });
  return parseZoneExport(parseResponse(res, ZONE_TASK));
}

/**
 * Gets a zone export task.
 * @example const task = await getZoneExport(dns, exportId);
 */
export async function getZoneExport(
  client: DnsClient,
  exportId: string,
  options?: DnsRequestOptions,
): Promise<ZoneExport> {
  requireId(exportId, 'exportId');
  const res = await client.request('GET', zoneExportPath(exportId), {
    ...callOptions(options),
    resource: `zone export "${exportId}"`,
  });
  return parseZoneExport(parseResponse(res, ZONE_TASK));
}

/**
 * Lists the zone export tasks of the project, lazily.
 * @example for await (const t of listZoneExports(dns)) console.log(t.id, t.status);
 */
export function listZoneExports(
  client: DnsClient,
  params: DnsSortParams = {},
  options?: DnsRequestOptions,
): PagedIterable<ZoneExport> {
  return listDesignate<ZoneTaskWire, ZoneExport>({
    client,
    path: zoneExportsPath(),
    key: 'exports',
    shape: ZONE_TASK,
    map: parseZoneExport,
    page: params,
    options,
  });
}

/**
 * Deletes a zone export task (and its stored BIND text).
 * @example await deleteZoneExport(dns, exportId);
 */
export async function deleteZoneExport(
  client: DnsClient,
  exportId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(exportId, 'exportId');
  await client.request('DELETE', zoneExportPath(exportId), {
    ...callOptions(options),
    resource: `zone export "${exportId}"`,
  });
}

/**
 * Downloads the BIND 9 text of a `COMPLETE` export (`$ORIGIN`, `$TTL`, SOA, NS and every record).
 * @throws NotFoundError while the export does not exist; InvalidResponseError when the body is
 *   not zone text.
 * @example
 * ```ts
 * const bind = await downloadZoneExport(dns, exportId);
 * await writeFile('example.com.zone', bind);
 * ```
 */
export async function downloadZoneExport(
  client: DnsClient,
  exportId: string,
  options?: DnsRequestOptions,
): Promise<string> {
  requireId(exportId, 'exportId');
  const req = callOptions(options);
  const res = await client.request<string>('GET', zoneExportContentPath(exportId), {
    ...req,
    headers: { accept: 'text/dns', ...req.headers },
    responseType: 'text',
    resource: `zone export "${exportId}"`,
  });
  if (typeof res.body !== 'string' || !/\bSOA\b/.test(res.body) || /^\s*[<{[]/.test(res.body))
    throw invalidResponse(res, 'the body is not BIND zone text');
  return res.body;
}

/**
 * Imports a zone from BIND 9 text (with its `$ORIGIN` and SOA). The task is `PENDING` at
 * first; once `COMPLETE` its `zoneId` names the new zone.
 * @throws ValidationError for empty text, before any request.
 * @example
 * ```ts
 * const task = await createZoneImport(dns, await readFile('example.com.zone', 'utf8'));
 * const done = await waitForZoneImportStatus(dns, task.id, 'COMPLETE');
 * console.log(done.zoneId);
 * ```
 */
export async function createZoneImport(
  client: DnsClient,
  zoneText: string,
  options?: DnsRequestOptions,
): Promise<ZoneImport> {
  if (typeof zoneText !== 'string' || zoneText.trim() === '')
    throw new ValidationError('zoneText must be the BIND text of a zone', 'zoneText');
  const req = callOptions(options);
  const res = await client.request('POST', zoneImportsPath(), {
    ...req,
    headers: { 'content-type': 'text/dns', ...req.headers },
    body: zoneText,
  });
  return parseZoneImport(parseResponse(res, ZONE_TASK));
}

/**
 * Gets a zone import task.
 * @example const task = await getZoneImport(dns, importId);
 */
export async function getZoneImport(
  client: DnsClient,
  importId: string,
  options?: DnsRequestOptions,
): Promise<ZoneImport> {
  requireId(importId, 'importId');
  const res = await client.request('GET', zoneImportPath(importId), {
    ...callOptions(options),
    resource: `zone import "${importId}"`,
  });
  return parseZoneImport(parseResponse(res, ZONE_TASK));
}

/**
 * Lists the zone import tasks of the project, lazily.
 * @example for await (const t of listZoneImports(dns)) console.log(t.id, t.status, t.zoneId);
 */
export function listZoneImports(
  client: DnsClient,
  params: DnsSortParams = {},
  options?: DnsRequestOptions,
): PagedIterable<ZoneImport> {
  return listDesignate<ZoneTaskWire, ZoneImport>({
    client,
    path: zoneImportsPath(),
    key: 'imports',
    shape: ZONE_TASK,
    map: parseZoneImport,
    page: params,
    options,
  });
}

/**
 * Deletes a zone import task (the imported zone stays).
 * @example await deleteZoneImport(dns, importId);
 */
export async function deleteZoneImport(
  client: DnsClient,
  importId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(importId, 'importId');
  await client.request('DELETE', zoneImportPath(importId), {
    ...callOptions(options),
    resource: `zone import "${importId}"`,
  });
}

/**
 * Options of {@link waitForZoneExportStatus} and {@link waitForZoneImportStatus}.
 * @example await waitForZoneExportStatus(dns, id, 'COMPLETE', { timeoutMs: 60_000 });
 */
export type WaitForZoneTaskStatusOptions<T> = StatusWaiterOptions<ZoneTaskStatus, T>;

/**
 * Polls an export task until it reaches `status` (usually `COMPLETE`).
 * @throws WaiterFailureError on a `failOn` status (default `['ERROR']`) with Designate's message.
 * @example
 * ```ts
 * const done = await waitForZoneExportStatus(dns, task.id, 'COMPLETE');
 * ```
 */
export async function waitForZoneExportStatus(
  client: DnsClient,
  exportId: string,
  status: ZoneTaskStatus | readonly ZoneTaskStatus[],
  options: WaitForZoneTaskStatusOptions<ZoneExport> = {},
): Promise<ZoneExport> {
  requireId(exportId, 'exportId');
  return pollForStatus<ZoneExport, ZoneTaskStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `zone export "${exportId}"`,
    fetch: (signal) => getZoneExport(client, exportId, { ...options.request, signal }),
    statusOf: (t) => t.status,
    failureDetail: (t) => t.message,
  });
}

/**
 * Polls an import task until it reaches `status` (usually `COMPLETE`).
 * @throws WaiterFailureError on a `failOn` status (default `['ERROR']`) with Designate's message
 *   (e.g. a duplicate zone or unparsable text).
 * @example
 * ```ts
 * const { zoneId } = await waitForZoneImportStatus(dns, task.id, 'COMPLETE');
 * ```
 */
export async function waitForZoneImportStatus(
  client: DnsClient,
  importId: string,
  status: ZoneTaskStatus | readonly ZoneTaskStatus[],
  options: WaitForZoneTaskStatusOptions<ZoneImport> = {},
): Promise<ZoneImport> {
  requireId(importId, 'importId');
  return pollForStatus<ZoneImport, ZoneTaskStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `zone import "${importId}"`,
    fetch: (signal) => getZoneImport(client, importId, { ...options.request, signal }),
    statusOf: (t) => t.status,
    failureDetail: (t) => t.message,
  });
}
