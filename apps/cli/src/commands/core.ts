import { ValidationError } from '@cloud/core';
import type { Command, Io } from '../cli.js';

/** Prints rows as aligned columns, or as JSON with --json. */
export function printTable(io: Io, rows: Record<string, unknown>[], json: boolean): void {
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    io.out('(none)');
    return;
  }
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) =>
    v === undefined || v === null ? '' : v instanceof Date ? v.toISOString() : String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  io.out(line(cols.map((c) => c.toUpperCase())));
  for (const r of rows) io.out(line(cols.map((c) => cell(r[c]))));
}

/** Identity and catalog commands. */
export const coreCommands: Record<string, Command> = {
  auth: {
    summary: 'authenticate and show the token scope (never the token)',
    usage: 'auth',
    async run({ session, io, flags }) {
      const a = await session.authenticate();
      printTable(
        io,
        [
          {
            identity: a.identityVersion,
            project: a.project?.name ?? a.project?.id,
            projectId: a.project?.id,
            user: a.user?.name ?? a.user?.id,
            expires: a.expiresAt,
            services: a.catalog.length,
          },
        ],
        flags.json,
      );
    },
  },
  regions: {
    summary: 'list the regions of the catalog (of one service type with --service)',
    usage: 'regions [SERVICE_TYPE]',
    async run({ session, io, flags, args }) {
      const regions = await session.listRegions(args[0]);
      printTable(
        io,
        regions.map((region) => ({ region })),
        flags.json,
      );
    },
  },
  catalog: {
    summary: 'list every endpoint of the service catalog',
    usage: 'catalog',
    async run({ session, io, flags }) {
      const a = await session.authenticate();
      printTable(
        io,
        a.catalog.flatMap((s) =>
          s.endpoints.map((e) => ({
            type: s.type,
            name: s.name,
            region: e.region,
            interface: e.interface,
            url: e.url,
          })),
        ),
        flags.json,
      );
    },
  },
  endpoint: {
    summary: 'resolve one service endpoint for the region and interface',
    usage: 'endpoint SERVICE_TYPE',
    async run({ session, io, args }) {
      if (!args[0]) throw new ValidationError('endpoint needs a service type, e.g. object-store', 'type');
      io.out(await session.endpoint({ type: args[0] }));
    },
  },
};
