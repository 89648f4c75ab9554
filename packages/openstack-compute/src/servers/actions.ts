import type { MicroversionRequestOptions } from '@cloud/core';
import {
  type MicroversionGate,
  object,
  omitUndefined,
  optional,
  parseResponse,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireString,
  requireUuid,
  type ServiceResponse,
  type Shape,
  string,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId, toBase64 } from '../internal/common.js';
import { validateMetadata } from '../internal/metadata.js';
import { checkComputeGates } from '../internal/microversion.js';
import type { ComputeMetadata } from '../types.js';
import type { PersonalityFile } from './create.js';
import { parseServer, SERVER, type Server, type ServerWire } from './types.js';
import { serverActionPath } from './urls.js';

const ADMIN_PASS = optional(string);

/** A server as rebuild returns it: the server shape plus an optional `adminPass`. */
const REBUILT_SERVER: Shape<ServerWire & { adminPass?: string }> = {
  expected: SERVER.expected,
  problem: (value, path) =>
    SERVER.problem(value, path) ??
    ADMIN_PASS.problem((value as { adminPass?: unknown }).adminPass, `${path}.adminPass`),
};

const RESCUE = object<{ adminPass?: string }>({ adminPass: ADMIN_PASS });

/** Sends `POST /servers/{id}/action` with a one-key body. @internal */
export async function serverAction<T = unknown>(
  client: ComputeClient,
  id: string,
  body: Record<string, unknown>,
  options?: MicroversionRequestOptions,
): Promise<ServiceResponse<T>> {
  requireServerId(id);
  const res = await client.request<T>('POST', serverActionPath(id), {
    ...options,
    json: body,
    resource: `server "${id}"`,
  });
  return res;
}

/**
 * Parameters of {@link rebootServer}.
 * @example await rebootServer(compute, id, { type: 'HARD' });
 */
export interface RebootServerParams {
  /** `SOFT` (default) asks the guest to restart; `HARD` power-cycles it. */
  type?: 'SOFT' | 'HARD' | undefined;
}

/**
 * Reboots a server. The status goes `REBOOT` (or `HARD_REBOOT`) then back to `ACTIVE`.
 * @example
 * ```ts
 * await rebootServer(compute, id, { type: 'HARD' });
 * await waitForServerStatus(compute, id, 'ACTIVE');
 * ```
 */
export async function rebootServer(
  client: ComputeClient,
  id: string,
  params: RebootServerParams = {},
  options?: MicroversionRequestOptions,
): Promise<void> {
  const type = requireOneOf(params.type ?? 'SOFT', ['SOFT', 'HARD'] as const, 'type');
  await serverAction(client, id, { reboot: { type } }, options);
}

/**
 * Parameters of {@link resizeServer}.
 * @example await resizeServer(compute, id, { flavor: '3', diskConfig: 'AUTO' });
 */
export interface ResizeServerParams {
  /** Id of the new flavor. */
  flavor: string;
  diskConfig?: 'AUTO' | 'MANUAL' | undefined;
}

/**
 * Resizes a server to another flavor. The server ends in `VERIFY_RESIZE`: then call
 * {@link confirmServerResize} or {@link revertServerResize}.
 * @example
 * ```ts
 * await resizeServer(compute, id, { flavor: '3' });
 * await waitForServerStatus(compute, id, 'VERIFY_RESIZE');
 * await confirmServerResize(compute, id);
 * ```
 */
export async function resizeServer(
  client: ComputeClient,
  id: string,
  params: ResizeServerParams,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(params?.flavor, 'flavor');
  if (params.diskConfig !== undefined)
    requireOneOf(params.diskConfig, ['AUTO', 'MANUAL'] as const, 'diskConfig');
  await serverAction(
    client,
    id,
    { resize: omitUndefined({ flavorRef: params.flavor, 'OS-DCF:diskConfig': params.diskConfig }) },
    options,
  );
}

/**
 * Confirms a resize: the server keeps the new flavor and goes back to `ACTIVE`.
 * @example
 * ```ts
 * await confirmServerResize(compute, id);
 * ```
 */
export async function confirmServerResize(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  await serverAction(client, id, { confirmResize: null }, options);
}

