/** Route table of the fake compute service's per-account resources: key pairs, limits, zones. */
import { randomUUID } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeNovaContext } from './compute-fake.js';
import { type Json, novaFault } from './compute-fixtures.js';

/** Handlers of `/os-keypairs`, `/limits` and `/os-availability-zone`. */
export function accountHandlers(ctx: FakeNovaContext): RequestHandler[] {
  const { base, servers, keypairs, wrap, notFound } = ctx;
  return [
    http.get(
      `${base}/os-keypairs`,
      wrap(() =>
        HttpResponse.json({
          keypairs: [...keypairs.values()].map(({ name, public_key, fingerprint, type }) => ({
            keypair: { name, public_key, fingerprint, type },
          })),
        }),
      ),
    ),
    http.post(
      `${base}/os-keypairs`,
      wrap(async (req) => {
        const { keypair: k } = (await req.json()) as { keypair: Json };
        if (keypairs.has(k.name))
          return novaFault(409, 'conflictingRequest', `Key pair '${k.name}' already exists.`);
        const kp: Json = {
          name: k.name,
          type: k.type ?? 'ssh',
          public_key:
            k.public_key ?? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomUUID().replace(/-/g, '')} fake`,
          fingerprint: 'SHA256:fakefingerprint',
          user_id: 'u-1',
          created_at: new Date().toISOString(),
        };
        keypairs.set(k.name, kp);
        const priv = k.public_key
          ? {}
          : { private_key: '-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n' };
        return HttpResponse.json({ keypair: { ...kp, ...priv } });
      }),
    ),
    http.get(
      `${base}/os-keypairs/:name`,
      wrap((_r, p) => {
        const kp = keypairs.get(p.name!);
        return kp ? HttpResponse.json({ keypair: kp }) : notFound(`Keypair ${p.name}`);
      }),
    ),
    http.delete(
      `${base}/os-keypairs/:name`,
      wrap((_r, p) =>
        keypairs.delete(p.name!) ? new HttpResponse(null, { status: 202 }) : notFound(`Keypair ${p.name}`),
      ),
    ),
    http.get(
      `${base}/limits`,
      wrap(() => {
        const active = [...servers.values()].filter((s) => s.deletingPolls === undefined);
        return HttpResponse.json({
          limits: {
            rate: [],
            absolute: {
              maxTotalCores: 20,
              maxTotalInstances: 10,
              maxTotalRAMSize: 51200,
              maxServerMeta: 128,
              maxTotalKeypairs: 100,
              totalInstancesUsed: active.length,
              totalCoresUsed: active.length,
              totalRAMUsed: active.length * 512,
            },
          },
        });
      }),
    ),
    http.get(
      `${base}/os-availability-zone`,
      wrap(() =>
        HttpResponse.json({
          availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }],
        }),
      ),
    ),
  ];
}
