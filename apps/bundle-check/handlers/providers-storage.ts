// A serverless handler using the provider-neutral interface through the `providers` object.
import { providers } from '@cloud/sdk/providers';

const env = process.env;

export async function handler(event: { container: string; name: string; body: string }) {
  const storage = providers.openstack.storage({
    authUrl: env.OS_AUTH_URL,
    username: env.OS_USERNAME,
    password: env.OS_PASSWORD,
    projectName: env.OS_PROJECT_NAME,
    region: env.OS_REGION_NAME,
  });
  const file = await storage.upload({ container: event.container, remote: event.name, buffer: event.body });
  return { statusCode: 201, etag: file.etag };
}
