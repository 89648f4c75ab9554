import { createSession, fromPassword } from '@cloud/sdk';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MOCK_CLOUD, type MockCloud, startMockCloud } from '../src/mock/index.js';
import type { Target } from '../src/target.js';
import { pickRegion, runTour } from '../src/tour.js';

let cloud: MockCloud;
beforeAll(() => {
  cloud = startMockCloud({ chunkSize: 64 * 1024 });
});
afterAll(() => cloud.close());

const target = (password: string = MOCK_CLOUD.password, preferredRegion?: string): Target => ({
  kind: 'mock',
  description: 'test',
  preferredRegion,
  session: createSession({
    credentials: fromPassword({
      authUrl: MOCK_CLOUD.authUrl,
      username: MOCK_CLOUD.username,
      password,
      projectName: MOCK_CLOUD.projectName,
    }),
    retry: { limit: 0 },
  }),
  close: () => {},
});

describe('runTour against the mock cloud', () => {
  it('uploads, downloads, verifies the MD5, lists and cleans up', async () => {
    const lines: string[] = [];
    const progress: string[] = [];
    const result = await runTour(target(MOCK_CLOUD.password, 'RegionTwo'), {
      sizeBytes: 1024 * 1024 + 7,
      log: (l) => lines.push(l),
      sink: { isTTY: false, write: (t) => progress.push(t) },
      container: 'tour-test',
    });
    expect(result).toMatchObject({
      region: 'RegionTwo',
      regions: ['RegionOne', 'RegionTwo'],
      container: 'tour-test',
      bytes: 1024 * 1024 + 7,
      verified: true,
    });
    expect(result.containers).toContain('tour-test');
    expect(lines.filter((l) => /^\n\[\d\/7\]/.test(l))).toHaveLength(7);
    expect(lines).toContain('  MD5 matches the uploaded file: OK');
    expect(progress.some((l) => l.startsWith('upload') && l.includes('100%'))).toBe(true);
    expect(progress.some((l) => l.startsWith('download') && l.includes('100%'))).toBe(true);
    // Everything it created is gone, in the region it used.
    expect(cloud.accounts.get('RegionTwo')?.size).toBe(0);
    expect(cloud.accounts.get('RegionOne')?.size).toBe(0);
  });

  it('fails with the authentication error and leaves nothing behind', async () => {
    await expect(runTour(target('wrong'), { sizeBytes: 1024, log: () => {} })).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
    expect(cloud.accounts.get('RegionOne')?.size).toBe(0);
  });
});

describe('pickRegion', () => {
  it('prefers the configured region when the catalog offers it, else the first', () => {
    expect(pickRegion(['A', 'B'], 'B')).toBe('B');
    expect(pickRegion(['A', 'B'], 'C')).toBe('A');
    expect(pickRegion([], undefined)).toBeUndefined();
  });
});
