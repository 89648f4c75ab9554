import { parseArgs } from 'node:util';
import { createSession, isCloudError, type Session, stderrLogger } from '@cloud/core';
import { coreCommands } from './commands/core.js';
import { storageCommands } from './commands/storage.js';

/** Where a command writes. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** What a command receives. */
export interface CommandContext {
  session: Session;
  args: string[];
  flags: Flags;
  io: Io;
}

/** Global flags. */
export interface Flags {
  cloud?: string | undefined;
  region?: string | undefined;
  interface?: string | undefined;
  json: boolean;
  debug: boolean;
}

/** A subcommand. */
export interface Command {
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<void>;
}

const commands: Record<string, Command> = { ...coreCommands, ...storageCommands };

/** Registers more commands (service packages' commands live in their own modules). */
export function addCommands(more: Record<string, Command>): void {
  Object.assign(commands, more);
}

function help(io: Io): void {
  io.out(
    'usage: cloud [--cloud NAME] [--region R] [--interface public|internal|admin] [--json] [--debug] <command> [args]',
  );
  io.out('');
  io.out('Credentials come from clouds.yaml (--cloud or OS_CLOUD) and the OS_* variables.');
  io.out('');
  for (const [, c] of Object.entries(commands).sort()) io.out(`  ${c.usage.padEnd(44)} ${c.summary}`);
}

/**
 * Runs the command line and returns the exit code. Errors print their message (never secrets).
 * @example
 * ```ts
 * process.exitCode = await run(process.argv.slice(2));
 * ```
 */
export async function run(
  argv: string[],
  io: Io = { out: console.log, err: console.error },
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        cloud: { type: 'string' },
        region: { type: 'string' },
        interface: { type: 'string' },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`cloud: ${(e as Error).message}`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (!name || v.help) {
    help(io);
    return name || v.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`cloud: unknown command "${name}"; run "cloud --help" for the list`);
    return 2;
  }
  const flags: Flags = {
    cloud: v.cloud as string | undefined,
    region: v.region as string | undefined,
    interface: v.interface as string | undefined,
    json: !!v.json,
    debug: !!v.debug,
  };
  try {
    const session = createSession({
      cloud: flags.cloud,
      region: flags.region,
      interface: flags.interface,
      logger: flags.debug ? stderrLogger : undefined,
    });
    await command.run({ session, args, flags, io });
    return 0;
  } catch (e) {
    io.err(
      `cloud ${name}: ${isCloudError(e) ? `${e.name}: ${e.message}` : String((e as Error).message ?? e)}`,
    );
    return 1;
  }
}
