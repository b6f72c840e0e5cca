// Documents in the case file (issue 20, docs/documents.md): the one way a file gets into (or out of) a
// case, whatever brings it (an upload over HTTP, an e-mail's attachment). A file is streamed to a
// temporary file while it is hashed and counted (refused past the size limit, nothing stored), its kind
// read from its first bytes, then stored with its case's history entry (`document.added`) and, when it
// is attached to a documents field, that field: the engine checks the change as any other.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Actor, Case, DocumentRef } from '../engine/index.ts';
import type { CaseStore, DocumentRecord } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import type { CaseView } from './case-view.ts';
import type { Clock } from './clock.ts';
import { cleanFileName, sniffContentType, ACCEPTED_TYPES } from './document-sniff.ts';
import { fail, type HostFailure, type Result } from './host-result.ts';
import { silentLogger, type Logger } from './logger.ts';

/** The default largest document, in bytes (`dossier serve --document-max-bytes`). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** How much of a file's start is kept to tell text from binary. */
const HEAD_BYTES = 64 * 1024;

export interface NewDocument {
  /** The file name as its sender gave it (only its last part is kept). */
  name: string;
  /** The content: a stream (a Node Readable is one) or the bytes. */
  content: AsyncIterable<Uint8Array> | Uint8Array;
  /** The documents field (a pointer into the case data) it is attached to; absent or null: the case file only. */
  field?: string | null;
  /** Who adds it (their name goes into the history and the document's row). */
  by: Actor;
}

export interface DocumentChanged {
  document: DocumentRecord;
  case: Case;
  view: CaseView;
}

export interface DocumentService {
  /** The largest document taken, in bytes. */
  readonly maxBytes: number;
  add(tenant: string, caseId: string, document: NewDocument): Promise<Result<DocumentChanged>>;
  /** The documents of a case, in the order they were added; removed ones only with `removed`. */
  list(tenant: string, caseId: string, options?: { removed?: boolean }): Promise<Result<DocumentRecord[]>>;
  /** A document and its content (streamed from the store); a removed one too (the history names it). */
  open(tenant: string, caseId: string, id: string): Promise<Result<{ document: DocumentRecord; content: AsyncIterable<Uint8Array> }>>;
  /** Takes a document out of the case file (and its field): kept, marked removed, in the history. */
  remove(tenant: string, caseId: string, id: string, by: Actor): Promise<Result<DocumentChanged>>;
  /**
   * Deletes the documents a host stored and then died before its case's commit (none of their case's
   * history names them), of those added more than ORPHAN_AGE_MS ago (an upload another host is finishing
   * is younger); returns how many. Run as a host starts.
   */
  sweep(): Promise<number>;
}

/** How old a document that no history entry names must be before the sweep deletes it. */
export const ORPHAN_AGE_MS = 10 * 60_000;

export interface DocumentServiceOptions {
  store: CaseStore;
  cases: CaseService;
  clock: Clock;
  logger?: Logger;
  maxBytes?: number;
  /** Where uploads are spooled while they arrive (default: the system's temporary directory). */
  tempDir?: string;
  /**
   * `dossier serve --documents-dir`: new documents' content goes into files here (`<tenant>/<id>`), and the
   * store keeps only their rows; absent: in the database. Documents stored before either way stay readable.
   */
  documentsDir?: string;
}

interface Spooled {
  file: string;
  size: number;
  sha256: string;
  head: Uint8Array;
}

