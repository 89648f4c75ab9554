/**
 * A throw-away PKI made at test time with the openssl CLI: a CA, a server certificate for
 * 127.0.0.1/localhost, a client certificate, and an unrelated second CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  /** The CA that signed the server and client certificates. */
  caCert: string;
  /** A CA that signed nothing here. */
  otherCaCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** The client certificate followed by its key, in one file. */
  clientCombined: string;
  /** PEM contents by path, for servers. */
  read(path: string): Buffer;
}

const openssl = (args: string[], cwd: string) => {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error('The openssl CLI is needed to make test certificates');
    throw new Error(`openssl ${args[0]} failed: ${err.stderr?.toString() ?? err.message}`);
  }
};

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCa(dir: string, name: string): void {
  openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=${name} test CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
}

function makeLeaf(dir: string, name: string, ca: string, cn: string, ext: string): void {
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

/**
 * Makes a fresh PKI in a temporary directory.
 * @example
 * ```ts
 * const pki = createPki();
 * https.createServer({ cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) });
 * ```
 */
export function createPki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-pki-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeLeaf(
    dir,
    'server',
    'ca',
    'localhost',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  makeLeaf(
    dir,
    'client',
    'ca',
    'sdk-test-client',
    'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n',
  );
  const p = (f: string) => join(dir, f);
  writeFileSync(
    p('client-combined.pem'),
    Buffer.concat([readFileSync(p('client.pem')), readFileSync(p('client.key'))]),
  );
  return {
    dir,
    caCert: p('ca.pem'),
    otherCaCert: p('other-ca.pem'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    clientCert: p('client.pem'),
    clientKey: p('client.key'),
    clientCombined: p('client-combined.pem'),
    read: (path) => readFileSync(path),
  };
}
