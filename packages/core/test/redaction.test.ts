import { inspect } from 'node:util';
import { MOCK_AUTH_URL, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  AuthenticationError,
  CloudError,
  createSession,
  fromPassword,
  HttpError,
  type HttpLogEvent,
  isCloudError,
  loadCloudConfig,
  NotFoundError,
} from '../src/index.js';
import { createServiceClient, redactText, toHttpError } from '../src/service.js';

const cloud = setupMockCloud();
const PASSWORD = 'secret';

describe('secrets never leak', () => {
  it('util.inspect and JSON of a session and its auth result hide the token', async () => {
    const session = cloud.session();
    const auth = await session.authenticate();
    expect(auth.token).toMatch(/^tok-/);
    for (const text of [
      inspect(session, { depth: 10 }),
      inspect(auth, { depth: 10 }),
      JSON.stringify(auth),
      JSON.stringify({ ...auth }),
    ]) {
      expect(text).not.toContain(auth.token);
      expect(text).not.toContain(PASSWORD);
    }
    expect(inspect(auth)).toContain('[REDACTED]');
  });

  it('errors from a service call carry no token, in message, fields, cause or inspect output', async () => {
    const swift = mockEndpoints().objectStore;
    cloud.use(
      http.get(`${swift}/x`, ({ request }) =>
        HttpResponse.json(
          { error: { message: `token ${request.headers.get('x-auth-token')} is not allowed here` } },
          { status: 404, headers: { 'x-auth-token': request.headers.get('x-auth-token') ?? '' } },
        ),
      ),
    );
    const session = cloud.session();
    const client = createServiceClient(session, { type: 'object-store' });
    const err = (await client
      .request('GET', 'x', { searchParams: { temp_url_sig: 'sig123' } })
      .catch((e: unknown) => e)) as HttpError;
    const token = (await session.authenticate()).token;
    expect(err).toBeInstanceOf(NotFoundError);
    const dump = inspect(err, { depth: 10, showHidden: true }) + JSON.stringify(err) + String(err.stack);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('sig123');
  });

  it('authentication errors and their causes hide the password', async () => {
    const err = await createSession({
      credentials: fromPassword({
        authUrl: MOCK_AUTH_URL,
        username: 'demo',
        password: 'hunter2-very-secret',
      }),
    })
      .authenticate()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(inspect(err, { depth: 10, showHidden: true })).not.toContain('hunter2-very-secret');
  });

  it('network errors do not carry the request options (which hold the token)', async () => {
    cloud.use(http.get(`${mockEndpoints().objectStore}/down`, () => HttpResponse.error()));
    const session = cloud.session();
    const client = createServiceClient(session, { type: 'object-store' });
    const err = await client.request('GET', 'down').catch((e: unknown) => e);
    const token = (await session.authenticate()).token;
    expect(inspect(err, { depth: 10, showHidden: true })).not.toContain(token);
  });

  it('loaded configuration hides secrets when inspected', async () => {
    const config = await loadCloudConfig({
      env: {
        OS_AUTH_URL: MOCK_AUTH_URL,
        OS_USERNAME: 'demo',
        OS_PASSWORD: 'pw-in-env-42',
        OS_APPLICATION_CREDENTIAL_SECRET: 'ac-secret-7',
      },
    });
    const text = inspect(config, { depth: 10 });
    expect(text).not.toContain('pw-in-env-42');
    expect(text).not.toContain('ac-secret-7');
    expect(config.auth.password).toBe('pw-in-env-42');
  });

  it('redactText removes JSON secrets, signatures and auth headers', () => {
    expect(redactText('{"password": "p4ss", "user": "u"}')).toBe('{"password": "[REDACTED]", "user": "u"}');
    expect(redactText('{"RAX-KSKEY:apiKeyCredentials":{"apiKey":"k3y"}}')).not.toContain('k3y');
    expect(redactText('http://h/o?temp_url_sig=abc&temp_url_expires=1')).toBe(
      'http://h/o?temp_url_sig=[REDACTED]&temp_url_expires=1',
    );
    expect(redactText('X-Auth-Token: gAAAA123')).toBe('X-Auth-Token: [REDACTED]');
  });

  it('redactText removes a secret cut short by a truncated body, and private keys', () => {
    expect(redactText('{"user": {"name": "root", "password": "hunter2-and-mo')).toBe(
      '{"user": {"name": "root", "password": "[REDACTED]',
    );
    expect(redactText('{"password": "ends-in-a-backslash\\')).not.toContain('ends-in');
    expect(redactText('{"password": "a\\"b", "n": 1}')).toBe('{"password": "[REDACTED]", "n": 1}');
    const key = '{"keypair": {"private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow", "name": "k"}}';
    expect(redactText(key)).not.toContain('MIIEow');
    expect(redactText(key)).toContain('"name": "k"');
  });
});

