// A serverless handler that lists Cloud DNS domains, importing only @cloud/rackspace-dns.
import { createSession, fromRackspaceApiKey, toArray } from '@cloud/core';
import { createRackspaceDnsClient, listDomains } from '@cloud/rackspace-dns';

const env = process.env;

export async function handler() {
  const session = createSession({
    credentials: fromRackspaceApiKey({ username: env.RAX_USERNAME ?? '', apiKey: env.RAX_API_KEY ?? '' }),
  });
  const domains = await toArray(listDomains(createRackspaceDnsClient(session)), { max: 100 });
  return { statusCode: 200, domains: domains.map((d) => `${d.id}: ${d.name}`) };
}
