// `dossier types <file> [-o out.d.ts]`: TypeScript types of the case data and event payloads
// (README "Command line"). Exit 0 written, 1 the definition is invalid (problems on stderr), 2 bad usage.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../schemas/index.ts';
import { generateDataTypes } from '../typegen/data-types.ts';
import { formatProblemLine, readDefinitionFile } from './definition-file.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier types <file> [-o out.d.ts]',
  '',
  'Prints the TypeScript types of a case type: its data (complaint → ComplaintData) and one interface per',
  'event with a payload (SUBMIT_TRIAGE → SubmitTriageEvent).',
  '',
  'Options:',
  '  -o, --out <file>   write the types to this file instead of stdout',
  '  --help             show this help',
  '',
  'Exit status: 0 done, 1 the definition has errors (printed on stderr), 2 bad usage.',
];

export async function typesCommand(args: string[], io: CommandIo): Promise<number> {
  const files: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') {
      io.out(HELP.join('\n'));
      return 0;
    }
    if (arg === '-o' || arg === '--out') {
      out = args[++i];
      if (out === undefined) {
        io.err(`dossier types: ${arg} needs a file name, e.g. -o complaint.d.ts`);
        return 2;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`dossier types: unknown option '${arg}'. Run dossier types --help.`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    io.err(
      'dossier types: name exactly one case-type file, e.g. dossier types templates/complaint.case.json',
    );
    return 2;
  }
  const file = files[0] as string;
  const read = await readDefinitionFile(file, io.cwd);
  if (read.type === 'unreadable') {
    io.err(`dossier types: cannot read '${file}': ${read.reason}`);
    return 2;
  }
  if (read.type === 'syntax-error') {
    io.err(formatProblemLine(file, read.problem));
    return 1;
  }
  const errors = validateCaseType(read.definition).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const problem of errors) io.err(formatProblemLine(file, problem));
    io.err(`dossier types: '${file}' has errors; fix them first (dossier validate ${file})`);
    return 1;
  }
  const types = await generateDataTypes(read.definition as CaseType);
  if (out === undefined) {
    io.out(types.trimEnd());
  } else {
    const target = resolve(io.cwd, out);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, types);
    io.err(`dossier types: wrote ${out}`);
  }
  return 0;
}