describe('error hierarchy', () => {
  it('maps statuses to classes with request ids and fault messages', () => {
    const err = toHttpError({
      status: 404,
      method: 'GET',
      url: 'http://nova/servers/1',
      headers: { 'x-openstack-request-id': 'req-1' },
      body: JSON.stringify({ itemNotFound: { code: 404, message: 'Instance 1 could not be found.' } }),
    });
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toBeInstanceOf(CloudError);
    expect(err.message).toContain('Instance 1 could not be found.');
    expect(err.requestId).toBe('req-1');
    expect(err.code).toBe('NOT_FOUND');
    expect(err.name).toBe('NotFoundError');
  });

  it('recognises errors from another copy of core by their brand', () => {
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    foreign[Symbol.for('@cloud/error')] = true;
    expect(isCloudError(foreign)).toBe(true);
    expect(foreign instanceof CloudError).toBe(true);
    expect(new Error('x') instanceof CloudError).toBe(false);
    expect(isCloudError(new Error('x'))).toBe(false);
  });
});

describe('secret values echoed by a server', () => {
  const base = mockEndpoints().objectStore;

  it('the token sent is scrubbed from every header value and the body of an error', async () => {
    cloud.use(
      http.get(`${base}/echo`, ({ request }) => {
        const token = request.headers.get('x-auth-token') ?? '';
        return new HttpResponse(`no object for token ${token}`, {
          status: 404,
          headers: { 'x-debug-echo': `seen=${token}`, link: `<https://x/?t=${token}>` },
        });
      }),
    );
    const session = cloud.session();
    const client = createServiceClient(session, { type: 'object-store' });
    const err = (await client.request('GET', 'echo').catch((e: unknown) => e)) as NotFoundError;
    const token = (await session.authenticate()).token;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.headers['x-debug-echo']).toBe('seen=[REDACTED]');
    expect(JSON.stringify(err.headers)).not.toContain(token);
    expect(err.responseBody).not.toContain(token);
    expect(inspect(err, { depth: 10, showHidden: true })).not.toContain(token);
  });

  it('values passed as secrets are scrubbed from error headers, body and the debug log', async () => {
    const key = 'temp-url-key-0123456789';
    cloud.use(
      http.post(
        `${base}/c`,
        () => new HttpResponse(`bad key ${key}`, { status: 400, headers: { 'x-echo': key } }),
      ),
    );
    const events: HttpLogEvent[] = [];
    const session = cloud.session({ logger: (e) => events.push(e) });
    const client = createServiceClient(session, { type: 'object-store' });
    const err = (await client
      .request('POST', 'c', { headers: { 'x-container-meta-note': key }, secrets: [key] })
      .catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.headers['x-echo']).toBe('[REDACTED]');
    expect(err.responseBody).not.toContain(key);
    expect(JSON.stringify(events)).not.toContain(key);
  });

  it('the debug log scrubs a token echoed in a response header', async () => {
    cloud.use(
      http.get(`${base}/c`, ({ request }) =>
        HttpResponse.json([], { headers: { 'x-debug-echo': request.headers.get('x-auth-token') ?? '' } }),
      ),
    );
    const events: HttpLogEvent[] = [];
    const session = cloud.session({ logger: (e) => events.push(e) });
    await createServiceClient(session, { type: 'object-store' }).request('GET', 'c');
    const token = (await session.authenticate()).token;
    const response = events.find((e) => e.type === 'response' && e.url.endsWith('/c'));
    expect(response?.headers?.['x-debug-echo']).toBe('[REDACTED]');
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('a password echoed by the identity service is scrubbed from the authentication error', async () => {
    const password = 'echoed-password-42';
    cloud.use(
      http.post(`${MOCK_AUTH_URL}/auth/tokens`, () =>
        HttpResponse.json({ error: { code: 400, message: `bad password ${password}` } }, { status: 400 }),
      ),
    );
    const err = await createSession({
      credentials: fromPassword({ authUrl: MOCK_AUTH_URL, username: 'demo', password }),
    })
      .authenticate()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(inspect(err, { depth: 10, showHidden: true })).not.toContain(password);
  });
});
