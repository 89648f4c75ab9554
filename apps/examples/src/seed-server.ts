/**
 * With `--provider NAME`: the storage seed of `seed-storage.ts` on that cloud (see `--help`).
 *
 * Without it: creates a server from a name, a flavor and an image, waits until it runs, prints its addresses
 * and deletes it, with the SAME code on Rackspace and on OpenStack: only the factory differs
 * (`providers.rackspace.compute` or `providers.openstack.compute`).
 *
 * - Rackspace: RACKSPACE_USERNAME and RACKSPACE_API_KEY (optional RACKSPACE_REGION, e.g. IAD).
 * - OpenStack: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME (optional OS_REGION_NAME,
 *   OS_USER_DOMAIN_NAME), or OS_CLOUD for a cloud in clouds.yaml.
 * - Neither: an in-process mock cloud (a mock identity service and compute fake), run once as
 *   Rackspace and once as OpenStack.
 *
 * Optional: EXAMPLE_FLAVOR (flavor id; default the smallest), EXAMPLE_IMAGE (image id; default the
 * first ACTIVE one), EXAMPLE_KEEP=1 to keep the server.
 *
 *   pnpm run example:seed
 *   pnpm run example:seed -- --provider amazon --endpoint http://127.0.0.1:5301
 *   pnpm run example:seed -- --provider azure --endpoint http://127.0.0.1:5302/devstoreaccount1
 */
import { parseArgs } from 'node:util';
import { createSession } from '@cloud/core';
import { amazonStorage } from '@cloud/provider-amazon/storage';
import { azureStorage } from '@cloud/provider-azure/storage';
import type { ProviderStorageClient } from '@cloud/providers';
import { type ProviderComputeClient, providers } from '@cloud/sdk/providers';
import { createFakeNova } from '@cloud/testing/compute';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { seedStorage } from './seed-storage.js';

const HELP = `Usage: pnpm run example:seed [-- --provider NAME [options]]

Without --provider: creates, waits for and deletes a server on Rackspace or OpenStack (from the
RACKSPACE_* or OS_* variables), or on an in-process mock cloud when neither is set.

With --provider: the storage seed. Creates a container, uploads and downloads a file with
progress, lists it, signs a temporary URL that plain curl fetches, and deletes everything.
The same code runs on every provider; only the client differs.

  --provider amazon     Amazon S3 (@cloud/provider-amazon). Credentials and region from the AWS
                        SDK's usual chain (AWS_ACCESS_KEY_ID, AWS_PROFILE, AWS_REGION...). With
                        --endpoint (or CLOUD_MOTO_ENDPOINT / AWS_ENDPOINT_URL), an S3-compatible
                        endpoint such as a local moto server (path-style; test credentials unless
                        AWS_ACCESS_KEY_ID is set).
  --provider openstack  Swift, from the OS_* variables. The account needs a temp URL key
                        (setAccountTempUrlKey of @cloud/swift).
  --provider rackspace  Cloud Files, from RACKSPACE_USERNAME / RACKSPACE_API_KEY / RACKSPACE_REGION.
  --provider azure      Azure Blob Storage (@cloud/provider-azure), from
                        AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT and
                        AZURE_STORAGE_KEY. With --endpoint (or CLOUD_AZURITE_BLOB_ENDPOINT), a
                        blob endpoint such as a local Azurite (account devstoreaccount1 and its
                        well-known key unless AZURE_STORAGE_ACCOUNT / AZURE_STORAGE_KEY are set).

  --endpoint URL        S3 endpoint for --provider amazon (e.g. http://127.0.0.1:5301 for moto),
                        blob endpoint for --provider azure.
  --size-mib N          Size of the file in MiB (default 100).
  --keep                Keep the container afterwards.
  --help                This text.`;

