import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The published packages, by folder under `packages/`: every package not marked `private`. */
export function publishedPackages(repoRoot: string): string[] {
  return readdirSync(join(repoRoot, 'packages'))
    .filter((p) => {
      const file = join(repoRoot, 'packages', p, 'package.json');
      return existsSync(file) && !(JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private;
    })
    .sort();
}

/** A throw-away project that installed the packed tarballs, as a user's project would. */
export interface PackedProject {
  dir: string;
  /** Tarball file names by package name. */
  tarballs: Record<string, string>;
  cleanup(): void;
}

const tarballName = (name: string, version: string) =>
  `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

/** Package folders whose `dist` is missing (they need `pnpm --filter './packages/*' build`). */
export function missingBuilds(repoRoot: string): string[] {
  return publishedPackages(repoRoot).filter(
    (p) => !existsSync(join(repoRoot, 'packages', p, 'dist', 'index.js')),
  );
}

/**
 * Packs every published package with `pnpm pack` (which applies `publishConfig` and rewrites
 * `workspace:` ranges), installs the tarballs into a new project in the temp folder (the
 * `@cloud/*` dependencies between them are pinned to the tarballs with `pnpm.overrides`; got
 * comes from the pnpm store or the registry), and copies the handlers there.
 */
export function preparePackedProject(repoRoot: string, handlersDir: string): PackedProject {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-bundle-check-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tarballs: Record<string, string> = {};
    for (const p of publishedPackages(repoRoot)) {
      const pkgDir = join(repoRoot, 'packages', p);
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: pkgDir, stdio: 'pipe' });
      const file = tarballName(pkg.name, pkg.version);
      if (!existsSync(join(dir, file))) throw new Error(`pnpm pack did not produce ${file}`);
      tarballs[pkg.name] = file;
    }
    const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:./${file}`]));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name: 'packed-consumer',
          private: true,
          type: 'module',
          dependencies: deps,
          pnpm: { overrides: deps },
        },
        null,
        2,
      ),
    );
    execFileSync(
      'pnpm',
      ['install', '--prefer-offline', '--ignore-scripts', '--ignore-workspace', '--reporter=silent'],
      { cwd: dir, stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } },
    );
    cpSync(handlersDir, join(dir, 'handlers'), { recursive: true });
    return { dir, tarballs, cleanup };
  } catch (e) {
    cleanup();
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`Could not set up the packed project: ${err.stderr?.toString().trim() || err.message}`);
  }
}
