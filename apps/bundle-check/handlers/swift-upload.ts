// A serverless handler that stores the request body in Swift, importing only @cloud/swift.
import { createSession, fromPassword } from '@cloud/core';
import { createSwiftClient, uploadObject } from '@cloud/swift';

const env = process.env;

export async function handler(event: { container: string; name: string; body: string }) {
  const session = createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL ?? '',
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD ?? '',
      projectName: env.OS_PROJECT_NAME,
    }),
    region: env.OS_REGION_NAME,
  });
  const result = await uploadObject(createSwiftClient(session), event.container, event.name, event.body);
  return { statusCode: 201, etag: result.etag };
}
