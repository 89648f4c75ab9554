import { type MicroversionRequestOptions, type PagedIterable, ValidationError } from '@cloud/core';
import {
  invalidResponse,
  type MicroversionGate,
  object,
  omitUndefined,
  paginateByLinks,
  type ResponseLike,
  requireNonBlank,
  requireOneOf,
  requireString,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { checkComputeGates } from '../internal/microversion.js';
import { type CreatedKeypair, KEYPAIR, type Keypair, type KeypairWire, parseKeypair } from './types.js';
import { keypairPath, keypairsPath } from './urls.js';

const KEYPAIR_ROW = object<{ keypair: KeypairWire }>({ keypair: KEYPAIR });

/**
 * The response with a generated private key replaced, for checks whose error would quote the
 * body: a private key must never reach an error message or a log.
 */
function withoutPrivateKey(res: ResponseLike): ResponseLike {
  const body = res.body as { keypair?: { private_key?: unknown } } | null | undefined;
  const key = body && typeof body === 'object' ? body.keypair : undefined;
  if (!key || typeof key !== 'object' || typeof key.private_key !== 'string') return res;
  return { ...res, body: { ...body, keypair: { ...key, private_key: '[REDACTED]' } } };
}

/**
 * Parameters of {@link createKeypair}.
 * @example await createKeypair(compute, { name: 'deploy' });
 */
export interface CreateKeypairParams {
  name: string;
  /** `ssh` (default) or `x509`. @remarks Requires compute microversion 2.2 */
  type?: 'ssh' | 'x509' | undefined;
  /** Administrators: create it for another user. @remarks Requires compute microversion 2.10 */
  userId?: string | undefined;
}

/**
 * Parameters of {@link importKeypair}.
 * @example await importKeypair(compute, { name: 'laptop', publicKey: 'ssh-ed25519 AAAA... me@laptop' });
 */
export interface ImportKeypairParams extends CreateKeypairParams {
  /** The public key, e.g. the content of `~/.ssh/id_ed25519.pub`. */
  publicKey: string;
}

/** `userId` (administrators acting for another user) exists from 2.10 on every key pair call. */
const USER_GATES: MicroversionGate[] = [{ field: 'userId', since: '2.10' }];
const CREATE_GATES: MicroversionGate[] = [{ field: 'type', since: '2.2' }, ...USER_GATES];
const GENERATE_GATES: MicroversionGate[] = [
  {
    field: 'generating a key pair',
    until: '2.92',
    advice: 'import a public key with importKeypair',
    operation: true,
  },
];
const LIST_GATES: MicroversionGate[] = [
  ...USER_GATES,
  { field: 'limit', since: '2.35' },
  { field: 'marker', since: '2.35' },
];

function keypairBody(
  client: ComputeClient,
  p: CreateKeypairParams,
  options: MicroversionRequestOptions | undefined,
  publicKey?: string,
) {
  requireNonBlank(p?.name, 'name');
  if (p.name.length > 255) throw new ValidationError('name must be at most 255 characters', 'name');
  if (p.type !== undefined) requireOneOf(p.type, ['ssh', 'x509'] as const, 'type');
  checkComputeGates(client, CREATE_GATES, p, options);
  return { keypair: omitUndefined({ name: p.name, type: p.type, user_id: p.userId, public_key: publicKey }) };
}

/**
 * Creates a key pair whose private key the server generates, and returns it with the private key
 * (shown only this once).
 * @remarks Key generation was removed at compute microversion 2.92: use {@link importKeypair} there.
 * @example
 * ```ts
 * const { privateKey } = await createKeypair(compute, { name: 'deploy' });
 * await writeFile('deploy.pem', privateKey, { mode: 0o600 });
 * ```
 */
export async function createKeypair(
  client: ComputeClient,
  params: CreateKeypairParams,
  options?: MicroversionRequestOptions,
): Promise<CreatedKeypair> {
  checkComputeGates(client, GENERATE_GATES, params, options);
  const json = keypairBody(client, params, options);
  const res = await client.request('POST', keypairsPath(), { ...options, json });
  unwrap(withoutPrivateKey(res), 'keypair', KEYPAIR);
  const w = (res.body as { keypair: KeypairWire }).keypair;
  if (!w.private_key) {
    throw invalidResponse(res, `the server returned no private key for key pair "${w.name}"`);
  }
  return { ...parseKeypair(w), privateKey: w.private_key };
}

/**
 * Imports an existing public key as a key pair.
 * @example
 * ```ts
 * const kp = await importKeypair(compute, { name: 'laptop', publicKey: await readFile(pub, 'utf8') });
 * ```
 */
export async function importKeypair(
  client: ComputeClient,
  params: ImportKeypairParams,
  options?: MicroversionRequestOptions,
): Promise<Keypair> {
  const publicKey = requireNonBlank(params?.publicKey, 'publicKey').trim();
  const json = keypairBody(client, params, options, publicKey);
  const res = await client.request('POST', keypairsPath(), { ...options, json });
  return parseKeypair(unwrap(res, 'keypair', KEYPAIR));
}

/**
 * Parameters of {@link listKeypairs}.
 * @example listKeypairs(compute, { limit: 100 }); // client microversion 2.35 or later
 */
export interface ListKeypairsParams {
  /** Administrators: another user's key pairs. @remarks Requires compute microversion 2.10 */
  userId?: string | undefined;
  /** @remarks Requires compute microversion 2.35 */
  limit?: number | undefined;
  /** Start after this key pair name. @remarks Requires compute microversion 2.35 */
  marker?: string | undefined;
}

/**
 * Lists the key pairs of the user, lazily (paged from microversion 2.35).
 * @example
 * ```ts
 * for await (const kp of listKeypairs(compute)) console.log(kp.name, kp.fingerprint);
 * ```
 */
export function listKeypairs(
  client: ComputeClient,
  params: ListKeypairsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Keypair> {
  checkComputeGates(client, LIST_GATES, params, options);
  return paginateByLinks<{ keypair: KeypairWire }, Keypair>({
    shape: KEYPAIR_ROW,
    client,
    path: keypairsPath(),
    key: 'keypairs',
    linksKey: 'keypairs_links',
    query: { user_id: params.userId },
    limit: params.limit,
    marker: params.marker,
    map: (row) => parseKeypair(row.keypair),
    options,
  });
}

/**
 * Parameters of {@link getKeypair} and {@link deleteKeypair}.
 * @example await deleteKeypair(adminCompute, 'deploy', { userId: 'u-2' });
 */
export interface KeypairOwnerParams {
  /** Administrators: another user's key pair. @remarks Requires compute microversion 2.10 */
  userId?: string | undefined;
}

/**
 * Gets one key pair by name.
 * @throws NotFoundError naming the key pair.
 * @example
 * ```ts
 * const kp = await getKeypair(compute, 'deploy');
 * ```
 */
export async function getKeypair(
  client: ComputeClient,
  name: string,
  params: KeypairOwnerParams = {},
  options?: MicroversionRequestOptions,
): Promise<Keypair> {
  requireString(name, 'name');
  checkComputeGates(client, USER_GATES, params, options);
  const res = await client.request('GET', keypairPath(name), {
    ...options,
    searchParams: { user_id: params.userId },
    resource: `keypair "${name}"`,
  });
  return parseKeypair(unwrap(res, 'keypair', KEYPAIR));
}

/**
 * Deletes a key pair. Servers booted with it keep the key.
 * @example
 * ```ts
 * await deleteKeypair(compute, 'deploy');
 * ```
 */
export async function deleteKeypair(
  client: ComputeClient,
  name: string,
  params: KeypairOwnerParams = {},
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(name, 'name');
  checkComputeGates(client, USER_GATES, params, options);
  await client.request('DELETE', keypairPath(name), {
    ...options,
    searchParams: { user_id: params.userId },
    resource: `keypair "${name}"`,
  });
}
