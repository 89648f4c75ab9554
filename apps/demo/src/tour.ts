import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createContainer,
  createSwiftClient,
  deleteContainer,
  deleteObject,
  downloadObject,
  listContainers,
  type SwiftClient,
  uploadObjectFromFile,
} from '@cloud/sdk';
import { createProgress, formatBytes, type ProgressSink } from './progress.js';
import type { Target } from './target.js';

/** Options of {@link runTour}. */
export interface TourOptions {
  /** Size of the generated file. Default 20 MiB. */
  sizeBytes?: number | undefined;
  /** Where progress lines go (stdout by default). */
  sink?: ProgressSink | undefined;
  /** Where step lines go. */
  log?: ((line: string) => void) | undefined;
  /** Container name to use (default: `cloud-demo-<time>-<random>`). */
  container?: string | undefined;
}

/** What the tour did, for callers and tests. */
export interface TourResult {
  region: string;
  regions: string[];
  container: string;
  object: string;
  bytes: number;
  md5: string;
  /** True when the downloaded bytes had the uploaded MD5. */
  verified: boolean;
  /** Containers listed in step 6. */
  containers: string[];
}

const STEPS = 7;

/** Writes `size` random bytes to `path` and returns their MD5. Memory stays flat. */
async function generateFile(path: string, size: number): Promise<string> {
  const md5 = createHash('md5');
  const chunk = 1024 * 1024;
  async function* chunks() {
    for (let left = size; left > 0; left -= chunk) {
      const part = randomBytes(Math.min(chunk, left));
      md5.update(part);
      yield part;
    }
  }
  await pipeline(chunks(), createWriteStream(path));
  return md5.digest('hex');
}

/** Reads a stream to its end, hashing it. */
async function md5Of(body: NodeJS.ReadableStream): Promise<{ md5: string; bytes: number }> {
  const md5 = createHash('md5');
  let bytes = 0;
  await pipeline(
    body,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        md5.update(chunk);
        bytes += chunk.length;
        done();
      },
    }),
  );
  return { md5: md5.digest('hex'), bytes };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Picks the region: the configured one when the catalog has it, else the first offering Swift. */
export function pickRegion(regions: string[], preferred: string | undefined): string | undefined {
  if (preferred && regions.includes(preferred)) return preferred;
  return regions[0];
}

/**
 * The tour: authenticate, list regions and pick one, create a container, upload a generated file
 * with progress, download it back with progress and check its MD5, list containers, clean up.
 * Cleanup runs even when a step fails.
 */
export async function runTour(target: Target, options: TourOptions = {}): Promise<TourResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const sink: ProgressSink = options.sink ?? {
    isTTY: process.stdout.isTTY,
    write: (t) => process.stdout.write(t),
  };
  const size = Math.round(options.sizeBytes ?? 20 * 1024 * 1024);
  let step = 0;
  const title = (text: string) => log(`\n[${++step}/${STEPS}] ${text}`);
  const session = target.session;

  title('Authenticate');
  const auth = await session.authenticate();
  const who = auth.user?.name ?? auth.user?.id ?? 'unknown user';
  const project = auth.project?.name ?? auth.project?.id;
  log(
    `  signed in as ${who}${project ? ` in project ${project}` : ''} (Identity ${auth.identityVersion ?? '?'})`,
  );
  if (auth.expiresAt)
    log(`  token valid until ${auth.expiresAt.toISOString()} (the token itself is never printed)`);

  title('Regions');
  const regions = await session.listRegions('object-store');
  const region = pickRegion(regions, target.preferredRegion ?? (await session.region()));
  if (!region) throw new Error('The service catalog offers no object storage (object-store) in any region');
  log(`  object storage is offered in: ${regions.join(', ')}`);
  log(`  using ${region}${target.preferredRegion === region ? ' (configured)' : ''}`);
  const swift: SwiftClient = createSwiftClient(session, { region });

  const container =
    options.container ?? `cloud-demo-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const object = `tour/random-${size}-bytes.bin`;
  const dir = await mkdtemp(join(tmpdir(), 'cloud-demo-'));
  let created = false;
  try {
    title(`Create container "${container}"`);
    await createContainer(swift, container);
    created = true;
    log(`  created in ${region}`);

    title(`Upload a ${formatBytes(size)} file`);
    const file = join(dir, 'random.bin');
    const md5 = await generateFile(file, size);
    log(`  generated ${file} (md5 ${md5})`);
    const up = createProgress('upload', sink);
    let started = Date.now();
    const uploaded = await uploadObjectFromFile(swift, container, object, file, {
      contentType: 'application/octet-stream',
      onProgress: (p) => up.update(p.transferred, p.total),
    });
    up.update(uploaded.bytes, size);
    up.done();
    log(`  stored "${object}" in ${seconds(Date.now() - started)}, server ETag ${uploaded.etag ?? '(none)'}`);

    title('Download it back and check its MD5');
    const down = createProgress('download', sink);
    started = Date.now();
    const { body, contentLength } = await downloadObject(swift, container, object, {
      onProgress: (p) => down.update(p.transferred, p.total ?? contentLength),
    });
    const got = await md5Of(body);
    down.update(got.bytes, contentLength ?? got.bytes);
    down.done();
    const verified = got.md5 === md5 && got.bytes === size;
    log(`  ${formatBytes(got.bytes)} in ${seconds(Date.now() - started)}, md5 ${got.md5}`);
    log(
      verified ? '  MD5 matches the uploaded file: OK' : `  MISMATCH: expected md5 ${md5} and ${size} bytes`,
    );
    if (!verified) throw new Error('The downloaded file differs from the uploaded one');

    title('List containers');
    const containers: string[] = [];
    let stale = false;
    for await (const c of listContainers(swift)) {
      containers.push(c.name);
      if (c.name === container && c.objectCount === 0) stale = true;
      const mark = c.name === container ? '  <- ours' : '';
      log(
        `  ${c.name.padEnd(40)} ${String(c.objectCount).padStart(6)} objects ${formatBytes(c.bytes).padStart(9)}${mark}`,
      );
    }

    if (stale)
      log('  (Swift updates the totals of account listings asynchronously: ours may show 0 for a moment)');

    title('Clean up');
    await deleteObject(swift, container, object);
    await deleteContainer(swift, container);
    created = false;
    log(`  deleted "${object}" and container "${container}"`);
    return { region, regions, container, object, bytes: got.bytes, md5: got.md5, verified, containers };
  } finally {
    if (created) {
      log(`  cleaning up container "${container}" after the failure...`);
      await deleteContainer(swift, container, { force: true }).catch((e: unknown) =>
        log(`  could not delete it: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    await rm(dir, { recursive: true, force: true });
  }
}