/** The storage client of `--provider`, from the environment. */
function storageFor(provider: string, endpointArg: string | undefined): ProviderStorageClient {
  const env = process.env;
  switch (provider) {
    case 'amazon': {
      const endpoint = endpointArg ?? env.CLOUD_MOTO_ENDPOINT ?? env.AWS_ENDPOINT_URL;
      return amazonStorage({
        region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
        endpoint,
        forcePathStyle: endpoint !== undefined,
        credentials:
          endpoint && !env.AWS_ACCESS_KEY_ID ? { accessKeyId: 'test', secretAccessKey: 'test' } : undefined,
      });
    }
    case 'openstack':
      return providers.openstack.storage({
        authUrl: env.OS_AUTH_URL,
        username: env.OS_USERNAME,
        password: env.OS_PASSWORD,
        projectName: env.OS_PROJECT_NAME,
        domainName: env.OS_USER_DOMAIN_NAME,
        region: env.OS_REGION_NAME,
      });
    case 'rackspace':
      return providers.rackspace.storage({
        username: env.RACKSPACE_USERNAME,
        apiKey: env.RACKSPACE_API_KEY,
        region: env.RACKSPACE_REGION,
      });
    case 'azure': {
      const url = endpointArg ?? env.CLOUD_AZURITE_BLOB_ENDPOINT;
      if (!url && env.AZURE_STORAGE_CONNECTION_STRING) {
        return azureStorage({ connectionString: env.AZURE_STORAGE_CONNECTION_STRING });
      }
      return azureStorage({
        url,
        accountName: env.AZURE_STORAGE_ACCOUNT ?? env.CLOUD_AZURITE_ACCOUNT,
        accountKey: env.AZURE_STORAGE_KEY ?? env.CLOUD_AZURITE_ACCOUNT_KEY,
      });
    }
    default:
      throw new UsageError(
        `unknown provider "${provider}" (amazon, azure, openstack, rackspace; see --help)`,
      );
  }
}

/** Wrong command-line use: printed with a pointer to --help, exit status 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

type Waits = { timeoutMs?: number; minDelayMs?: number; maxDelayMs?: number };

/** The seed: identical for every provider. */
async function seedServer(compute: ProviderComputeClient, waits: Waits): Promise<void> {
  const flavors = await compute.getFlavors();
  const flavor = process.env.EXAMPLE_FLAVOR ?? [...flavors].sort((a, b) => a.ram - b.ram)[0]?.id;
  const image =
    process.env.EXAMPLE_IMAGE ?? (await compute.getImages()).find((i) => i.status === 'ACTIVE')?.id;
  if (!flavor || !image)
    throw new Error('No flavor or ACTIVE image found; set EXAMPLE_FLAVOR and EXAMPLE_IMAGE');

  const name = `seed-${Date.now().toString(36)}`;
  console.log(`  creating ${name} (flavor ${flavor}, image ${image}) on ${compute.provider}`);
  const server = await compute.createServer({ name, flavor, image });
  console.log(
    `  ${server.id} is ${server.status}${server.adminPass ? ' (root password returned, not shown)' : ''}`,
  );
  try {
    const ready = await compute.waitForServer(server.id, waits);
    console.log(`  ${ready.name} is ${ready.status} (${ready.providerStatus})`);
    console.log(`  public:  ${ready.addresses.public.join(', ') || '-'}`);
    console.log(`  private: ${ready.addresses.private.join(', ') || '-'}`);
  } finally {
    if (process.env.EXAMPLE_KEEP === '1') console.log(`  keeping ${server.id} (EXAMPLE_KEEP=1)`);
    else {
      await compute.destroyServer(server.id);
      console.log(`  deleted ${server.id}`);
    }
  }
}

const MOCK_IDENTITY = 'https://identity.seed.invalid';

