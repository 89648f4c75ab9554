/**
 * A revoked token on a HEAD of an object: real Swift answers that 401 with a chunked "body", which
 * Node's HTTP parser rejects. The SDK must still see the 401, re-authenticate once and replay.
 */
import { createSession, fromPassword } from '@cloud/core';
import { expect, it } from '@jest/globals';
import { createContainer, createSwiftClient, getObjectMetadata, uploadObject } from '../../src/index.js';
import { cleanupContainers, describeLive, liveClient, uniqueContainer } from './env.js';

const created: string[] = [];
cleanupContainers(liveClient, created);
const env = process.env;

describeLive('re-authentication against real Swift', () => {
  it('getObjectMetadata re-authenticates once after the token is revoked', async () => {
    let tokenRequests = 0;
    const password = fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD!,
      projectName: env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    });
    const session = createSession({
      credentials: (ctx) => {
        tokenRequests++;
        return password(ctx);
      },
      region: env.OS_REGION_NAME,
    });
    const swift = createSwiftClient(session);
    const c = uniqueContainer('reauth', created);
    await createContainer(swift, c);
    await uploadObject(swift, c, 'o', 'revoked token');
    const { token } = await session.authenticate();
    expect(tokenRequests).toBe(1);

    // Revoke it through Keystone: DELETE /v3/auth/tokens with X-Subject-Token.
    const revoke = await session.transport.send({
      method: 'DELETE',
      url: `${env.OS_AUTH_URL!.replace(/\/$/, '')}/auth/tokens`,
      headers: { 'x-auth-token': token, 'x-subject-token': token },
    });
    expect(revoke.status).toBe(204);

    const info = await getObjectMetadata(swift, c, 'o');
    expect(info.bytes).toBe('revoked token'.length);
    expect(tokenRequests).toBe(2);
    expect((await session.authenticate()).token).not.toBe(token);
  });
});
