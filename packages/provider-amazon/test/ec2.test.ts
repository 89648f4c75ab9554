import { NotFoundError } from '@cloud/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { amazonCompute, normalizeEc2State } from '../src/compute/index.js';

const ENDPOINT = 'https://ec2.mock.test';
const server = setupServer();
const actions: string[] = [];
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  actions.length = 0;
});
afterAll(() => server.close());

const compute = () =>
  amazonCompute({
    region: 'us-east-1',
    endpoint: ENDPOINT,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });

const xml = (body: string, status = 200) =>
  new HttpResponse(`<?xml version="1.0" encoding="UTF-8"?>${body}`, {
    status,
    headers: { 'content-type': 'text/xml' },
  });

/** An EC2 Query API fake: answers by the `Action` form field. */
const ec2 = (answer: (action: string, form: URLSearchParams) => Response) =>
  http.post(`${ENDPOINT}/`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const action = form.get('Action') ?? '';
    actions.push(action);
    return answer(action, form);
  });

const instance = (state: string) => `<DescribeInstancesResponse><reservationSet><item><instancesSet><item>
  <instanceId>i-0abc</instanceId><imageId>ami-1</imageId><instanceState><code>16</code><name>${state}</name></instanceState>
  <instanceType>t3.micro</instanceType><privateIpAddress>10.0.0.5</privateIpAddress><ipAddress>203.0.113.9</ipAddress>
  <launchTime>2026-01-02T03:04:05.000Z</launchTime>
  <tagSet><item><key>Name</key><value>web-1</value></item><item><key>role</key><value>web</value></item></tagSet>
</item></instancesSet></item></reservationSet></DescribeInstancesResponse>`;

describe('normalizeEc2State', () => {
  it('maps the EC2 states as pkgcloud did', () => {
    const cases = [
      ['pending', 'PROVISIONING'],
      ['running', 'RUNNING'],
      ['stopping', 'STOPPED'],
      ['stopped', 'STOPPED'],
      ['shutting-down', 'DELETED'],
      ['terminated', 'DELETED'],
      ['RUNNING', 'RUNNING'],
      ['something-new', 'UNKNOWN'],
      [undefined, 'UNKNOWN'],
    ] as const;
    expect(cases.map(([s]) => [s, normalizeEc2State(s)])).toEqual(cases);
  });
});

describe('amazonCompute', () => {
  it('reads an instance into the neutral model', async () => {
    server.use(ec2(() => xml(instance('pending'))));
    expect(await compute().getServer('i-0abc')).toEqual({
      provider: 'amazon',
      id: 'i-0abc',
      name: 'web-1',
      status: 'PROVISIONING',
      providerStatus: 'pending',
      flavorId: 't3.micro',
      imageId: 'ami-1',
      addresses: { public: ['203.0.113.9'], private: ['10.0.0.5'] },
      metadata: { role: 'web' },
      created: new Date('2026-01-02T03:04:05.000Z'),
    });
  });

  it('sends name and metadata as tags, user data in base64', async () => {
    let form = new URLSearchParams();
    server.use(
      ec2((_a, f) => {
        form = f;
        return xml(
          instance('pending')
            .replace('DescribeInstancesResponse', 'RunInstancesResponse')
            .replace('</DescribeInstancesResponse>', '</RunInstancesResponse>'),
        );
      }),
    );
    await compute()
      .createServer({
        name: 'web-1',
        flavor: 't3.micro',
        image: { id: 'ami-1' },
        metadata: { role: 'web' },
        userData: 'hi',
      })
      .catch(() => undefined);
    expect(form.get('Action')).toBe('RunInstances');
    expect([form.get('ImageId'), form.get('InstanceType'), form.get('UserData')]).toEqual([
      'ami-1',
      't3.micro',
      Buffer.from('hi').toString('base64'),
    ]);
    const tags = [...form.entries()]
      .filter(([k]) => k.startsWith('TagSpecification.1.Tag.'))
      .map(([, v]) => v);
    expect(tags).toEqual(['role', 'web', 'Name', 'web-1']);
  });

  it('maps InvalidInstanceID.NotFound to NotFoundError with the AWS error as cause', async () => {
    server.use(
      ec2(() =>
        xml(
          '<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID does not exist</Message></Error></Errors><RequestID>r1</RequestID></Response>',
          400,
        ),
      ),
    );
    const error = await compute()
      .getServer('i-0missing')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).cause).toMatchObject({ name: 'InvalidInstanceID.NotFound' });
  });

  it('waitForServer fails at once when the instance is terminated', async () => {
    server.use(ec2(() => xml(instance('terminated'))));
    await expect(compute().waitForServer('i-0abc', { minDelayMs: 1, maxDelayMs: 1 })).rejects.toThrow(
      /terminated/,
    );
    expect(actions).toEqual(['DescribeInstances']);
  });

  it('refuses adminPass and several networks before any request', async () => {
    await expect(
      compute().createServer({ name: 'x', flavor: 't3.micro', image: 'ami-1', adminPass: 'pw' }),
    ).rejects.toMatchObject({ field: 'adminPass' });
    await expect(
      compute().createServer({ name: 'x', flavor: 't3.micro', image: 'ami-1', networks: ['a', 'b'] }),
    ).rejects.toMatchObject({ field: 'networks' });
    await expect(compute().getServer('')).rejects.toMatchObject({ field: 'id' });
    expect(actions).toEqual([]);
  });
});