function chunksOf(content: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (!(content instanceof Uint8Array)) return content;
  return (async function* () {
    yield content;
  })();
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function documentRef(record: DocumentRecord): DocumentRef {
  return { id: record.id, name: record.name, contentType: record.contentType, size: record.size, sha256: record.sha256 };
}

export function createDocumentService(options: DocumentServiceOptions): DocumentService {
  const { store, cases, clock } = options;
  const logger = options.logger ?? silentLogger;
  const maxBytes = options.maxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES;
  const documentsDir = options.documentsDir;

  /** The file of a document kept in the documents directory. */
  const fileOf = (dir: string, tenant: string, id: string): string => join(dir, encodeURIComponent(tenant), encodeURIComponent(id));

  /** Puts the content into the documents directory: a copy beside its place, then renamed into it (a file there is always whole). */
  async function place(dir: string, record: DocumentRecord, from: string): Promise<void> {
    const target = fileOf(dir, record.tenant, record.id);
    await mkdir(join(dir, encodeURIComponent(record.tenant)), { recursive: true });
    await copyFile(from, `${target}.part`);
    await rename(`${target}.part`, target);
  }

  /** Deletes a document whose attachment failed: its row (and chunks) and its file. */
  async function purge(record: DocumentRecord): Promise<void> {
    await store.purgeDocument(record.tenant, record.id);
    if (record.storage === 'directory' && documentsDir !== undefined) await rm(fileOf(documentsDir, record.tenant, record.id), { force: true });
  }

  /**
   * Writes the content to `file`, hashing and counting; past `maxBytes` it stops writing and reads the
   * rest to its end without keeping it (the sender is answered once, after its last byte).
   */
  async function spool(content: AsyncIterable<Uint8Array>, file: string): Promise<Spooled | HostFailure> {
    const out = createWriteStream(file, { flags: 'wx' });
    const hash = createHash('sha256');
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let size = 0;
    let tooLarge = false;
    try {
      for await (const chunk of content) {
        size += chunk.length;
        if (tooLarge) continue;
        if (size > maxBytes) {
          tooLarge = true;
          continue;
        }
        if (headBytes < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headBytes);
          head.push(Uint8Array.from(part));
          headBytes += part.length;
        }
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
    if (tooLarge) {
      return fail('document.too_large', `The document is larger than ${megabytes(maxBytes)} (${maxBytes} bytes), the most this case file takes; nothing was stored. Send a smaller file (compress or split it).`);
    }
    if (size === 0) return fail('document.empty', 'The document is empty (0 bytes); nothing was stored. Choose the file again.');
    return { file, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
  }

  async function caseOf(tenant: string, caseId: string): Promise<HostFailure | null> {
    return (await store.getCase(tenant, caseId)) === null ? fail('case.not_found', `There is no case '${caseId}'.`) : null;
  }

  return {
    maxBytes,

    async add(tenant, caseId, input) {
      const missing = await caseOf(tenant, caseId);
      if (missing !== null) {
        // the sender still sends its bytes: read them to the end, keep nothing
        for await (const _ of chunksOf(input.content)) void _;
        return missing;
      }
      const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'dossier-upload-'));
      try {
        const spooled = await spool(chunksOf(input.content), join(dir, 'content'));
        if ('ok' in spooled) return spooled;
        const sniffed = await sniffContentType(spooled.file, spooled.head);
        if (!sniffed.ok) {
          return fail(
            'document.type_refused',
            `The file is ${sniffed.found}, which a case file does not take; nothing was stored. Send one of: ${[...new Set(ACCEPTED_TYPES.values())].join(', ')}.`,
          );
        }
        const record: DocumentRecord = {
          tenant,
          caseId,
          id: randomUUID(),
          name: cleanFileName(input.name),
          contentType: sniffed.contentType,
          size: spooled.size,
          sha256: spooled.sha256,
          field: input.field ?? null,
          addedAt: clock.now(),
          addedBy: input.by.id,
          removedAt: null,
          removedBy: null,
          storage: documentsDir === undefined ? 'database' : 'directory',
        };
        let saved = false;
        let result;
        try {
          result = await cases.recordDocument(tenant, caseId, { kind: 'added', document: documentRef(record), field: record.field }, input.by, async () => {
            saved = true;
            if (documentsDir !== undefined) await place(documentsDir, record, spooled.file);
            await store.saveDocument(record, spooled.file);
          });
        } catch (error) {
          if (saved) await purge(record).catch((e: unknown) => logger.error('document not purged', { id: record.id, error: String(e) }));
          throw error;
        }
        if (!result.ok || result.replay === true) {
          if (saved) await purge(record);
          return result.ok ? fail('case.conflict', 'The document was not recorded; send it again.') : result;
        }
        logger.info('document added', { tenant, caseId, id: record.id, contentType: record.contentType, size: record.size });
        return { ok: true, value: { document: record, case: result.case, view: result.view } };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async list(tenant, caseId, listOptions = {}) {
      const missing = await caseOf(tenant, caseId);
      if (missing !== null) return missing;
      const all = await store.listDocuments(tenant, caseId);
      return { ok: true, value: listOptions.removed === true ? all : all.filter((d) => d.removedAt === null) };
    },

    async open(tenant, caseId, id) {
      const document = await store.getDocument(tenant, caseId, id);
      if (document === null) return fail('document.not_found', `Case '${caseId}' has no document '${id}'.`);
      if (document.storage === 'database') return { ok: true, value: { document, content: store.documentContent(tenant, id) } };
      const file = documentsDir === undefined ? null : fileOf(documentsDir, tenant, id);
      const readable = file !== null && (await access(file).then(() => true, () => false));
      if (file === null || !readable) {
        logger.error('document content missing', { tenant, caseId, id, documentsDir: documentsDir ?? null });
        return fail(
          'document.not_found',
          `The content of '${document.name}' is kept in a documents directory${file === null ? ', and this host was started without --documents-dir' : `, but ${file} is not there`}: start it with the directory that holds it.`,
        );
      }
      return { ok: true, value: { document, content: createReadStream(file, { highWaterMark: 256 * 1024 }) } };
    },

    async sweep() {
      const before = new Date(Date.parse(clock.now()) - ORPHAN_AGE_MS).toISOString();
      let swept = 0;
      for (;;) {
        const orphans = await store.orphanDocuments(before, 100);
        for (const orphan of orphans) {
          await purge(orphan);
          logger.warn('document never recorded in its case: deleted', { tenant: orphan.tenant, caseId: orphan.caseId, id: orphan.id, name: orphan.name, addedAt: orphan.addedAt });
        }
        swept += orphans.length;
        if (orphans.length < 100) return swept;
      }
    },

    async remove(tenant, caseId, id, by) {
      const document = await store.getDocument(tenant, caseId, id);
      if (document === null) return fail('document.not_found', `Case '${caseId}' has no document '${id}'.`);
      if (document.removedAt !== null) {
        return fail('document.removed', `'${document.name}' was already removed from the case file (by ${document.removedBy ?? 'someone'} at ${document.removedAt}).`);
      }
      const result = await cases.recordDocument(tenant, caseId, { kind: 'removed', document: documentRef(document), field: document.field }, by);
      if (!result.ok || result.replay === true) return result.ok ? fail('case.conflict', 'The document was not removed; try again.') : result;
      const at = result.case.updatedAt;
      await store.markDocumentRemoved(tenant, id, at, by.id);
      return { ok: true, value: { document: { ...document, removedAt: at, removedBy: by.id }, case: result.case, view: result.view } };
    },
  };
}
