// A serverless handler that lists volumes, importing only @cloud/openstack-block-storage.
import { createSession, fromPassword, toArray } from '@cloud/core';
import { createBlockStorageClient, listVolumesDetail } from '@cloud/openstack-block-storage';

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
  const volumes = await toArray(listVolumesDetail(createBlockStorageClient(session)), { max: 100 });
  return { statusCode: 200, volumes: volumes.map((v) => `${v.name ?? v.id}: ${v.size} GiB ${v.status}`) };
}
