/**
 * Creates a database instance with a database and a user, waits until it is ACTIVE, enables root,
 * then deletes the instance and waits until it is gone.
 *
 * With OS_AUTH_URL or OS_CLOUD set it runs against your cloud (Rackspace Cloud Databases or
 * OpenStack Trove; credentials from OS_* variables or clouds.yaml). Optional: DB_FLAVOR (default:
 * the smallest flavor), DB_VOLUME_GB (default 1), DB_DATASTORE and DB_DATASTORE_VERSION, and
 * DB_NETWORK_ID for Trove deployments that need a network. Otherwise it runs against an in-process
 * fake of the service.
 *
 *   pnpm run example:databases
 */
import { randomBytes } from 'node:crypto';
import { createSession, type Session, toArray } from '@cloud/core';
import {
  createDatabaseClient,
  createDatabaseInstance,
  type DatabaseClient,
  deleteDatabaseInstance,
  enableRootUser,
  isRootEnabled,
  listDatabaseFlavors,
  listDatabases,
  listDatabaseUsers,
  waitForDatabaseInstanceDeleted,
  waitForDatabaseInstanceStatus,
} from '@cloud/rackspace-databases';
import { createFakeTrove, fakeTroveCredentials } from '@cloud/testing/databases';
import { setupServer } from 'msw/node';

const live = Boolean(process.env.OS_AUTH_URL || process.env.OS_CLOUD);
const FAKE_URL = 'https://databases.example.test/v1.0/123456';

/** A session against the user's cloud, or against the fake with the mock server it needs. */
function connect(): { session: Session; close: () => void } {
  if (live) return { session: createSession(), close: () => {} };
  const fake = createFakeTrove({ baseUrl: FAKE_URL });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  return {
    session: createSession({ credentials: fakeTroveCredentials(FAKE_URL), region: 'RegionOne' }),
    close: () => server.close(),
  };
}

async function pickFlavor(db: DatabaseClient): Promise<string> {
  if (process.env.DB_FLAVOR) return process.env.DB_FLAVOR;
  const flavors = await toArray(listDatabaseFlavors(db));
  const smallest = flavors.sort((a, b) => a.ram - b.ram)[0];
  if (!smallest) throw new Error('The database service offers no flavors');
  return smallest.id;
}

async function main(): Promise<void> {
  console.log(
    live ? 'Using your cloud (OS_AUTH_URL / OS_CLOUD).' : 'Using an in-process fake Cloud Databases service.',
  );
  const { session, close } = connect();
  // Real instances take minutes to build; the fake takes a poll or two.
  const wait = live ? { minDelayMs: 5_000, maxDelayMs: 20_000, timeoutMs: 30 * 60_000 } : { minDelayMs: 10 };
  const db = createDatabaseClient(session);
  let instanceId: string | undefined;
  try {
    const flavorRef = await pickFlavor(db);
    const password = randomBytes(18).toString('base64url');
    const datastore = process.env.DB_DATASTORE
      ? { type: process.env.DB_DATASTORE, version: process.env.DB_DATASTORE_VERSION }
      : undefined;
    const created = await createDatabaseInstance(db, {
      name: `example-${Date.now().toString(36)}`,
      flavorRef,
      volumeSize: Number(process.env.DB_VOLUME_GB ?? 1),
      datastore,
      databases: [{ name: 'orders', characterSet: 'utf8mb4', collate: 'utf8mb4_general_ci' }],
      users: [{ name: 'app', password, databases: ['orders'] }],
      nics: process.env.DB_NETWORK_ID ? [{ netId: process.env.DB_NETWORK_ID }] : undefined,
    });
    instanceId = created.id;
    console.log(`Created instance ${created.name} (${created.id}) on flavor ${flavorRef}: ${created.status}`);

    const ready = await waitForDatabaseInstanceStatus(db, created.id, 'ACTIVE', wait);
    console.log(`Instance is ${ready.status}; connect to ${ready.hostname ?? ready.ipAddresses.join(', ')}`);

    const databases = await toArray(listDatabases(db, created.id));
    const users = await toArray(listDatabaseUsers(db, created.id));
    console.log(`Databases: ${databases.map((d) => d.name).join(', ')}`);
    console.log(`Users: ${users.map((u) => `${u.name}@${u.host} -> ${u.databases.join(', ')}`).join('; ')}`);

    const root = await enableRootUser(db, created.id);
    // The password is a secret: use root.password, never print it. Logging `root` shows [REDACTED].
    console.log('Root enabled:', root, `(password of ${root.password.length} characters received)`);
    console.log(`Root ever enabled: ${await isRootEnabled(db, created.id)}`);
  } finally {
    if (instanceId) await cleanUp(db, instanceId, wait);
    close();
  }
}

/** Deletes the instance and waits until it is gone; a failure here is reported, not thrown. */
async function cleanUp(db: DatabaseClient, id: string, wait: { minDelayMs: number }): Promise<void> {
  try {
    await deleteDatabaseInstance(db, id);
    await waitForDatabaseInstanceDeleted(db, id, wait);
    console.log(`Deleted instance ${id}`);
  } catch (error) {
    console.error(`Could not delete instance ${id}, delete it by hand: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
