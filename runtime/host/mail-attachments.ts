// A message's attachments into its case's documents (issue 20: e-mail in meets documents). Checked before
// the case is touched (each taken by the documents' size limit and kinds, or the message is refused whole,
// nothing stored), and added idempotently: an attachment already in the case (same name and SHA-256: a
// delivery retried after a crash between the case and its documents) is not added twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { DocumentService } from './document-service.ts';
import { cleanFileName, sniffContentType } from './document-sniff.ts';
import type { AttachmentSink, InboundAttachment } from './mail-intake.ts';

const HEAD_BYTES = 64 * 1024;

async function headOf(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function documentSink(documents: DocumentService): AttachmentSink {
  return {
    async check(attachments: InboundAttachment[]) {
      const refused: string[] = [];
      for (const a of attachments) {
        if (a.size > documents.maxBytes) {
          refused.push(`${cleanFileName(a.filename)} is larger than ${String(Math.round(documents.maxBytes / (1024 * 1024)))} MB`);
          continue;
        }
        if (a.size === 0) continue;
        const sniffed = await sniffContentType(a.path, await headOf(a.path));
        if (!sniffed.ok) refused.push(`${cleanFileName(a.filename)} is ${sniffed.found}, which a case file does not take`);
      }
      return refused;
    },

    async attach(tenant, caseId, field, attachments, again, by) {
      // a first delivery adds every attachment; a repeated one (after a crash between the case and its
      // documents) only those not there yet, by name and SHA-256
      const present = new Set<string>();
      if (again) {
        const listed = await documents.list(tenant, caseId, { removed: true });
        if (!listed.ok) throw new Error(listed.message);
        for (const d of listed.value) present.add(`${d.name}\u0000${d.sha256}`);
      }
      for (const a of attachments) {
        if (a.size === 0) continue;
        const name = cleanFileName(a.filename);
        if (again && present.has(`${name}\u0000${await sha256Of(a.path)}`)) continue;
        const added = await documents.add(tenant, caseId, { name: a.filename, content: createReadStream(a.path), field, by: { id: by, roles: [] } });
        if (!added.ok) throw new Error(`${name}: ${added.message}`);
      }
    },
  };
}
