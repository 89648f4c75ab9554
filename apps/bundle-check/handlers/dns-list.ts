// A serverless handler that lists Designate zones, importing only @cloud/openstack-dns.
import { createSession, fromPassword, toArray } from '@cloud/core';
import { createDnsClient, listZones } from '@cloud/openstack-dns';

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
  const zones = await toArray(listZones(createDnsClient(session), { status: 'ACTIVE' }), { max: 100 });
  return { statusCode: 200, zones: zones.map((z) => `${z.name} ${z.serial}`) };
}
