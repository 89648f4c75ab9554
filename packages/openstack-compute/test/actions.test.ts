import { CloudError, ConflictError, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { serverFixture } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import {
  type ComputeClient,
  changeServerPassword,
  confirmServerResize,
  createServerImage,
  getServerConsoleOutput,
  lockServer,
  pauseServer,
  rebootServer,
  rebuildServer,
  rescueServer,
  resizeServer,
  resumeServer,
  revertServerResize,
  startServer,
  stopServer,
  suspendServer,
  unlockServer,
  unpauseServer,
  unrescueServer,
} from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  handleServerAction,
  IMAGE_ID,
  SERVER_ID,
  sent,
} from './fixtures/compute.js';

const cloud = setupMockCloud();
const NEW_IMAGE = '155d900f-4e14-4e4c-a73d-069cbf4541e6';

describe('server actions', () => {
  const cases: [string, (c: ComputeClient) => Promise<unknown>, unknown][] = [
    ['rebootServer (default SOFT)', (c) => rebootServer(c, SERVER_ID), { reboot: { type: 'SOFT' } }],
    ['rebootServer HARD', (c) => rebootServer(c, SERVER_ID, { type: 'HARD' }), { reboot: { type: 'HARD' } }],
    ['resizeServer', (c) => resizeServer(c, SERVER_ID, { flavor: '3' }), { resize: { flavorRef: '3' } }],
    [
      'resizeServer with disk config',
      (c) => resizeServer(c, SERVER_ID, { flavor: '3', diskConfig: 'AUTO' }),
      { resize: { flavorRef: '3', 'OS-DCF:diskConfig': 'AUTO' } },
    ],
    ['confirmServerResize', (c) => confirmServerResize(c, SERVER_ID), { confirmResize: null }],
    ['revertServerResize', (c) => revertServerResize(c, SERVER_ID), { revertResize: null }],
    ['unrescueServer', (c) => unrescueServer(c, SERVER_ID), { unrescue: null }],
    ['startServer', (c) => startServer(c, SERVER_ID), { 'os-start': null }],
    ['stopServer', (c) => stopServer(c, SERVER_ID), { 'os-stop': null }],
    ['pauseServer', (c) => pauseServer(c, SERVER_ID), { pause: null }],
    ['unpauseServer', (c) => unpauseServer(c, SERVER_ID), { unpause: null }],
    ['suspendServer', (c) => suspendServer(c, SERVER_ID), { suspend: null }],
    ['resumeServer', (c) => resumeServer(c, SERVER_ID), { resume: null }],
    ['lockServer', (c) => lockServer(c, SERVER_ID), { lock: null }],
    ['unlockServer', (c) => unlockServer(c, SERVER_ID), { unlock: null }],
    [
      'changeServerPassword',
      (c) => changeServerPassword(c, SERVER_ID, 'n3w-Pass'),
      { changePassword: { adminPass: 'n3w-Pass' } },
    ],
  ];

  it.each(cases)('%s posts its action body', async (_name, call, body) => {
    cloud.use(handleServerAction());
    await expect(call(computeOf(cloud))).resolves.toBeUndefined();
    expect(await sent(cloud)).toEqual({ method: 'POST', path: `/servers/${SERVER_ID}/action`, body });
  });

  it('lockServer sends a reason at microversion 2.73', async () => {
    cloud.use(handleServerAction());
    await lockServer(computeOf(cloud, { microversion: '2.73' }), SERVER_ID, { reason: 'audit' });
    expect((await sent(cloud)).body).toEqual({ lock: { locked_reason: 'audit' } });
  });

  it('rejects bad input before any request', async () => {
    const c = computeOf(cloud);
    await expect(rebootServer(c, SERVER_ID, { type: 'WARM' as 'SOFT' })).rejects.toThrow(
      /type must be one of SOFT, HARD, got WARM/,
    );
    await expect(resizeServer(c, SERVER_ID, { flavor: '' })).rejects.toThrow(ValidationError);
    await expect(lockServer(c, SERVER_ID, { reason: 'x' })).rejects.toThrow(/2\.73/);
    await expect(changeServerPassword(c, SERVER_ID, '')).rejects.toThrow(
      /adminPass must be a non-empty string/,
    );
    await expect(startServer(c, 'not-a-uuid')).rejects.toThrow(/serverId must be a UUID/);
    await expect(rebuildServer(c, SERVER_ID, { image: 'ubuntu' })).rejects.toThrow(/image must be a UUID/);
    await expect(rebuildServer(c, SERVER_ID, { image: IMAGE_ID, name: '  ' })).rejects.toThrow(
      /name must not be blank/,
    );
    await expect(getServerConsoleOutput(c, SERVER_ID, { length: 0 })).rejects.toThrow(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('turns a conflictingRequest fault into ConflictError with its message', async () => {
    cloud.use(
      handleServerAction({
        status: 409,
        body: {
          conflictingRequest: {
            code: 409,
            message: `Cannot 'pause' instance ${SERVER_ID} while it is in vm_state stopped`,
          },
        },
      }),
    );
    const err = await pauseServer(computeOf(cloud), SERVER_ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toMatch(
      /^server ".+": Cannot 'pause' instance .+ while it is in vm_state stopped/,
    );
  });

  it('keeps the new password out of error messages', async () => {
    cloud.use(
      handleServerAction({
        status: 409,
        body: { conflictingRequest: { code: 409, message: 'Cannot changePassword while building' } },
      }),
    );
    const err = (await changeServerPassword(computeOf(cloud), SERVER_ID, 'S3cret-Value').catch(
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(ConflictError);
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain('S3cret-Value');
  });
});

describe('rebuildServer', () => {
  it('posts the rebuild body and returns the server with its new password', async () => {
    cloud.use(
      handleServerAction({
        body: {
          server: {
            ...serverFixture({ id: SERVER_ID, status: 'REBUILD', image: { id: NEW_IMAGE, links: [] } }),
            adminPass: 'rebuilt-pass',
          },
        },
      }),
    );
    const s = await rebuildServer(computeOf(cloud, { microversion: '2.57' }), SERVER_ID, {
      image: NEW_IMAGE,
      name: 'web-01b',
      metadata: { v: '2' },
      preserveEphemeral: true,
      keyName: 'deploy',
      userData: 'echo hi',
    });
    expect(s).toMatchObject({
      id: SERVER_ID,
      status: 'REBUILD',
      image: { id: NEW_IMAGE },
      adminPass: 'rebuilt-pass',
    });
    expect((await sent(cloud)).body).toEqual({
      rebuild: {
        imageRef: NEW_IMAGE,
        name: 'web-01b',
        metadata: { v: '2' },
        preserve_ephemeral: true,
        key_name: 'deploy',
        user_data: Buffer.from('echo hi').toString('base64'),
      },
    });
  });

  it('rejects keyName below 2.54 and personality from 2.57', async () => {
    await expect(
      rebuildServer(computeOf(cloud), SERVER_ID, { image: IMAGE_ID, keyName: 'k' }),
    ).rejects.toThrow(/2\.54/);
    await expect(
      rebuildServer(computeOf(cloud, { microversion: '2.60' }), SERVER_ID, {
        image: IMAGE_ID,
        personality: [{ path: '/a', contents: 'b' }],
      }),
    ).rejects.toThrow(/personality is not available/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('rescueServer', () => {
  it('returns the rescue password', async () => {
    cloud.use(handleServerAction({ status: 200, body: { adminPass: 'rescue-pass' } }));
    await expect(rescueServer(computeOf(cloud), SERVER_ID)).resolves.toEqual({ adminPass: 'rescue-pass' });
    expect((await sent(cloud)).body).toEqual({ rescue: null });
  });

  it('sends the chosen password and rescue image', async () => {
    cloud.use(handleServerAction({ status: 200, body: { adminPass: 'mine' } }));
    await rescueServer(computeOf(cloud), SERVER_ID, { adminPass: 'mine', rescueImage: IMAGE_ID });
    expect((await sent(cloud)).body).toEqual({ rescue: { adminPass: 'mine', rescue_image_ref: IMAGE_ID } });
  });
});

describe('createServerImage', () => {
  it('reads the image id from the Location header (before 2.45)', async () => {
    cloud.use(
      handleServerAction({ headers: { location: `${BASE.replace('/v2.1', '')}/images/${NEW_IMAGE}` } }),
    );
    const res = await createServerImage(computeOf(cloud), SERVER_ID, { name: 'snap', metadata: { k: 'v' } });
    expect(res).toEqual({ imageId: NEW_IMAGE });
    expect((await sent(cloud)).body).toEqual({ createImage: { name: 'snap', metadata: { k: 'v' } } });
  });

  it('reads the image id from the body (from 2.45)', async () => {
    cloud.use(handleServerAction({ body: { image_id: NEW_IMAGE } }));
    const res = await createServerImage(computeOf(cloud, { microversion: '2.45' }), SERVER_ID, {
      name: 'snap',
    });
    expect(res).toEqual({ imageId: NEW_IMAGE });
    expect((await sent(cloud)).body).toEqual({ createImage: { name: 'snap' } });
  });

  it('fails clearly when the answer names no image', async () => {
    cloud.use(handleServerAction());
    await expect(createServerImage(computeOf(cloud), SERVER_ID, { name: 'snap' })).rejects.toThrow(
      CloudError,
    );
  });

  it('rejects an empty name before any request', async () => {
    await expect(createServerImage(computeOf(cloud), SERVER_ID, { name: '' })).rejects.toThrow(
      ValidationError,
    );
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('getServerConsoleOutput', () => {
  it('asks for the last lines and returns the output', async () => {
    cloud.use(handleServerAction({ status: 200, body: { output: 'login:\n' } }));
    await expect(getServerConsoleOutput(computeOf(cloud), SERVER_ID, { length: 50 })).resolves.toBe(
      'login:\n',
    );
    expect((await sent(cloud)).body).toEqual({ 'os-getConsoleOutput': { length: 50 } });
  });

  it('asks for everything without a length', async () => {
    cloud.use(handleServerAction({ status: 200, body: { output: 'all' } }));
    await getServerConsoleOutput(computeOf(cloud), SERVER_ID);
    expect((await sent(cloud)).body).toEqual({ 'os-getConsoleOutput': {} });
  });
});
