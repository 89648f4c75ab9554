import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { InvalidResponseError, MicroversionNotSupportedError, ValidationError } from '../src/index.js';
import {
  checkMicroversionGates,
  compareMicroversions,
  createMicroversions,
  createServiceClient,
  getApiVersion,
  isMicroversion,
  type MicroversionGate,
  type MicroversionSpec,
  microversionHeaders,
  negotiateMicroversion,
  parseMicroversion,
  selectMicroversion,
  versionRootUrl,
} from '../src/service.js';

const cloud = setupMockCloud();
const VOLUME: MicroversionSpec = { service: 'volume', base: '3.0' };
const COMPUTE: MicroversionSpec = {
  service: 'compute',
  base: '2.1',
  legacyHeader: 'X-OpenStack-Nova-API-Version',
};
const CINDER = 'https://cinder.mock.test:8776/v3/p-1';
const ROOT = 'https://cinder.mock.test:8776/';
const cinder = () => createServiceClient(cloud.session(), { type: 'block-storage', endpoint: CINDER });
const sentTo = (prefix: string) => cloud.requests.filter((r) => r.url.href.startsWith(prefix));

const versionDoc = (min = '3.0', max = '3.70') => ({
  versions: [
    {
      id: 'v2.0',
      status: 'DEPRECATED',
      version: '',
      min_version: '',
      updated: '2017-02-25T12:00:00Z',
      links: [],
    },
    {
      id: 'v3.0',
      status: 'CURRENT',
      version: max,
      min_version: min,
      updated: '2023-08-31T00:00:00Z',
      links: [{ rel: 'self', href: 'https://cinder.mock.test:8776/v3/' }],
      'media-types': [{ base: 'application/json' }],
    },
  ],
});
const serveVersions = (body: ReturnType<typeof versionDoc>, status = 300) =>
  http.get(ROOT, () => HttpResponse.json(body, { status }));

describe('parse and compare', () => {
  it('orders minors numerically and puts latest above every number', () => {
    expect(parseMicroversion('3.59')).toEqual({ major: 3, minor: 59 });
    expect(compareMicroversions('3.9', '3.10')).toBeLessThan(0);
    expect(compareMicroversions('3.10', '3.10')).toBe(0);
    expect(compareMicroversions('4.0', '3.99')).toBeGreaterThan(0);
    expect(['3.10', 'latest', '3.2', '2.99'].sort(compareMicroversions)).toEqual([
      '2.99',
      '3.2',
      '3.10',
      'latest',
    ]);
    expect(isMicroversion('latest')).toBe(true);
    expect(isMicroversion('3')).toBe(false);
  });

  it.each([['3'], ['3.x'], ['v3.1'], [' 3.1'], [''], [3.1]])(
    'rejects %p with a ValidationError naming the field',
    (bad) => {
      expect(() => parseMicroversion(bad, 'options.microversion')).toThrow(
        expect.objectContaining({ name: 'ValidationError', field: 'options.microversion' }) as never,
      );
    },
  );
});

describe('microversionHeaders', () => {
  it('sends OpenStack-API-Version with the service name, and the legacy header where the service has one', () => {
    expect(microversionHeaders(VOLUME, '3.59')).toEqual({ 'openstack-api-version': 'volume 3.59' });
    expect(microversionHeaders(COMPUTE, '2.79')).toEqual({
      'openstack-api-version': 'compute 2.79',
      'x-openstack-nova-api-version': '2.79',
    });
    expect(microversionHeaders(VOLUME, undefined)).toEqual({});
  });
});

