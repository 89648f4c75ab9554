import assert from 'node:assert/strict';
import { NotFoundError, ValidationError, type WaiterOptions } from '@cloud/core';
import type { ProviderComputeClient } from '../compute.js';
import { type ConformanceCheck, eventually } from './check.js';

/** What the compute checks need to know about the adapter under test. */
export interface ComputeConformanceTarget {
  /** A new client of the adapter under test. */
  compute(): ProviderComputeClient;
  /** A flavor (instance type) servers can be created with. */
  flavor: string;
  /** An image servers can boot from. */
  image: string;
  /** Ids that exist nowhere, in the cloud's own id format. */
  missing: { server: string; flavor: string; image: string };
  /** Polling of the waits (short delays on fakes). */
  wait?: WaiterOptions | undefined;
  /** A server name not used before. */
  serverName(): string;
}

const destroyed = async (compute: ProviderComputeClient, id: string): Promise<boolean> => {
  try {
    return (await compute.getServer(id)).status === 'DELETED';
  } catch (e) {
    if (e instanceof NotFoundError) return true;
    throw e;
  }
};

/**
 * The behaviour every {@link ProviderComputeClient} must have, as framework-free checks: run each
 * one as a test of your framework.
 * @example
 * ```ts
 * import { computeChecks } from '@cloud/providers/conformance';
 *
 * describe('my adapter', () => {
 *   for (const check of computeChecks) it(check.name, () => check.run(target));
 * });
 * ```
 */
export const computeChecks: readonly ConformanceCheck<ComputeConformanceTarget>[] = [
  {
    name: 'creates a server, waits for RUNNING, reads, lists, reboots and destroys it',
    async run(target) {
      const compute = target.compute();
      const name = target.serverName();
      const created = await compute.createServer({
        name,
        flavor: target.flavor,
        image: { id: target.image },
        metadata: { purpose: 'conformance' },
      });
      try {
        assert.equal(created.provider, compute.provider);
        assert.equal(created.name, name);
        assert.ok(['PROVISIONING', 'RUNNING'].includes(created.status), `new server is ${created.status}`);
        assert.equal(created.flavorId, target.flavor);
        assert.equal(created.imageId, target.image);
        assert.deepEqual(created.metadata, { purpose: 'conformance' });

        const ready = await compute.waitForServer(created.id, target.wait);
        assert.equal(ready.status, 'RUNNING');
        assert.equal((await compute.getServer(created.id)).status, 'RUNNING');
        const all = await compute.getServers();
        assert.ok(
          all.some((s) => s.id === created.id && s.name === name),
          'getServers() lists the server',
        );

        await compute.rebootServer(created.id);
        assert.equal((await compute.waitForServer(created.id, target.wait)).status, 'RUNNING');
      } finally {
        await compute.destroyServer(created.id);
      }
      const gone = await eventually(
        () => destroyed(compute, created.id),
        (g) => g,
        { tries: 20, delayMs: target.wait?.minDelayMs ?? 250 },
      );
      assert.ok(gone, 'a destroyed server is DELETED or not found');
    },
  },
  {
    name: 'lists flavors and images and gets one of each',
    async run(target) {
      const compute = target.compute();
      const flavors = await compute.getFlavors();
      assert.ok(
        flavors.some((f) => f.id === target.flavor),
        `getFlavors() lists ${target.flavor}`,
      );
      const flavor = await compute.getFlavor(target.flavor);
      assert.equal(flavor.provider, compute.provider);
      assert.equal(flavor.id, target.flavor);
      assert.ok(flavor.ram > 0 && flavor.vcpus > 0, 'a flavor has memory and CPUs');
      assert.ok(flavor.disk >= 0);

      const images = await compute.getImages();
      assert.ok(
        images.some((i) => i.id === target.image),
        `getImages() lists ${target.image}`,
      );
      const image = await compute.getImage(target.image);
      assert.deepEqual([image.provider, image.id], [compute.provider, target.image]);
      assert.equal(typeof image.name, 'string');
    },
  },
  {
    name: 'reports missing servers, flavors and images as NotFoundError',
    async run(target) {
      const compute = target.compute();
      await assert.rejects(compute.getServer(target.missing.server), NotFoundError);
      await assert.rejects(compute.getFlavor(target.missing.flavor), NotFoundError);
      await assert.rejects(compute.getImage(target.missing.image), NotFoundError);
    },
  },
  {
    name: 'refuses a server without flavor or image with a ValidationError naming the field',
    async run(target) {
      const compute = target.compute();
      const field = (name: string) => (e: unknown) =>
        e instanceof ValidationError && (e as ValidationError & { field?: string }).field === name;
      await assert.rejects(
        compute.createServer({ name: 'x', flavor: '', image: target.image }),
        field('flavor'),
      );
      await assert.rejects(
        compute.createServer({ name: 'x', flavor: target.flavor, image: undefined as unknown as string }),
        field('image'),
      );
      await assert.rejects(
        compute.waitForServer(target.missing.server, { status: 'REBOOTING' }),
        ValidationError,
      );
    },
  },
];
