import { describe, expect, it } from '@jest/globals';
import { chooseTarget, localEnvVars, type TargetProbe } from '../src/target.js';

const LOCAL = {
  OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
  OS_USERNAME: 'admin',
  OS_PASSWORD: 'pw',
  OS_PROJECT_NAME: 'admin',
  OS_REGION_NAME: 'RegionTwo',
};

function probe(overrides: Partial<TargetProbe> & { up?: boolean[] } = {}) {
  const calls = { keystone: [] as string[], started: 0, log: [] as string[] };
  const answers = [...(overrides.up ?? [])];
  const p: TargetProbe = {
    env: {},
    readLocalEnv: () => undefined,
    keystoneAnswers: async (url) => {
      calls.keystone.push(url);
      return answers.shift() ?? false;
    },
    startLocal: () => {
      calls.started++;
    },
    log: (line) => calls.log.push(line),
    ...overrides,
  };
  return { p, calls };
}

describe('chooseTarget', () => {
  it('uses the user’s cloud when OS_AUTH_URL is set, without probing the local one', async () => {
    const { p, calls } = probe({
      env: { OS_AUTH_URL: 'https://keystone.example.com/v3', OS_REGION_NAME: 'R2' },
    });
    const t = await chooseTarget(p);
    expect(t.kind).toBe('own');
    expect(t.description).toContain('OS_AUTH_URL https://keystone.example.com/v3');
    expect(t.preferredRegion).toBe('R2');
    expect(calls.keystone).toEqual([]);
  });

  it('uses the user’s cloud when OS_CLOUD is set', async () => {
    const { p } = probe({ env: { OS_CLOUD: 'mycloud' } });
    const t = await chooseTarget(p);
    expect(t.kind).toBe('own');
    expect(t.description).toContain('cloud "mycloud" from clouds.yaml');
  });

  it('uses the local OpenStack when its settings exist and Keystone answers', async () => {
    const { p, calls } = probe({ readLocalEnv: () => LOCAL, up: [true] });
    const t = await chooseTarget(p);
    expect(t.kind).toBe('local');
    expect(t.preferredRegion).toBe('RegionTwo');
    expect(calls.keystone).toEqual(['http://127.0.0.1:5000/v3']);
    expect(calls.started).toBe(0);
  });

  it('starts the installed local services when Keystone does not answer, then uses them', async () => {
    const { p, calls } = probe({ readLocalEnv: () => LOCAL, up: [false, true] });
    const t = await chooseTarget(p);
    expect(t.kind).toBe('local');
    expect(calls.started).toBe(1);
    expect(calls.log[0]).toMatch(/installed but not answering.*starting them/);
    expect(calls.log[1]).toMatch(/keep running.*down\.sh/);
  });

  it('falls back to the mock cloud when the local services cannot be started', async () => {
    const { p, calls } = probe({
      readLocalEnv: () => LOCAL,
      up: [false],
      startLocal: () => {
        throw new Error('up.sh: exit 1');
      },
    });
    const t = await chooseTarget(p);
    try {
      expect(t.kind).toBe('mock');
      expect(calls.log).toEqual([
        expect.stringMatching(/starting them/),
        'Could not start them (up.sh: exit 1).',
        'Falling back to the in-process mock cloud.',
      ]);
    } finally {
      t.close();
    }
  });

  it('uses the in-process mock cloud when nothing else is there, and says so', async () => {
    const { p, calls } = probe();
    const t = await chooseTarget(p);
    try {
      expect(t.kind).toBe('mock');
      expect(t.description).toMatch(/in-process mock cloud/);
      expect(calls.keystone).toEqual([]);
      const auth = await t.session.authenticate();
      expect(auth.project?.name).toBe('demo');
    } finally {
      t.close();
    }
  });
});

describe('chooseTarget with DEMO_TARGET', () => {
  it('mock: uses the mock cloud even when the user’s cloud and the local one are there', async () => {
    const { p, calls } = probe({
      env: { DEMO_TARGET: 'mock', OS_AUTH_URL: 'https://keystone.example.com/v3' },
      readLocalEnv: () => LOCAL,
      up: [true],
    });
    const t = await chooseTarget(p);
    try {
      expect(t.kind).toBe('mock');
      expect(t.description).toMatch(/because DEMO_TARGET=mock$/);
      expect(calls.keystone).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('local: skips the user’s cloud, and fails rather than fall back when Keystone is down', async () => {
    const env = { DEMO_TARGET: 'local', OS_AUTH_URL: 'https://keystone.example.com/v3' };
    expect((await chooseTarget(probe({ env, readLocalEnv: () => LOCAL, up: [true] }).p)).kind).toBe('local');
    await expect(
      chooseTarget(probe({ env, readLocalEnv: () => LOCAL, up: [false, false] }).p),
    ).rejects.toThrow(/Keystone does not answer at http:\/\/127.0.0.1:5000\/v3/);
    await expect(chooseTarget(probe({ env }).p)).rejects.toThrow(/DEMO_TARGET=local needs/);
  });

  it('rejects an unknown value and own without credentials', async () => {
    await expect(chooseTarget(probe({ env: { DEMO_TARGET: 'aws' } }).p)).rejects.toThrow(
      /own, local or mock/,
    );
    await expect(chooseTarget(probe({ env: { DEMO_TARGET: 'own' } }).p)).rejects.toThrow(/needs OS_CLOUD/);
  });
});

describe('localEnvVars', () => {
  it('takes OS_* names, at the top level or under env', () => {
    expect(localEnvVars({ ...LOCAL, other: 1 })).toEqual(LOCAL);
    expect(localEnvVars({ env: LOCAL, services: {} })).toEqual(LOCAL);
  });

  it('maps camelCase auth fields to OS_* names', () => {
    expect(
      localEnvVars({ authUrl: 'http://k/v3', username: 'u', password: 'p', projectName: 'x', region: 'R' }),
    ).toEqual({
      OS_AUTH_URL: 'http://k/v3',
      OS_USERNAME: 'u',
      OS_PASSWORD: 'p',
      OS_PROJECT_NAME: 'x',
      OS_REGION_NAME: 'R',
    });
  });
});
