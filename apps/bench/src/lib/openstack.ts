import { existsSync, readFileSync } from 'node:fs';
import { createSession, fromEnv } from '@cloud/core';

/** Where the local cloud's scripts leave their environment. */
export const LOCAL_CLOUD_DIR = '/var/tmp/cloud-openstack';

/** A reachable Swift: the `OS_*` environment, a token and the storage URL. */
export interface SwiftTarget {
  env: Record<string, string>;
  token: string;
  storageUrl: string;
  region: string | undefined;
  /** Where the environment came from. */
  source: string;
}

function osVars(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k.startsWith('OS_') && (typeof v === 'string' || typeof v === 'number')) out[k] = String(v);
  }
  return out;
}

/** The `OS_*` variables of the process, else of the local cloud's env.json / env.sh. */
export function loadCloudEnv(): { env: Record<string, string>; source: string } | { reason: string } {
  const fromProcess = osVars(process.env as Record<string, unknown>);
  if (fromProcess.OS_AUTH_URL) return { env: fromProcess, source: 'OS_* environment' };
  const json = `${LOCAL_CLOUD_DIR}/env.json`;
  if (existsSync(json)) {
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    const nested = (parsed.env ?? parsed.environment ?? parsed) as Record<string, unknown>;
    const env = osVars(nested);
    if (env.OS_AUTH_URL) return { env, source: json };
  }
  const sh = `${LOCAL_CLOUD_DIR}/env.sh`;
  if (existsSync(sh)) {
    const env: Record<string, string> = {};
    for (const m of readFileSync(sh, 'utf8').matchAll(/^(?:export\s+)?(OS_\w+)=(['"]?)(.*?)\2\s*$/gm)) {
      env[m[1]!] = m[3]!;
    }
    if (env.OS_AUTH_URL) return { env, source: sh };
  }
  return { reason: `no OS_AUTH_URL in the environment and no ${json}` };
}

/** Authenticates once and resolves the object-store URL. */
export async function connectSwift(env: Record<string, string>, source: string): Promise<SwiftTarget> {
  const region = env.OS_REGION_NAME;
  const session = createSession({ credentials: fromEnv(env), region });
  const auth = await session.authenticate();
  const storageUrl = await session.endpoint({ type: 'object-store' });
  return { env, token: auth.token, storageUrl, region, source };
}

/** Small admin calls for setup and cleanup, independent of the code under test. */
export function admin(t: SwiftTarget) {
  const url = (path: string) => `${t.storageUrl.replace(/\/$/, '')}/${path}`;
  const call = async (method: string, path: string, ok: number[] = []): Promise<Response> => {
    const res = await fetch(url(path), { method, headers: { 'x-auth-token': t.token } });
    if (!res.ok && !ok.includes(res.status)) {
      await res.body?.cancel();
      throw new Error(`${method} ${path}: HTTP ${res.status}`);
    }
    return res;
  };
  const listNames = async (path: string, prefix: string): Promise<string[]> => {
    const names: string[] = [];
    let marker = '';
    for (let page = 0; page < 1000; page++) {
      const q = new URLSearchParams({ format: 'json', prefix, marker, limit: '10000' });
      const res = await call('GET', `${path}?${q}`, [404]);
      if (res.status === 404) return names;
      const rows = (await res.json()) as { name: string }[];
      if (rows.length === 0) break;
      names.push(...rows.map((r) => r.name));
      marker = rows.at(-1)!.name;
    }
    return names;
  };
  const enc = (name: string) => name.split('/').map(encodeURIComponent).join('/');
  return {
    async createContainer(name: string) {
      await (await call('PUT', encodeURIComponent(name))).body?.cancel();
    },
    async deleteObject(container: string, name: string, manifest = false) {
      const q = manifest ? '?multipart-manifest=delete' : '';
      await (await call('DELETE', `${encodeURIComponent(container)}/${enc(name)}${q}`, [404])).body?.cancel();
    },
    async objectBytes(container: string, name: string): Promise<number | undefined> {
      const res = await call('HEAD', `${encodeURIComponent(container)}/${enc(name)}`, [404]);
      return res.status === 404 ? undefined : Number(res.headers.get('content-length'));
    },
    /** Deletes every container starting with `prefix`, with all its objects (8 at a time). */
    async deleteContainers(prefix: string) {
      for (const c of await listNames('', prefix)) {
        const objects = await listNames(encodeURIComponent(c), '');
        for (let i = 0; i < objects.length; i += 8) {
          await Promise.all(
            objects.slice(i, i + 8).map(async (o) => {
              await (await call('DELETE', `${encodeURIComponent(c)}/${enc(o)}`, [404, 409])).body?.cancel();
            }),
          );
        }
        await (await call('DELETE', encodeURIComponent(c), [404, 409])).body?.cancel();
      }
    },
  };
}

/** The environment for a child that talks to Swift: the cloud's `OS_*` plus the token for raw clients. */
export function childEnv(t: SwiftTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OS_')) env[k] = v;
  return { ...env, ...t.env, BENCH_TOKEN: t.token, BENCH_STORAGE_URL: t.storageUrl, ...extra };
}
