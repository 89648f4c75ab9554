/**
 * The storage seed, identical for every provider: creates a container, uploads and downloads a
 * large file with progress, lists it, signs a temporary URL that plain `curl` fetches, and cleans
 * up. Only the factory of the `ProviderStorageClient` differs between clouds.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { TransferProgress } from '@cloud/core';
import type { ProviderStorageClient } from '@cloud/providers';

const MiB = 1024 * 1024;

/** Options of {@link seedStorage}. */
export interface SeedStorageOptions {
  /** Size of the file to upload and download, in MiB (default 100). */
  sizeMiB?: number;
  /** Keep the container and its files afterwards. */
  keep?: boolean;
}

/** Writes `sizeMiB` MiB of random bytes to `path`, one MiB at a time; resolves with their MD5. */
async function writeRandomFile(path: string, sizeMiB: number): Promise<string> {
  const hash = createHash('md5');
  const out = createWriteStream(path);
  for (let i = 0; i < sizeMiB; i++) {
    const chunk = randomBytes(MiB);
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return hash.digest('hex');
}

async function md5File(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Prints progress at every tenth of the total. */
function progress(label: string) {
  let shown = -1;
  return (p: TransferProgress) => {
    const tenth = p.total ? Math.floor((p.transferred / p.total) * 10) : -1;
    if (tenth > shown) {
      shown = tenth;
      console.log(
        `    ${label} ${(p.transferred / MiB).toFixed(1)} MiB${p.total ? ` (${tenth * 10}%)` : ''}`,
      );
    }
  };
}

/** Fetches `url` with plain `curl` (no credentials) into `path`. */
async function curl(url: string, path: string): Promise<void> {
  await promisify(execFile)('curl', ['--fail', '--silent', '--show-error', '--output', path, url]);
}

/** The seed, the same code on every provider. Throws when any step does not give back the bytes. */
export async function seedStorage(storage: ProviderStorageClient, options: SeedStorageOptions = {}) {
  const sizeMiB = options.sizeMiB ?? 100;
  const container = `seed-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const remote = `seed/${sizeMiB}mib.bin`;
  const dir = await mkdtemp(join(tmpdir(), 'cloud-seed-'));
  console.log(`  ${storage.provider}: creating container ${container}`);
  await storage.createContainer(container);
  try {
    const source = join(dir, 'upload.bin');
    const sent = await writeRandomFile(source, sizeMiB);
    console.log(
      `  uploading ${sizeMiB} MiB to ${container}/${remote} (${storage.capabilities.largeUploads})`,
    );
    const up = await storage.upload({ container, remote, file: source, onProgress: progress('sent') });
    console.log(`  uploaded ${up.size} bytes`);

    const target = join(dir, 'download.bin');
    await storage.download({ container, remote, file: target, onProgress: progress('received') });
    if ((await md5File(target)) !== sent)
      throw new Error('the downloaded file differs from the uploaded one');
    console.log('  downloaded the same bytes');

    // Swift updates listings asynchronously (capabilities.consistentListings is false): retry a moment.
    let files = await storage.getFiles(container);
    for (
      let i = 0;
      i < 20 && !storage.capabilities.consistentListings && !files.some((f) => f.name === remote);
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      files = await storage.getFiles(container);
    }
    for (const f of files) console.log(`  listed ${f.name} (${f.size} bytes)`);
    if (!files.some((f) => f.name === remote)) throw new Error(`${remote} is not listed`);

    const url = await storage.temporaryUrl(container, remote, { expiresIn: 600 });
    const fetched = join(dir, 'curl.bin');
    await curl(url, fetched);
    if ((await md5File(fetched)) !== sent) throw new Error('curl of the temporary URL returned other bytes');
    console.log(`  curl fetched the same bytes through a temporary URL: ${new URL(url).origin}/…`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (options.keep) console.log(`  keeping ${container}`);
    else {
      await storage.destroyContainer(container);
      console.log(`  deleted ${container} and its files`);
    }
  }
}
