// A serverless handler using one provider-neutral factory, imported by name.
import { rackspaceStorage } from '@cloud/sdk/providers';

const env = process.env;

export async function handler(event: { container: string; name: string; body: string }) {
  const storage = rackspaceStorage({
    username: env.RAX_USERNAME,
    apiKey: env.RAX_API_KEY,
    region: env.RAX_REGION,
  });
  const file = await storage.upload({ container: event.container, remote: event.name, buffer: event.body });
  return { statusCode: 201, etag: file.etag };
}