/** A mock identity service (Keystone v3, and v2.0 with Rackspace API keys) whose catalog names `computeUrl`. */
function mockIdentity(computeUrl: string) {
  const expires = () => new Date(Date.now() + 3_600_000).toISOString();
  return [
    http.post(`${MOCK_IDENTITY}/v2.0/tokens`, () =>
      HttpResponse.json({
        access: {
          token: { id: 'mock-rackspace-token', expires: expires(), tenant: { id: '123456', name: '123456' } },
          serviceCatalog: [
            {
              type: 'compute',
              name: 'cloudServersOpenStack',
              endpoints: [{ region: 'IAD', tenantId: '123456', publicURL: computeUrl }],
            },
          ],
          user: { id: 'u-1', name: 'demo', 'RAX-AUTH:defaultRegion': 'IAD' },
        },
      }),
    ),
    http.post(`${MOCK_IDENTITY}/v3/auth/tokens`, () =>
      HttpResponse.json(
        {
          token: {
            expires_at: expires(),
            project: { id: 'p-1', name: 'demo', domain: { id: 'default', name: 'Default' } },
            user: { id: 'u-1', name: 'demo', domain: { id: 'default', name: 'Default' } },
            catalog: [
              {
                type: 'compute',
                name: 'nova',
                endpoints: [
                  { interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: computeUrl },
                ],
              },
            ],
          },
        },
        { status: 201, headers: { 'x-subject-token': 'mock-openstack-token' } },
      ),
    ),
  ];
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  if (args.provider !== undefined) {
    const sizeMiB = args['size-mib'] === undefined ? 100 : Number(args['size-mib']);
    if (!(Number.isInteger(sizeMiB) && sizeMiB > 0))
      throw new UsageError('--size-mib must be a positive integer');
    const storage = storageFor(args.provider, args.endpoint);
    console.log(`Storage seed on ${args.provider}:`);
    return seedStorage(storage, { sizeMiB, keep: args.keep });
  }
  const env = process.env;
  const live = { timeoutMs: 20 * 60_000 };
  if (env.RACKSPACE_USERNAME && env.RACKSPACE_API_KEY) {
    console.log('Rackspace (RACKSPACE_USERNAME / RACKSPACE_API_KEY are set):');
    const compute = providers.rackspace.compute({
      username: env.RACKSPACE_USERNAME,
      apiKey: env.RACKSPACE_API_KEY,
      region: env.RACKSPACE_REGION,
    });
    return seedServer(compute, live);
  }
  if (env.OS_AUTH_URL || env.OS_CLOUD) {
    console.log(
      `OpenStack (${env.OS_CLOUD ? `OS_CLOUD=${env.OS_CLOUD}` : `OS_AUTH_URL=${env.OS_AUTH_URL}`}):`,
    );
    const compute = env.OS_CLOUD
      ? providers.openstack.compute({ session: createSession(), region: env.OS_REGION_NAME })
      : providers.openstack.compute({
          authUrl: env.OS_AUTH_URL,
          username: env.OS_USERNAME,
          password: env.OS_PASSWORD,
          projectName: env.OS_PROJECT_NAME,
          domainName: env.OS_USER_DOMAIN_NAME,
          region: env.OS_REGION_NAME,
        });
    return seedServer(compute, live);
  }

  console.log(
    'No RACKSPACE_* or OS_* credentials: using an in-process mock cloud (nothing leaves this process).',
  );
  const nova = createFakeNova({ buildPolls: 2 });
  const server = setupServer(...mockIdentity(nova.baseUrl), ...nova.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  const waits = { minDelayMs: 10, maxDelayMs: 50 };
  try {
    console.log('\nAs Rackspace (mock):');
    await seedServer(
      providers.rackspace.compute({ username: 'demo', apiKey: 'mock-key', authUrl: `${MOCK_IDENTITY}/v2.0` }),
      waits,
    );
    console.log('\nAs OpenStack (mock):');
    await seedServer(
      providers.openstack.compute({
        authUrl: `${MOCK_IDENTITY}/v3`,
        username: 'demo',
        password: 'mock-password',
        projectName: 'demo',
      }),
      waits,
    );
  } finally {
    server.close();
  }
}

function parseCli() {
  // `pnpm run example:seed -- --provider amazon` passes the `--` along.
  const argv = process.argv.slice(2);
  return parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      provider: { type: 'string' },
      endpoint: { type: 'string' },
      'size-mib': { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  if (error instanceof UsageError) console.error('See --help.');
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
