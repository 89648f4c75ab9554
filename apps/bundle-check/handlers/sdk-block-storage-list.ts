// A serverless handler that lists volumes, through the @cloud/sdk umbrella.
import {
  createBlockStorageClient,
  createSession,
  fromPassword,
  listVolumesDetail,
  toArray,
} from '@cloud/sdk';

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
