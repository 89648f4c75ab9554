import { basename } from 'node:path';
import { toArray, ValidationError } from '@cloud/core';
import {
  createSwiftClient,
  downloadObjectToFile,
  listContainers,
  listObjects,
  uploadObjectFromFile,
} from '@cloud/swift';
import type { Command } from '../cli.js';
import { printTable } from './core.js';

const need = (value: string | undefined, what: string): string => {
  if (!value) throw new ValidationError(`missing ${what}`, what);
  return value;
};

/** Object storage commands. */
export const storageCommands: Record<string, Command> = {
  containers: {
    summary: 'list the containers of the account',
    usage: 'containers',
    async run({ session, io, flags }) {
      const rows = await toArray(listContainers(createSwiftClient(session)));
      printTable(
        io,
        rows.map((c) => ({ name: c.name, objects: c.objectCount, bytes: c.bytes })),
        flags.json,
      );
    },
  },
  objects: {
    summary: 'list the objects of a container (pseudo-folders end in /)',
    usage: 'objects CONTAINER [PREFIX]',
    async run({ session, io, flags, args }) {
      const container = need(args[0], 'container');
      const rows = await toArray(
        listObjects(createSwiftClient(session), container, { prefix: args[1], delimiter: '/' }),
      );
      printTable(
        io,
        rows.map((o) =>
          o.kind === 'object'
            ? { name: o.name, bytes: o.bytes, type: o.contentType, modified: o.lastModified }
            : { name: o.name, bytes: '', type: '(folder)', modified: '' },
        ),
        flags.json,
      );
    },
  },
  upload: {
    summary: 'upload a file (large files become a static large object)',
    usage: 'upload CONTAINER FILE [OBJECT_NAME]',
    async run({ session, io, args }) {
      const container = need(args[0], 'container');
      const file = need(args[1], 'file');
      const name = args[2] ?? basename(file);
      const r = await uploadObjectFromFile(createSwiftClient(session), container, name, file, {
        verify: true,
      });
      io.out(
        `uploaded ${container}/${name}: ${r.bytes} bytes, etag ${r.etag ?? '-'}${r.largeObject ? ` (${r.largeObject.segmentCount} segments)` : ''}`,
      );
    },
  },
  download: {
    summary: 'download an object to a file (resumes a partial file)',
    usage: 'download CONTAINER OBJECT_NAME FILE',
    async run({ session, io, args }) {
      const container = need(args[0], 'container');
      const name = need(args[1], 'object name');
      const file = need(args[2], 'file');
      const r = await downloadObjectToFile(createSwiftClient(session), container, name, file, {
        resume: true,
      });
      io.out(
        `downloaded ${container}/${name} to ${r.path}: ${r.bytes} bytes${r.resumedFrom ? ` (resumed at ${r.resumedFrom})` : ''}`,
      );
    },
  },
};
