/**
 * Shared setup of the compute integration tests: a session from the OS_* variables only, clients
 * found through the catalog (no endpoint overrides), the seeded flavors, image and network of
 * tooling/openstack (CLOUD_IT_* variables from services.env), unique names and cleanup helpers.
 * Without OS_AUTH_URL, or when the cloud runs no compute service, every suite is skipped.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, NotFoundError, type Session } from '@cloud/core';
import { createServiceClient, poll, type ServiceClient } from '@cloud/core/service';
import { type BlockStorageClient, createBlockStorageClient } from '@cloud/openstack-block-storage';
import { createNetworkClient, type NetworkClient } from '@cloud/openstack-network';
import { describe } from '@jest/globals';
import {
  type ComputeClient,
  type ComputeClientOptions,
  createComputeClient,
  deleteServer,
  waitForServerDeleted,
} from '../../src/index.js';

const env = process.env;
const services = (env.CLOUD_IT_SERVICES ?? '').split(',');
/** True when OS_AUTH_URL points at a cloud whose compute service the tooling started. */
export const live = !!env.OS_AUTH_URL && services.includes('compute');
/** `describe` when a cloud with compute is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
/** `describe` when the cloud also runs block storage (Cinder). */
export const describeWithVolumes: typeof describe =
  live && services.includes('block-storage') ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set or CLOUD_IT_SERVICES lacks compute: compute integration tests are skipped. ' +
      'Run them with `bash tooling/openstack/with-openstack.sh --services compute,block-storage ' +
      'pnpm --filter @cloud/openstack-compute test:integration`.',
  );
}

/** A seeded value from services.env (tooling/openstack); throws if the tooling did not set it. */
export function seeded(name: string): string {
  const value = env[name];
  if (!value)
    throw new Error(`${name} is not set: start the cloud with tooling/openstack/up.sh --services compute`);
  return value;
}

let session: Session | undefined;
/** One session (the demo user, a member of project demo) for every client of a test file. */
export function liveSession(): Session {
  session ??= createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD!,
      projectName: env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    }),
    region: env.OS_REGION_NAME,
    interface: env.OS_INTERFACE,
  });
  return session;
}

/** A compute client found through the catalog. */
export const liveCompute = (options: ComputeClientOptions = {}): ComputeClient =>
  createComputeClient(liveSession(), options);

/**
 * A plain client of another service of the same catalog (Neutron, Cinder), for the resources a
 * compute test needs around a server. Those services get their own packages; here they are only
 * set-up and clean-up.
 */
export const liveService = (type: string): ServiceClient => createServiceClient(liveSession(), { type });

const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
/** A name unique to this run. */
export const uniqueName = (label: string): string => `sdk-it-${label}-${run}`;

/** Deletes a server and waits until it is gone; a server that is already gone is fine. */
export async function removeServer(compute: ComputeClient, id: string): Promise<void> {
  try {
    await deleteServer(compute, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  await waitForServerDeleted(compute, id, { timeoutMs: 120_000, minDelayMs: 500, maxDelayMs: 2_000 });
}

/** Runs every clean-up step even if some fail, then reports the failures together. */
export async function cleanUp(steps: Array<() => Promise<unknown>>): Promise<void> {
  const failures: string[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof NotFoundError)) failures.push(String(error));
    }
  }
  if (failures.length > 0) console.warn(`clean-up failed:\n${failures.join('\n')}`);
}

interface VolumeWire {
  id: string;
  status: string;
}

/** Creates a Cinder volume (through the catalog's volumev3 endpoint) and waits until it is available. */
export async function createAvailableVolume(name: string, sizeGiB = 1): Promise<string> {
  const cinder = liveService('volumev3');
  const res = await cinder.request<{ volume: VolumeWire }>('POST', 'volumes', {
    json: { volume: { name, size: sizeGiB, volume_type: env.CLOUD_IT_VOLUME_TYPE } },
    okStatuses: [202],
  });
  const id = res.body.volume.id;
  await waitForVolumeStatus(id, 'available');
  return id;
}

/** Polls a Cinder volume until it has `status`; fails at once on an error status. */
export async function waitForVolumeStatus(id: string, status: string): Promise<VolumeWire> {
  const cinder = liveService('volumev3');
  return poll<VolumeWire>({
    description: `volume "${id}" to become ${status}`,
    timeoutMs: 120_000,
    minDelayMs: 500,
    maxDelayMs: 2_000,
    fetch: async (signal) =>
      (await cinder.request<{ volume: VolumeWire }>('GET', `volumes/${id}`, { signal })).body.volume,
    done: (v) => v.status === status,
    failure: (v) => (v.status.startsWith('error') ? `the volume is ${v.status}` : undefined),
  });
}

/** Deletes a Cinder volume and waits until it is gone. */
export async function removeVolume(id: string): Promise<void> {
  const cinder = liveService('volumev3');
  try {
    await cinder.request('DELETE', `volumes/${id}`, { okStatuses: [202] });
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw error;
  }
  await poll<boolean>({
    description: `volume "${id}" to be deleted`,
    timeoutMs: 120_000,
    minDelayMs: 500,
    maxDelayMs: 2_000,
    fetch: async (signal) => {
      try {
        await cinder.request('GET', `volumes/${id}`, { signal });
        return false;
      } catch (error) {
        if (error instanceof NotFoundError) return true;
        throw error;
      }
    },
    done: (gone) => gone,
  });
}

/** Creates a Neutron port on a network (for interface attach) and returns its id. */
export async function createPort(networkId: string, name: string): Promise<string> {
  const neutron = liveService('network');
  const res = await neutron.request<{ port: { id: string } }>('POST', 'v2.0/ports', {
    json: { port: { network_id: networkId, name } },
    okStatuses: [201],
  });
  return res.body.port.id;
}

/** Deletes a Neutron port; a port that is already gone is fine. */
export async function removePort(id: string): Promise<void> {
  try {
    await liveService('network').request('DELETE', `v2.0/ports/${id}`, { okStatuses: [204] });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

/** A network client (`@cloud/openstack-network`, a test-only dependency) on the same session. */
export const liveNetwork = (): NetworkClient => createNetworkClient(liveSession());

/** A block storage client (`@cloud/openstack-block-storage`, a test-only dependency) on the same session. */
export const liveBlockStorage = (): BlockStorageClient => createBlockStorageClient(liveSession());
