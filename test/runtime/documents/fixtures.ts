// Documents tests' fixtures: a case type with a documents field and a completeness rule on it, small
// real files (a PDF, a PNG, a Windows executable), and a templates folder to seed a server with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * A warranty claim: proofs of purchase (a documents field) are needed before it is submitted. It waits in
 * the queue `claims`; the proofs are shared with partners (an outsourced back office), the photos not.
 */
export const claimType = {
  key: 'claim',
  title: 'Warranty claim',
  data: {
    type: 'object',
    properties: {
      customer: { type: 'string', title: 'Customer' },
      proofs: { type: 'array', title: 'Proofs of purchase', documents: true, shareable: true },
      photos: { type: 'array', title: 'Photos', documents: true, maxItems: 2 },
    },
  },
  form: { sections: [{ id: 'claim', title: 'Claim', fields: ['/customer', '/proofs', '/photos'] }] },
  rules: {
    hasProof: { title: 'Proof of purchase', schema: { properties: { proofs: { minItems: 1 } }, required: ['proofs'] } },
  },
  events: { SUBMIT: { title: 'Submit the claim' } },
  queues: { claims: { title: 'Claims' } },
  playbook: {
    initial: 'open',
    states: {
      open: { title: 'Open', entry: [{ type: 'assign', queue: 'claims' }], checklist: ['hasProof'], on: { SUBMIT: { target: 'submitted', guard: 'hasProof' } } },
      submitted: { title: 'Submitted', type: 'final' },
    },
  },
} as const;

/** A folder holding `claim.case.json`, to seed a server's templates with. */
export function claimTemplates(dir: string): string {
  const templates = join(dir, 'templates');
  mkdirSync(templates, { recursive: true });
  writeFileSync(join(templates, 'claim.case.json'), JSON.stringify(claimType, null, 2));
  return templates;
}

export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 greyscale PNG. */
export const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Buffer.from([0, 0]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

/** The start of a Windows executable (MZ header pointing at a PE signature). */
export const exeBytes = (() => {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
})();
