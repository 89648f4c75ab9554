/**
 * The neutral storage conformance checks against a real Keystone + Swift, from the OS_* variables
 * only. Skipped without OS_AUTH_URL.
 */
import { randomBytes } from 'node:crypto';
import { describeCheck, storageChecks } from '@cloud/providers/conformance';
import { getTempUrlKey, setAccountTempUrlKey, TempUrlKeyMissingError } from '@cloud/swift';
import { beforeAll, describe, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';

const env = process.env;
const describeLive = env.OS_AUTH_URL ? describe : describe.skip;
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
let serial = 0;

const target = {
  storage: () =>
    providers.openstack.storage({
      authUrl: env.OS_AUTH_URL,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD,
      projectName: env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME,
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
      region: env.OS_REGION_NAME,
    }),
  containerName: () => `sdk-it-conformance-${run}-${++serial}`,
  largeUploadBytes: 12 * 1024 * 1024,
};

describeLive('providers.openstack.storage conformance against a real Swift', () => {
  // Temporary URLs are signed with the account's key: keep the one the account has (other tests
  // share it), set one only when there is none.
  beforeAll(async () => {
    const { client } = target.storage();
    await getTempUrlKey(client).catch(async (e: unknown) => {
      if (!(e instanceof TempUrlKeyMissingError)) throw e;
      await setAccountTempUrlKey(client, randomBytes(24).toString('hex'));
    });
  });
  for (const check of storageChecks) {
    // A check the target's capabilities rule out is not a gap here (its refusal is checked instead),
    // and a skipped integration test fails CI: it is not registered at all.
    const { name, skip } = describeCheck(check, target);
    if (!skip) it(name, () => check.run(target));
  }
});
