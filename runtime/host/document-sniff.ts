// What an uploaded file is, read from its bytes (never from its name or what the client says): the
// magic numbers file-type knows, then plain UTF-8 text, and of text an e-mail message (RFC 5322
// headers first). Only the kinds a case file needs are taken (docs/documents.md).
import { fileTypeFromFile } from 'file-type';

/** The content types a case file takes, with the words a refusal lists them in. */
export const ACCEPTED_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'PDF'],
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['image/gif', 'GIF'],
  ['image/webp', 'WebP'],
  ['image/tiff', 'TIFF'],
  ['image/heic', 'HEIC'],
  ['image/heif', 'HEIF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word (DOCX)'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel (XLSX)'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument text (ODT)'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet (ODS)'],
  ['text/plain; charset=utf-8', 'plain text (UTF-8)'],
  ['message/rfc822', 'e-mail message (.eml)'],
]);

export type Sniffed = { ok: true; contentType: string } | { ok: false; found: string };

/** `head` holds the first bytes of the file (64 KiB or all of it): text is judged on them. */
export async function sniffContentType(file: string, head: Uint8Array): Promise<Sniffed> {
  const detected = await fileTypeFromFile(file);
  if (detected !== undefined) {
    const mime = detected.mime as string;
    return ACCEPTED_TYPES.has(mime) ? { ok: true, contentType: mime } : { ok: false, found: `${mime} (.${detected.ext})` };
  }
  if (!isUtf8Text(head)) return { ok: false, found: 'binary data of no known kind' };
  return { ok: true, contentType: isEmailMessage(head) ? 'message/rfc822' : 'text/plain; charset=utf-8' };
}

/** UTF-8 without NUL or other control characters than tab, line feed, form feed and carriage return. */
function isUtf8Text(head: Uint8Array): boolean {
  let text: string;
  try {
    // stream: a character cut at the end of the head is not an error
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** An RFC 5322 message: it opens with header lines, among them From and one of Date, Subject, Message-ID, MIME-Version, Received. */
function isEmailMessage(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 16 * 1024));
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  if (!lines.every((line) => /^[!-9;-~]+:/.test(line) || /^[ \t]/.test(line))) return false;
  const names = new Set(lines.filter((line) => !/^[ \t]/.test(line)).map((line) => line.slice(0, line.indexOf(':')).toLowerCase()));
  return names.has('from') && ['date', 'subject', 'message-id', 'mime-version', 'received'].some((name) => names.has(name));
}

/** A file name as stored: the last part of a path, without control characters, at most 200 characters; `document` when nothing is left. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? 'document' : base.slice(0, 200);
}