/**
 * Reverts a resize: the server goes back to its old flavor.
 * @example
 * ```ts
 * await revertServerResize(compute, id);
 * ```
 */
export async function revertServerResize(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  await serverAction(client, id, { revertResize: null }, options);
}

/**
 * Parameters of {@link rebuildServer}.
 * @example await rebuildServer(compute, id, { image: imageId, name: 'web-01', preserveEphemeral: true });
 */
export interface RebuildServerParams {
  /** Image UUID to rebuild from. */
  image: string;
  name?: string | undefined;
  /** New root password; generated when omitted. */
  adminPass?: string | undefined;
  metadata?: ComputeMetadata | undefined;
  accessIPv4?: string | undefined;
  accessIPv6?: string | undefined;
  diskConfig?: 'AUTO' | 'MANUAL' | undefined;
  preserveEphemeral?: boolean | undefined;
  /** @deprecated Removed at compute microversion 2.57. */
  personality?: PersonalityFile[] | undefined;
  /** @remarks Requires compute microversion 2.19 */
  description?: string | undefined;
  /** @remarks Requires compute microversion 2.54 */
  keyName?: string | undefined;
  /** Base64-encoded for you. @remarks Requires compute microversion 2.57 */
  userData?: string | Uint8Array | undefined;
  /** @remarks Requires compute microversion 2.90 */
  hostname?: string | undefined;
}

/**
 * The server after {@link rebuildServer}, with the new root password when one was generated.
 * @example const { adminPass } = await rebuildServer(compute, id, { image: imageId });
 */
export interface RebuiltServer extends Server {
  adminPass?: string | undefined;
}

const REBUILD_GATES: MicroversionGate[] = [
  { field: 'personality', until: '2.57', advice: 'pass files through userData instead' },
  { field: 'description', since: '2.19' },
  { field: 'keyName', since: '2.54' },
  { field: 'userData', since: '2.57' },
  { field: 'hostname', since: '2.90' },
];

/**
 * Rebuilds a server from an image, keeping its id and addresses. The status goes `REBUILD` then
 * `ACTIVE`.
 * @example
 * ```ts
 * const s = await rebuildServer(compute, id, { image: newImageId });
 * await waitForServerStatus(compute, id, 'ACTIVE');
 * ```
 */
export async function rebuildServer(
  client: ComputeClient,
  id: string,
  params: RebuildServerParams,
  options?: MicroversionRequestOptions,
): Promise<RebuiltServer> {
  requireUuid(params?.image, 'image');
  if (params.name !== undefined) requireNonBlank(params.name, 'name');
  if (params.metadata !== undefined) validateMetadata(params.metadata);
  if (params.diskConfig !== undefined)
    requireOneOf(params.diskConfig, ['AUTO', 'MANUAL'] as const, 'diskConfig');
  checkComputeGates(client, REBUILD_GATES, params, options);
  const rebuild = omitUndefined({
    imageRef: params.image,
    name: params.name,
    adminPass: params.adminPass,
    metadata: params.metadata,
    accessIPv4: params.accessIPv4,
    accessIPv6: params.accessIPv6,
    'OS-DCF:diskConfig': params.diskConfig,
    preserve_ephemeral: params.preserveEphemeral,
    personality: params.personality?.map((f) => ({ path: f.path, contents: toBase64(f.contents) })),
    description: params.description,
    key_name: params.keyName,
    user_data: params.userData === undefined ? undefined : toBase64(params.userData),
    hostname: params.hostname,
  });
  const res = await serverAction(client, id, { rebuild }, options);
  const w = unwrap(res, 'server', REBUILT_SERVER);
  const server: RebuiltServer = parseServer(w);
  if (w.adminPass) server.adminPass = w.adminPass;
  return server;
}

/**
 * Parameters of {@link rescueServer}.
 * @example await rescueServer(compute, id, { rescueImage: rescueImageId });
 */
export interface RescueServerParams {
  /** Password of the rescue system; generated when omitted. */
  adminPass?: string | undefined;
  /** Image UUID of the rescue system; the server's own image when omitted. */
  rescueImage?: string | undefined;
}

/**
 * Puts a server in rescue mode (`RESCUE`): it boots a rescue system with its disk attached.
 * Returns the rescue system's root password.
 * @example
 * ```ts
 * const { adminPass } = await rescueServer(compute, id);
 * ```
 */
