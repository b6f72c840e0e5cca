// Finds where a JSON Pointer's value starts in pretty-printed JSON text (for "Go to" from a problem).
// Walks the text with a tiny scanner: no dependency on a JSON AST library.
import { fromPointer } from './pointer.ts';

function skipWs(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** The end index (exclusive) of the JSON value starting at i. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j + 1;
    }
    return text.length;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipValue(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[,}\]\s]/.test(text[j] as string)) j++;
  return j;
}

/** Offset of the value at `pointer`, or of the deepest ancestor found; -1 when the text is not JSON-like. */
export function offsetOfPointer(text: string, pointer: string): number {
  let i = skipWs(text, 0);
  if (text[i] !== '{' && text[i] !== '[') return -1;
  for (const segment of fromPointer(pointer)) {
    const open = text[i];
    let found = -1;
    let j = skipWs(text, i + 1);
    if (open === '{') {
      while (j < text.length && text[j] !== '}') {
        const keyEnd = skipValue(text, j);
        const key = JSON.parse(text.slice(j, keyEnd)) as string;
        const colon = skipWs(text, keyEnd);
        const valueStart = skipWs(text, colon + 1);
        if (key === segment) {
          found = valueStart;
          break;
        }
        j = skipWs(text, skipValue(text, valueStart));
        if (text[j] === ',') j = skipWs(text, j + 1);
      }
    } else if (open === '[') {
      const want = Number(segment);
      let n = 0;
      while (j < text.length && text[j] !== ']') {
        if (n === want) {
          found = j;
          break;
        }
        j = skipWs(text, skipValue(text, j));
        if (text[j] === ',') j = skipWs(text, j + 1);
        n++;
      }
    }
    if (found < 0) return i;
    i = found;
  }
  return i;
}
