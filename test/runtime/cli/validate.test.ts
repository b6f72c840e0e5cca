import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { main } from '../../../runtime/cli/main.ts';
import { captureIo } from './captured-io.ts';

const valid = {
  key: 'complaint',
  title: 'Complaint',
  data: { type: 'object', properties: { reason: { type: 'string' } } },
  events: { SUBMIT: { title: 'Submit' } },
  playbook: { initial: 'open', states: { open: { on: { SUBMIT: 'closed' } }, closed: { type: 'final' } } },
};
const withWarning = {
  ...valid,
  playbook: {
    initial: 'open',
    states: { open: { on: { SUBMIT: 'closed' } }, closed: { type: 'final' }, archived: { type: 'final' } },
  },
};
const withErrors = {
  ...valid,
  data: { type: 'object', properties: { reason: { type: 'string', requried: true } } },
  playbook: { initial: 'open', states: { open: { on: { SUBMIT: 'closd' } }, closed: { type: 'final' } } },
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-validate-'));
  await writeFile(join(dir, 'valid.case.json'), JSON.stringify(valid));
  await writeFile(join(dir, 'warning.case.json'), JSON.stringify(withWarning));
  await writeFile(join(dir, 'errors.case.json'), JSON.stringify(withErrors, null, 2));
  await writeFile(join(dir, 'broken.case.json'), '{\n  "key": "complaint",\n}\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dossier validate', () => {
  it('exits 0 and prints only the summary for a valid file', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['validate', 'valid.case.json'], io)).toBe(0);
    expect(out).toEqual([]);
    expect(err).toEqual(['checked 1 file: no problems']);
  });

  it('exits 0 with warnings, printing them', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['validate', 'warning.case.json'], io)).toBe(0);
    expect(out).toEqual([
      "warning.case.json:/playbook/states/archived warning state.unreachable state 'archived' can never be reached from the initial state; add a transition to it or remove it",
    ]);
    expect(err).toEqual(['checked 1 file: 0 errors, 1 warning']);
  });

  it('exits 1 with errors, one line per problem in order, for every file', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['validate', 'errors.case.json', 'valid.case.json', 'broken.case.json'], io)).toBe(1);
    expect(out).toEqual([
      "errors.case.json:/data/properties/reason/requried error schema.unknown_key unknown key 'requried' in a field; did you mean 'required'?",
      "errors.case.json:/playbook/states/closed warning state.unreachable state 'closed' can never be reached from the initial state; add a transition to it or remove it",
      "errors.case.json:/playbook/states/open/on/SUBMIT error state.unknown_target transition target 'closd' is not a state; did you mean 'closed'?",
      'broken.case.json:/ error json.syntax the file is not valid JSON: Expected double-quoted property name at line 3, column 1',
    ]);
    expect(err).toEqual(['checked 3 files: 3 errors, 1 warning']);
  });

  it('prints [{ file, problems }] with --json', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['validate', '--json', 'warning.case.json', 'broken.case.json'], io)).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual([
      {
        file: 'warning.case.json',
        problems: [
          {
            severity: 'warning',
            code: 'state.unreachable',
            message:
              "state 'archived' can never be reached from the initial state; add a transition to it or remove it",
            pointer: '/playbook/states/archived',
          },
        ],
      },
      {
        file: 'broken.case.json',
        problems: [
          {
            severity: 'error',
            code: 'json.syntax',
            message: 'the file is not valid JSON: Expected double-quoted property name at line 3, column 1',
            pointer: '',
          },
        ],
      },
    ]);
    expect(err).toEqual([]);
  });

  it('exits 2 for a file that does not exist, naming it', async () => {
    const { io, out, err } = captureIo(dir);
    expect(await main(['validate', 'valid.case.json', 'missing.case.json'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(["dossier validate: cannot read 'missing.case.json': no such file"]);
  });

  it('exits 2 without files and for an unknown option', async () => {
    const none = captureIo(dir);
    expect(await main(['validate'], none.io)).toBe(2);
    expect(none.err).toEqual([
      'dossier validate: name at least one case-type file, e.g. dossier validate templates/complaint.case.json',
    ]);
    const unknown = captureIo(dir);
    expect(await main(['validate', '--strict', 'valid.case.json'], unknown.io)).toBe(2);
    expect(unknown.err).toEqual([
      "dossier validate: unknown option '--strict'. Run dossier validate --help.",
    ]);
  });

  it('prints its help with --help', async () => {
    const { io, out } = captureIo(dir);
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(out.join('\n').split('\n')[0]).toBe('Usage: dossier validate <file...> [--json]');
  });

  it('works through the real bin/dossier.js', async () => {
    const bin = fileURLToPath(new URL('../../../bin/dossier.js', import.meta.url));
    const run = promisify(execFile);
    const failure = await run(process.execPath, [bin, 'validate', 'errors.case.json'], { cwd: dir }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout.split('\n')[0]).toBe(
      "errors.case.json:/data/properties/reason/requried error schema.unknown_key unknown key 'requried' in a field; did you mean 'required'?",
    );
    expect(failure?.stderr).toContain('checked 1 file: 2 errors, 1 warning');
    const success = await run(process.execPath, [bin, 'validate', 'valid.case.json'], { cwd: dir });
    expect(success.stdout).toBe('');
  });
});
