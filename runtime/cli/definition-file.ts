// Reading case-type files for the command line: JSON syntax errors become a json.syntax problem with line
// and column; problems print as `file:pointer severity code message` (the root pointer shown as /).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createProblem, type Problem } from '../../schemas/index.ts';

export type DefinitionFile =
  | { type: 'parsed'; file: string; definition: unknown }
  | { type: 'syntax-error'; file: string; problem: Problem }
  | { type: 'unreadable'; file: string; reason: string };

export async function readDefinitionFile(file: string, cwd: string): Promise<DefinitionFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    return { type: 'unreadable', file, reason };
  }
  try {
    return { type: 'parsed', file, definition: JSON.parse(text) as unknown };
  } catch (error) {
    return { type: 'syntax-error', file, problem: jsonSyntaxProblem(text, (error as Error).message) };
  }
}

function positionIn(message: string): number | undefined {
  const match = /at position (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

/** The offset of a JSON syntax error: the parser's position, else where the text stops being valid JSON's prefix. */
function errorOffset(text: string, parserMessage: string): number {
  const reported = positionIn(parserMessage);
  if (reported !== undefined) return reported;
  const viable = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      return /Unexpected end of JSON input/.test(message) || (positionIn(message) ?? -1) >= length;
    }
  };
  if (viable(text.length)) return text.length;
  let low = 0;
  let high = text.length;
  // The smallest length that is not viable: its last character is the error.
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (viable(middle)) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}

export function jsonSyntaxProblem(text: string, parserMessage: string): Problem {
  const offset = errorOffset(text, parserMessage);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const what = /Unexpected end of JSON input/.test(parserMessage)
    ? 'the text ends too early'
    : parserMessage.replace(/ (in JSON )?at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
  return createProblem('json.syntax', '', { detail: `${what} at line ${line}, column ${column}` });
}

export function formatProblemLine(file: string, problem: Problem): string {
  return `${file}:${problem.pointer === '' ? '/' : problem.pointer} ${problem.severity} ${problem.code} ${problem.message}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
