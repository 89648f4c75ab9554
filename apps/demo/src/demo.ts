// The guided tour: `pnpm demo` from the repository root.
// It runs against your cloud (OS_CLOUD / OS_AUTH_URL), else the local Keystone + Swift of
// tooling/openstack, else an in-process mock cloud, and says which.
// DEMO_TARGET=own|local|mock forces one; DEMO_SIZE_MB sets the size of the file (default 20).
import { isCloudError } from '@cloud/sdk';
import { chooseTarget } from './target.js';
import { runTour } from './tour.js';

const KIND = { own: 'YOUR CLOUD', local: 'LOCAL OPENSTACK', mock: 'MOCK CLOUD' } as const;

async function main(): Promise<number> {
  const sizeMb = Number(process.env.DEMO_SIZE_MB ?? 20);
  if (!Number.isFinite(sizeMb) || sizeMb <= 0) {
    console.error(`DEMO_SIZE_MB must be a positive number, got ${process.env.DEMO_SIZE_MB}`);
    return 2;
  }
  console.log('@cloud SDK tour: authenticate, pick a region, upload and download with progress, clean up.');
  const target = await chooseTarget();
  console.log(`\nTarget: ${KIND[target.kind]}: ${target.description}.`);
  const started = Date.now();
  try {
    const result = await runTour(target, { sizeBytes: Math.round(sizeMb * 1024 * 1024) });
    const took = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nDone in ${took} s against the ${KIND[target.kind].toLowerCase()} (region ${result.region}).`,
    );
    return 0;
  } catch (e) {
    const kind = isCloudError(e) ? `${e.name} (${e.code})` : e instanceof Error ? e.name : 'Error';
    console.error(`\nThe tour failed: ${kind}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    target.close();
  }
}

main().then((code) => {
  process.exitCode = code;
});