export async function rescueServer(
  client: ComputeClient,
  id: string,
  params: RescueServerParams = {},
  options?: MicroversionRequestOptions,
): Promise<{ adminPass?: string | undefined }> {
  if (params.rescueImage !== undefined) requireUuid(params.rescueImage, 'rescueImage');
  const rescue = omitUndefined({ adminPass: params.adminPass, rescue_image_ref: params.rescueImage });
  const res = await serverAction(
    client,
    id,
    { rescue: Object.keys(rescue).length > 0 ? rescue : null },
    options,
  );
  // Nova answers `{"adminPass": …}`; some clouds answer 202 with no body.
  if (res.body === undefined) return {};
  const { adminPass } = parseResponse(res, RESCUE);
  return adminPass ? { adminPass } : {};
}

const simple =
  (action: string) =>
  async (client: ComputeClient, id: string, options?: MicroversionRequestOptions): Promise<void> => {
    await serverAction(client, id, { [action]: null }, options);
  };

/**
 * Leaves rescue mode; the server goes back to `ACTIVE`.
 * @example
 * ```ts
 * await unrescueServer(compute, id);
 * ```
 */
export const unrescueServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('unrescue');

/**
 * Starts a stopped (`SHUTOFF`) server (`os-start`).
 * @example
 * ```ts
 * await startServer(compute, id);
 * await waitForServerStatus(compute, id, 'ACTIVE');
 * ```
 */
export const startServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('os-start');

/**
 * Stops a server (`os-stop`); it ends in `SHUTOFF`.
 * @example
 * ```ts
 * await stopServer(compute, id);
 * await waitForServerStatus(compute, id, 'SHUTOFF');
 * ```
 */
export const stopServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('os-stop');

/**
 * Pauses a server in memory (`PAUSED`).
 * @example
 * ```ts
 * await pauseServer(compute, id);
 * ```
 */
export const pauseServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('pause');

/**
 * Unpauses a paused server.
 * @example
 * ```ts
 * await unpauseServer(compute, id);
 * ```
 */
export const unpauseServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('unpause');

/**
 * Suspends a server to disk (`SUSPENDED`).
 * @example
 * ```ts
 * await suspendServer(compute, id);
 * ```
 */
export const suspendServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('suspend');

/**
 * Resumes a suspended server.
 * @example
 * ```ts
 * await resumeServer(compute, id);
 * ```
 */
export const resumeServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('resume');

/**
 * Parameters of {@link lockServer}.
 * @example await lockServer(compute, id, { reason: 'audit' }); // microversion 2.73
 */
export interface LockServerParams {
  /** Why the server is locked. @remarks Requires compute microversion 2.73 */
  reason?: string | undefined;
}

const LOCK_GATES: MicroversionGate[] = [{ field: 'reason', since: '2.73' }];

/**
 * Locks a server: non-administrators can no longer act on it until {@link unlockServer}.
 * @example
 * ```ts
 * await lockServer(compute, id);
 * ```
 */
export async function lockServer(
  client: ComputeClient,
  id: string,
  params: LockServerParams = {},
  options?: MicroversionRequestOptions,
): Promise<void> {
  checkComputeGates(client, LOCK_GATES, params, options);
  await serverAction(
    client,
    id,
    { lock: params.reason !== undefined ? { locked_reason: params.reason } : null },
    options,
  );
}

/**
 * Unlocks a locked server.
 * @example
 * ```ts
 * await unlockServer(compute, id);
 * ```
 */
export const unlockServer: (
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
) => Promise<void> = simple('unlock');

/**
 * Reads the end of a server's console log (`os-getConsoleOutput`).
 * @example
 * ```ts
 * console.log(await getServerConsoleOutput(compute, id, { length: 50 }));
 * ```
 */
export async function getServerConsoleOutput(
  client: ComputeClient,
  id: string,
  params: { /** Last lines to return; all when omitted. */ length?: number | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<string> {
  if (params.length !== undefined) requireInteger(params.length, 'length', 1);
  const res = await serverAction(
    client,
    id,
    { 'os-getConsoleOutput': params.length === undefined ? {} : { length: params.length } },
    options,
  );
  return unwrap(res, 'output', string);
}
