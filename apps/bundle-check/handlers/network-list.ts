// A serverless handler that lists external networks, importing only @cloud/openstack-network.
import { createSession, fromPassword, toArray } from '@cloud/core';
import { createNetworkClient, listNetworks } from '@cloud/openstack-network';

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
  const networks = await toArray(listNetworks(createNetworkClient(session), { routerExternal: true }), {
    max: 100,
  });
  return { statusCode: 200, networks: networks.map((n) => n.name) };
}
