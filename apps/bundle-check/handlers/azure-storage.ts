// A serverless handler using Azure Blob Storage through the neutral storage interface, importing
// only @cloud/provider-azure/storage: the bundle holds the Azure blob client and no OpenStack code.
import { azureStorage } from '@cloud/provider-azure/storage';

export async function handler(event: { container: string; name: string; body: string }) {
  const storage = azureStorage({ connectionString: process.env.AZURE_STORAGE_CONNECTION_STRING });
  const file = await storage.upload({ container: event.container, remote: event.name, buffer: event.body });
  return { statusCode: 201, etag: file.etag, url: await storage.temporaryUrl(event.container, event.name) };
}
