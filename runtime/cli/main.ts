// The `dossier` command line: dispatches to one module per command (see the README, "Command line").
// Exit codes: 0 success, 1 the checked thing failed, 2 bad usage.

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export type Command = (args: string[], io: CommandIo) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

/** Registers a command; each command module lives in runtime/cli/<name>.ts. */
export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  dossier ${name.padEnd(9)} ${c.summary}`);
  return ['Usage: dossier <command> [options]', '', 'Commands:', ...lines, '', 'Run dossier <command> --help for its options.'].join('\n');
}

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  await import('./commands.ts');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.err(`dossier: unknown command '${name}'.`);
    io.err(usage());
    return 2;
  }
  return (await command.load())(rest, io);
}

function defaultIo(): CommandIo {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    cwd: process.cwd(),
  };
}