describe('checkMicroversionGates', () => {
  const gates: MicroversionGate[] = [
    { field: 'withCount', since: '3.45' },
    { field: 'personality', until: '2.57', advice: 'pass files through userData instead' },
  ];

  it('passes when the gated fields are absent, whatever the version', () => {
    expect(() => checkMicroversionGates(VOLUME, undefined, gates, { name: 'x' })).not.toThrow();
  });

  it('rejects a since-field below its version, naming the field and the version in use', () => {
    const err = (() => {
      try {
        checkMicroversionGates(VOLUME, '3.44', gates, { withCount: true });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('withCount');
    expect(err.message).toBe('withCount requires volume microversion 3.45 or later; the client uses 3.44');
    expect(() => checkMicroversionGates(VOLUME, undefined, gates, { withCount: false })).toThrow(
      'the client uses 3.0 (none set)',
    );
    expect(() => checkMicroversionGates(VOLUME, '3.45', gates, { withCount: true })).not.toThrow();
    expect(() => checkMicroversionGates(VOLUME, 'latest', gates, { withCount: true })).not.toThrow();
  });

  it('rejects an until-field at and after its version, with the advice; latest breaks every until', () => {
    expect(() => checkMicroversionGates(COMPUTE, '2.56', gates, { personality: [] })).not.toThrow();
    expect(() => checkMicroversionGates(COMPUTE, '2.57', gates, { personality: [] })).toThrow(
      'personality is not available at compute microversion 2.57 or later (the client uses 2.57); pass files through userData instead',
    );
    expect(() => checkMicroversionGates(COMPUTE, 'latest', gates, { personality: [] })).toThrow(
      ValidationError,
    );
  });

  it('applies operation gates on every call', () => {
    const op: MicroversionGate[] = [{ field: 'listAttachments', since: '3.27', operation: true }];
    expect(() => checkMicroversionGates(VOLUME, '3.26', op)).toThrow(
      'listAttachments requires volume microversion 3.27',
    );
    expect(() => checkMicroversionGates(VOLUME, '3.27', op)).not.toThrow();
  });
});

describe('version document', () => {
  it('finds the unversioned root under a path prefix', () => {
    expect(versionRootUrl('https://h.example/volume/v3/p-1?x=1')).toBe('https://h.example/volume/');
    expect(versionRootUrl('https://nova.example/v2.1')).toBe('https://nova.example/');
    expect(versionRootUrl('https://h.example/cinder')).toBe('https://h.example/cinder/');
  });

  it('reads the version the endpoint talks to (v3 → v3.0) from a 300 answer', async () => {
    cloud.use(serveVersions(versionDoc()));
    const v = await getApiVersion(cinder());
    expect(v).toMatchObject({ id: 'v3.0', status: 'CURRENT', minVersion: '3.0', maxVersion: '3.70' });
    expect(v.updated?.toISOString()).toBe('2023-08-31T00:00:00.000Z');
    expect(v.raw['media-types']).toEqual([{ base: 'application/json' }]);
    expect(sentTo(ROOT).map((r) => r.url.href)).toEqual([ROOT]);
  });

  it.each([
    [
      'HTML',
      () => new HttpResponse('<html>proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    ['null', () => HttpResponse.json(null)],
    ['{}', () => HttpResponse.json({})],
    ['wrong types', () => HttpResponse.json({ versions: [{ id: 3, status: 'CURRENT' }] })],
  ])('turns %s into InvalidResponseError', async (_name, reply) => {
    cloud.use(http.get(ROOT, reply));
    await expect(getApiVersion(cinder())).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('selectMicroversion / negotiateMicroversion', () => {
  const range = { minVersion: '3.0', maxVersion: '3.70' };

  it('picks the highest common version at or below the wanted one', () => {
    expect(selectMicroversion(VOLUME, range, '3.59', ROOT)).toBe('3.59');
    expect(selectMicroversion(VOLUME, range, '3.80', ROOT)).toBe('3.70');
    expect(selectMicroversion(VOLUME, range, 'latest', ROOT)).toBe('3.70');
    expect(selectMicroversion(VOLUME, range, '3.0', ROOT)).toBe('3.0');
  });

  it('throws MicroversionNotSupportedError naming the range when the wanted version is too old', () => {
    let err: MicroversionNotSupportedError | undefined;
    try {
      selectMicroversion(VOLUME, { minVersion: '3.27', maxVersion: '3.70' }, '3.10', ROOT);
    } catch (e) {
      err = e as MicroversionNotSupportedError;
    }
    expect(err).toBeInstanceOf(MicroversionNotSupportedError);
    expect(err?.code).toBe('MICROVERSION_NOT_SUPPORTED');
    expect(err?.message).toContain('the server supports 3.27 to 3.70');
    expect(err).toMatchObject({ wanted: '3.10', minVersion: '3.27', maxVersion: '3.70', service: 'volume' });
  });

  it('throws when the server has no microversions (Rackspace, v2)', () => {
    expect(() => selectMicroversion(VOLUME, {}, 'latest', ROOT)).toThrow(
      'the server supports no microversions',
    );
  });

  it('negotiates against the document', async () => {
    cloud.use(serveVersions(versionDoc('3.0', '3.64')));
    await expect(negotiateMicroversion(cinder(), VOLUME, '3.70')).resolves.toBe('3.64');
  });
});

describe('createMicroversions', () => {
  it('rejects a bad client option when the client is made', () => {
    expect(() => createMicroversions(VOLUME, { microversion: '3' })).toThrow(ValidationError);
  });

  it('adds the client version as headers and checks gates against it', async () => {
    const mv = createMicroversions(VOLUME, { microversion: '3.50' });
    const req = await mv.prepare(
      cinder(),
      [{ field: 'withCount', since: '3.45' }],
      { withCount: true },
      {
        headers: { 'x-extra': '1' },
      },
    );
    expect(req.headers).toEqual({ 'x-extra': '1', 'openstack-api-version': 'volume 3.50' });
    expect(mv.current).toBe('3.50');
    await expect(mv.prepare(cinder(), [{ field: 'x', since: '3.60' }], { x: 1 }, {})).rejects.toThrow(
      ValidationError,
    );
  });

  it('lets one call override the version; gates follow the override', async () => {
    const mv = createMicroversions(VOLUME, {});
    const req = await mv.prepare(
      cinder(),
      [{ field: 'withCount', since: '3.45' }],
      { withCount: true },
      {
        microversion: '3.45',
        signal: undefined,
      },
    );
    expect(req.headers).toEqual({ 'openstack-api-version': 'volume 3.45' });
    expect(req).not.toHaveProperty('microversion');
    await expect(mv.prepare(cinder(), [], {}, { microversion: 'three' })).rejects.toMatchObject({
      field: 'options.microversion',
    });
  });

  it('sends nothing without a version', async () => {
    const req = await createMicroversions(VOLUME).prepare(cinder(), [], {}, { timeoutMs: 5 });
    expect(req).toEqual({ timeoutMs: 5 });
  });

  it('negotiates once and reuses the answer', async () => {
    cloud.use(serveVersions(versionDoc('3.0', '3.64')));
    const client = cinder();
    const mv = createMicroversions(VOLUME, { microversion: '3.70', negotiate: true });
    const a = await mv.prepare(client, [], {}, {});
    const b = await mv.prepare(client, [], {}, {});
    expect(a.headers).toEqual({ 'openstack-api-version': 'volume 3.64' });
    expect(b.headers).toEqual(a.headers);
    expect(mv.current).toBe('3.64');
    expect(sentTo(ROOT)).toHaveLength(1);
  });

  it('fails a since-gate above the wanted version before negotiating', async () => {
    const mv = createMicroversions(VOLUME, { microversion: '3.40', negotiate: true });
    await expect(
      mv.prepare(cinder(), [{ field: 'withCount', since: '3.45' }], { withCount: true }, {}),
    ).rejects.toThrow(ValidationError);
    expect(sentTo(ROOT)).toHaveLength(0);
  });

  it('checks gates against the negotiated version, and retries a failed negotiation', async () => {
    let n = 0;
    cloud.use(
      http.get(ROOT, () => {
        n += 1;
        return n === 1
          ? HttpResponse.json({ error: 'down' }, { status: 503 })
          : HttpResponse.json(versionDoc('3.0', '3.40'), { status: 300 });
      }),
    );
    const client = cinder();
    const mv = createMicroversions(VOLUME, { negotiate: true });
    await expect(mv.prepare(client, [], {}, {})).rejects.toThrow();
    await expect(
      mv.prepare(client, [{ field: 'withCount', since: '3.45' }], { withCount: true }, {}),
    ).rejects.toThrow('withCount requires volume microversion 3.45 or later; the client uses 3.40');
    expect(n).toBe(2);
  });
});
