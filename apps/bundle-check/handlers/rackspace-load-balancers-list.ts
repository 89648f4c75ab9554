// A serverless handler that lists Cloud Load Balancers, importing only @cloud/rackspace-load-balancers.
import { createSession, fromRackspaceApiKey, toArray } from '@cloud/core';
import { createRackspaceLoadBalancersClient, listClbLoadBalancers } from '@cloud/rackspace-load-balancers';

const env = process.env;

export async function handler() {
  const session = createSession({
    credentials: fromRackspaceApiKey({ username: env.RAX_USERNAME ?? '', apiKey: env.RAX_API_KEY ?? '' }),
  });
  const clb = createRackspaceLoadBalancersClient(session, { region: env.RAX_REGION });
  const lbs = await toArray(listClbLoadBalancers(clb), { max: 100 });
  return { statusCode: 200, loadBalancers: lbs.map((lb) => `${lb.id}: ${lb.name} ${lb.status}`) };
}
