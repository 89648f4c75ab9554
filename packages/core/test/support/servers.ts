/**
 * Real servers for connection tests: an HTTPS server (optionally requiring a client certificate),
 * a TLS terminator in front of a plain upstream, and a small recording forward proxy (CONNECT).
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { Pki } from './pki.js';

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function listen(
  server: Server | NetServer,
  sockets: Set<Socket>,
): Promise<{ port: number; close(): Promise<void> }> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What an HTTPS test server saw. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Common name of the client certificate, when one was presented. */
  clientCn?: string | undefined;
}

/**
 * An HTTPS server on 127.0.0.1 with the PKI's server certificate. It answers a Keystone v3
 * password authentication (`POST /v3/auth/tokens`) with a catalog whose object-store is itself,
 * and `{"ok":true}` to anything else.
 */
export async function startHttpsServer(
  pki: Pki,
  opts: { requireClientCert?: boolean } = {},
): Promise<Running & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  let base = '';
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    seen.push({ method: req.method ?? '', url: req.url ?? '', clientCn: firstCn(peer?.subject?.CN) });
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': 'tok-tls' });
        res.end(JSON.stringify(keystoneToken(`${base}/v1/AUTH_p`)));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  };
  const server = createHttpsServer(
    {
      cert: pki.read(pki.serverCert),
      key: pki.read(pki.serverKey),
      ca: pki.read(pki.caCert),
      requestCert: !!opts.requireClientCert,
      rejectUnauthorized: !!opts.requireClientCert,
    },
    handler,
  );
  server.on('tlsClientError', () => {});
  const { port, close } = await listen(server, new Set());
  base = `https://127.0.0.1:${port}`;
  return { url: base, port, close, seen };
}

/** A minimal Keystone v3 token body with one object-store endpoint. */
export function keystoneToken(objectStoreUrl: string) {
  return {
    token: {
      methods: ['password'],
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      issued_at: new Date().toISOString(),
      project: { id: 'p', name: 'demo', domain: { id: 'default', name: 'Default' } },
      user: { id: 'u', name: 'demo', domain: { id: 'default', name: 'Default' } },
      catalog: [
        {
          id: 'swift',
          type: 'object-store',
          name: 'swift',
          endpoints: [
            {
              id: 'e',
              interface: 'public',
              region: 'RegionOne',
              region_id: 'RegionOne',
              url: objectStoreUrl,
            },
          ],
        },
      ],
    },
  };
}

/**
 * A TLS terminator on 127.0.0.1 that pipes every connection to a plain TCP upstream, as a load
 * balancer in front of Keystone or Swift would. With `requireClientCert` it refuses clients
 * without a certificate signed by the PKI's CA.
 */
export async function startTlsFront(
  pki: Pki,
  upstream: URL,
  opts: { requireClientCert?: boolean } = {},
): Promise<Running & { clientCns: (string | undefined)[]; rejected: number }> {
  const state = { clientCns: [] as (string | undefined)[], rejected: 0 };
  const server = createTlsServer(
    {
      cert: pki.read(pki.serverCert),
      key: pki.read(pki.serverKey),
      ca: pki.read(pki.caCert),
      requestCert: !!opts.requireClientCert,
      rejectUnauthorized: !!opts.requireClientCert,
    },
    (tlsSocket) => {
      state.clientCns.push(firstCn(tlsSocket.getPeerCertificate()?.subject?.CN));
      const up = connect(Number(upstream.port), upstream.hostname);
      tlsSocket.pipe(up).pipe(tlsSocket);
      const end = () => {
        tlsSocket.destroy();
        up.destroy();
      };
      tlsSocket.on('error', end);
      up.on('error', end);
      tlsSocket.on('close', end);
      up.on('close', end);
    },
  );
  server.on('tlsClientError', () => {
    state.rejected++;
  });
  const { port, close } = await listen(server, new Set());
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    close,
    get clientCns() {
      return state.clientCns;
    },
    get rejected() {
      return state.rejected;
    },
  };
}

/**
 * A forward proxy that only tunnels (HTTP `CONNECT`), recording each target, optionally requiring
 * `Proxy-Authorization`.
 */
export async function startConnectProxy(
  opts: { auth?: string } = {},
): Promise<Running & { targets: string[]; authorizations: (string | undefined)[] }> {
  const targets: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = createHttpServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    authorizations.push(req.headers['proxy-authorization']);
    if (
      opts.auth &&
      req.headers['proxy-authorization'] !== `Basic ${Buffer.from(opts.auth).toString('base64')}`
    ) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const up = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client).pipe(up);
    });
    const end = () => {
      client.destroy();
      up.destroy();
    };
    up.on('error', end);
    client.on('error', end);
    up.on('close', end);
    client.on('close', end);
  });
  const { port, close } = await listen(server, new Set());
  return { url: `http://127.0.0.1:${port}`, port, close, targets, authorizations };
}

/** A plain HTTP server answering `{"ok":true}` and counting requests. */
export async function startHttpServer(): Promise<Running & { hits: number }> {
  const state = { hits: 0 };
  const server = createHttpServer((req, res) => {
    state.hits++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const { port, close } = await listen(server, new Set());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close,
    get hits() {
      return state.hits;
    },
  };
}

const firstCn = (cn: string | string[] | undefined): string | undefined => (Array.isArray(cn) ? cn[0] : cn);
