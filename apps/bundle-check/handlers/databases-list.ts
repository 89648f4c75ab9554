// A serverless handler that lists database instances, importing only @cloud/rackspace-databases.
import { createSession, fromRackspaceApiKey, toArray } from '@cloud/core';
import { createDatabaseClient, listDatabaseInstances } from '@cloud/rackspace-databases';

const env = process.env;

export async function handler() {
  const session = createSession({
    credentials: fromRackspaceApiKey({ username: env.RAX_USERNAME ?? '', apiKey: env.RAX_API_KEY ?? '' }),
    region: env.RAX_REGION,
  });
  const instances = await toArray(listDatabaseInstances(createDatabaseClient(session)), { max: 100 });
  return { statusCode: 200, instances: instances.map((i) => `${i.name}: ${i.status}`) };
}
