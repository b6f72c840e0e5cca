// A CommandIo for the CLI tests: runs in a given folder and keeps every line the command prints, so a
// test can assert the exact output.
import type { CommandIo } from '../../../runtime/cli/main.ts';

export interface CapturedIo {
  io: CommandIo;
  out: string[];
  err: string[];
}

export function captureIo(cwd: string): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line), cwd }, out, err };
}
