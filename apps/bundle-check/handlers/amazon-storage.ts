// A serverless handler using Amazon S3 through the neutral storage interface, importing only
// @cloud/provider-amazon/storage: the bundle holds the S3 client and no EC2 code.
import { amazonStorage } from '@cloud/provider-amazon/storage';

export async function handler(event: { container: string; name: string; body: string }) {
  const storage = amazonStorage({ region: process.env.AWS_REGION });
  const file = await storage.upload({ container: event.container, remote: event.name, buffer: event.body });
  return { statusCode: 201, etag: file.etag, url: await storage.temporaryUrl(event.container, event.name) };
}
