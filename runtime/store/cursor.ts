// Opaque pagination cursors: the sort key of the last item, as base64url JSON.

/** Thrown when a client sends a cursor this server did not mint; HTTP answers 400 `cursor.invalid`. */
export class CursorError extends Error {
  constructor() {
    super('The cursor is not one this server returned: pass nextCursor from the previous page unchanged.');
    this.name = 'CursorError';
  }
}

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== arity || !parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new CursorError();
  }
  return parsed as CursorKey;
}
