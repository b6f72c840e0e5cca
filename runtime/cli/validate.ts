// `dossier validate <file...> [--json]`: the meta-schema and the lint of case-type files (README "Command line").
// Prints `file:pointer severity code message` per problem and a summary on stderr; --json prints
// [{ file, problems }]. Exit 0 without errors (warnings allowed), 1 with errors, 2 bad usage.
import { validateCaseType, type Problem } from '../../schemas/index.ts';
import { formatProblemLine, plural, readDefinitionFile } from './definition-file.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier validate <file...> [--json]',
  '',
  'Checks case-type files against the format and lints them (unknown states, rules, events, fields, ...).',
  'Prints one line per problem: file:pointer severity code message (the whole file is pointer /).',
  'Codes are listed in docs/problem-codes.md.',
  '',
  'Options:',
  '  --json    print [{ "file", "problems": [{ "severity", "code", "message", "pointer" }] }]',
  '  --help    show this help',
  '',
  'Exit status: 0 no errors (warnings allowed), 1 errors, 2 bad usage (no file, unknown option, unreadable file).',
];

export async function validateCommand(args: string[], io: CommandIo): Promise<number> {
  const files: string[] = [];
  let json = false;
  let onlyFiles = false;
  for (const arg of args) {
    if (onlyFiles || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.out(HELP.join('\n'));
      return 0;
    } else {
      io.err(`dossier validate: unknown option '${arg}'. Run dossier validate --help.`);
      return 2;
    }
  }
  if (files.length === 0) {
    io.err(
      'dossier validate: name at least one case-type file, e.g. dossier validate templates/complaint.case.json',
    );
    return 2;
  }

  const read = await Promise.all(files.map((file) => readDefinitionFile(file, io.cwd)));
  const unreadable = read.filter((r) => r.type === 'unreadable');
  if (unreadable.length > 0) {
    for (const r of unreadable) io.err(`dossier validate: cannot read '${r.file}': ${r.reason}`);
    return 2;
  }

  const results: { file: string; problems: Problem[] }[] = read.map((r) => {
    switch (r.type) {
      case 'parsed':
        return { file: r.file, problems: validateCaseType(r.definition) };
      case 'syntax-error':
        return { file: r.file, problems: [r.problem] };
      case 'unreadable':
        return { file: r.file, problems: [] };
      default: {
        const _never: never = r;
        return _never;
      }
    }
  });

  const all = results.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  if (json) {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const result of results)
      for (const problem of result.problems) io.out(formatProblemLine(result.file, problem));
    const counts =
      all.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    io.err(`checked ${plural(files.length, 'file')}: ${counts}`);
  }
  return errors > 0 ? 1 : 0;
}
