import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  compareMicroversions,
  type MicroversionGate,
  object,
  omitUndefined,
  optional,
  requireString,
  string,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import {
  type BlockStorageLink,
  dateOf,
  LINKS,
  type LinkWire,
  parseLinks,
  seg,
  send,
} from '../internal/common.js';
import { listResource } from '../internal/list.js';

/**
 * A volume transfer: an offer to hand a volume to another project, accepted with its auth key.
 * @example const t = await createVolumeTransfer(volumes, { volumeId }); console.log(t.id, t.authKey);
 */
export interface VolumeTransfer {
  id: string;
  name?: string | undefined;
  volumeId: string;
  /** Only in the answer of {@link createVolumeTransfer}: give it to the receiving project. */
  authKey?: string | undefined;
  createdAt?: Date | undefined;
  links: BlockStorageLink[];
  raw: Record<string, unknown>;
}

interface TransferWire {
  id: string;
  name?: string | null;
  volume_id: string;
  auth_key?: string;
  created_at?: string | null;
  links?: LinkWire[];
}

const TRANSFER = object<TransferWire>({
  id: string,
  name: optional(string),
  volume_id: string,
  auth_key: optional(string),
  created_at: optional(string),
  links: LINKS,
});

const parseTransfer = (w: TransferWire): VolumeTransfer => {
  const t: VolumeTransfer = {
    id: w.id,
    name: w.name ?? undefined,
    volumeId: w.volume_id,
    createdAt: dateOf(w.created_at),
    links: parseLinks(w.links),
    raw: { ...w, auth_key: undefined },
  };
  // the auth key is a secret: reachable, never printed
  if (w.auth_key !== undefined) Object.defineProperty(t, 'authKey', { value: w.auth_key, enumerable: false });
  return t;
};

/** `/volume-transfers` from 3.55, `/os-volume-transfer` before. @internal */
async function base(client: BlockStorageClient, options?: MicroversionRequestOptions): Promise<string> {
  const version = options?.microversion ?? (await client.microversions.resolve(client, options?.signal));
  return version !== undefined && compareMicroversions(version, '3.55') >= 0
    ? 'volume-transfers'
    : 'os-volume-transfer';
}

const CREATE_GATES: MicroversionGate[] = [{ field: 'noSnapshots', since: '3.55' }];

/**
 * What {@link createVolumeTransfer} offers.
 * @example createVolumeTransfer(volumes, { volumeId, name: 'to-team-b' });
 */
export interface CreateVolumeTransferParams {
  volumeId: string;
  name?: string | undefined;
  /** Leave the volume's snapshots behind (3.55+). */
  noSnapshots?: boolean | undefined;
}

/**
 * Offers a volume for transfer; the answer carries the `authKey` the receiver needs (not
 * enumerable, so it never shows in logs).
 * @example
 * ```ts
 * const t = await createVolumeTransfer(volumes, { volumeId });
 * await acceptVolumeTransfer(otherProjectClient, t.id, t.authKey!);
 * ```
 */
export async function createVolumeTransfer(
  client: BlockStorageClient,
  params: CreateVolumeTransferParams,
  options?: MicroversionRequestOptions,
): Promise<VolumeTransfer> {
  requireString(params?.volumeId, 'volumeId');
  const res = await send(client, 'POST', await base(client, options), {
    gates: CREATE_GATES,
    params,
    options,
    json: {
      transfer: omitUndefined({
        volume_id: params.volumeId,
        name: params.name,
        no_snapshots: params.noSnapshots,
      }),
    },
  });
  return parseTransfer(unwrap(res, 'transfer', TRANSFER));
}

/**
 * Accepts a transfer into the caller's project.
 * @example await acceptVolumeTransfer(volumes, transferId, authKey);
 */
export async function acceptVolumeTransfer(
  client: BlockStorageClient,
  transferId: string,
  authKey: string,
  options?: MicroversionRequestOptions,
): Promise<VolumeTransfer> {
  requireString(transferId, 'transferId');
  requireString(authKey, 'authKey');
  const res = await send(client, 'POST', `${await base(client, options)}/${seg(transferId)}/accept`, {
    options,
    json: { accept: { auth_key: authKey } },
    resource: `volume transfer "${transferId}"`,
  });
  return parseTransfer(unwrap(res, 'transfer', TRANSFER));
}

/**
 * Lists the project's pending transfers with details, page by page.
 * @example for await (const t of listVolumeTransfers(volumes)) console.log(t.id, t.volumeId);
 */
export function listVolumeTransfers(
  client: BlockStorageClient,
  params: { limit?: number | undefined; marker?: string | undefined } = {},
  options?: MicroversionRequestOptions,
): PagedIterable<VolumeTransfer> {
  let path: string | undefined;
  const inner = (p: string) =>
    listResource(client, {
      path: `${p}/detail`,
      key: 'transfers',
      shape: TRANSFER,
      map: parseTransfer,
      limit: params.limit,
      marker: params.marker,
      options,
    });
  const resolved = async () => {
    path ??= await base(client, options);
    return inner(path);
  };
  return {
    byPage: (settings) => ({
      async *[Symbol.asyncIterator]() {
        yield* (await resolved()).byPage(settings);
      },
    }),
    async *[Symbol.asyncIterator]() {
      yield* await resolved();
    },
  };
}

/**
 * Gets a transfer (without its auth key).
 * @example const t = await getVolumeTransfer(volumes, id);
 */
export async function getVolumeTransfer(
  client: BlockStorageClient,
  transferId: string,
  options?: MicroversionRequestOptions,
): Promise<VolumeTransfer> {
  requireString(transferId, 'transferId');
  const res = await send(client, 'GET', `${await base(client, options)}/${seg(transferId)}`, {
    options,
    resource: `volume transfer "${transferId}"`,
  });
  return parseTransfer(unwrap(res, 'transfer', TRANSFER));
}

/**
 * Withdraws a transfer offer; the volume stays with the project.
 * @example await deleteVolumeTransfer(volumes, id);
 */
export async function deleteVolumeTransfer(
  client: BlockStorageClient,
  transferId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(transferId, 'transferId');
  await send(client, 'DELETE', `${await base(client, options)}/${seg(transferId)}`, {
    options,
    resource: `volume transfer "${transferId}"`,
  });
}
