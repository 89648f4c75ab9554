// A serverless handler that uploads image data, importing only @cloud/openstack-image.
import { createSession, fromPassword } from '@cloud/core';
import { createImageClient, uploadImageData } from '@cloud/openstack-image';

const env = process.env;

export async function handler(event: { imageId: string; data: string }) {
  const session = createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL ?? '',
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD ?? '',
      projectName: env.OS_PROJECT_NAME,
    }),
    region: env.OS_REGION_NAME,
  });
  const { bytes } = await uploadImageData(createImageClient(session), event.imageId, Buffer.from(event.data));
  return { statusCode: 200, bytes };
}
