// A serverless handler that lists servers, through the @cloud/sdk umbrella.
import { createComputeClient, createSession, fromPassword, listServers, toArray } from '@cloud/sdk';

const env = process.env;

export async function handler() {
  const session = createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL ?? '',
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD ?? '',
      projectName: env.OS_PROJECT_NAME,
    }),
    region: env.OS_REGION_NAME,
  });
  const servers = await toArray(listServers(createComputeClient(session)), { max: 100 });
  return { statusCode: 200, servers: servers.map((s) => s.name) };
}
