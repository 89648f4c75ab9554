// A serverless handler that lists Octavia load balancers, importing only @cloud/openstack-load-balancer.
import { createSession, fromPassword, toArray } from '@cloud/core';
import { createLoadBalancerClient, listLoadBalancers } from '@cloud/openstack-load-balancer';

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
  const lbs = await toArray(
    listLoadBalancers(createLoadBalancerClient(session), { provisioningStatus: 'ACTIVE' }),
    {
      max: 100,
    },
  );
  return { statusCode: 200, loadBalancers: lbs.map((l) => `${l.name} ${l.vipAddress}`) };
}
