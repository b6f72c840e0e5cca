// Documents in the case file (issue 20) on SQLite: a row per document and its content in chunks of at
// most DOCUMENT_CHUNK_BYTES (BLOBs), written in one transaction from a file read chunk by chunk, and
// read back one chunk per query: a document is never held whole in memory.
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Instant } from '../../engine/index.ts';
import { DOCUMENT_CHUNK_BYTES, type DocumentRecord } from '../case-store.ts';
import type { WriteQueue } from './write-queue.ts';
import { documentOf, type DocumentRow } from '../document-row.ts';

export const documentTables = `
  CREATE TABLE documents (
    tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, case_id TEXT NOT NULL, name TEXT NOT NULL,
    content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, field TEXT,
    added_at TEXT NOT NULL, added_by TEXT NOT NULL, removed_at TEXT, removed_by TEXT, storage TEXT NOT NULL, PRIMARY KEY (tenant, id));
  CREATE INDEX documents_by_case ON documents(tenant, case_id, added_at);
  CREATE TABLE document_chunks (
    tenant TEXT NOT NULL, document_id TEXT NOT NULL, n INTEGER NOT NULL, bytes BLOB NOT NULL,
    PRIMARY KEY (tenant, document_id, n));
  `;



/** Calls `chunk` with each piece of the file, in order (one buffer reused: copy what is kept). */
export function readFileChunks(file: string, chunk: (bytes: Buffer, n: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(DOCUMENT_CHUNK_BYTES);
    for (let n = 0; ; n++) {
      let filled = 0;
      while (filled < buffer.length) {
        const read = readSync(fd, buffer, filled, buffer.length - filled, null);
        if (read === 0) break;
        filled += read;
      }
      if (filled === 0) return;
      chunk(buffer.subarray(0, filled), n);
      if (filled < buffer.length) return;
    }
  } finally {
    closeSync(fd);
  }
}

export function createSqliteDocuments(db: Database.Database, queue: WriteQueue) {
  const s = {
    ensureTenant: db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING'),
    insert: db.prepare(`INSERT INTO documents (tenant, id, case_id, name, content_type, size, sha256, field, added_at, added_by, storage)
      VALUES (@tenant, @id, @caseId, @name, @contentType, @size, @sha256, @field, @addedAt, @addedBy, @storage)`),
    insertChunk: db.prepare('INSERT INTO document_chunks (tenant, document_id, n, bytes) VALUES (?, ?, ?, ?)'),
    get: db.prepare('SELECT * FROM documents WHERE tenant = ? AND case_id = ? AND id = ?'),
    list: db.prepare('SELECT * FROM documents WHERE tenant = ? AND case_id = ? ORDER BY added_at, id'),
    chunk: db.prepare('SELECT bytes FROM document_chunks WHERE tenant = ? AND document_id = ? AND n = ?'),
    remove: db.prepare('UPDATE documents SET removed_at = ?, removed_by = ? WHERE tenant = ? AND id = ? AND removed_at IS NULL'),
    purge: db.prepare('DELETE FROM documents WHERE tenant = ? AND id = ?'),
    purgeChunks: db.prepare('DELETE FROM document_chunks WHERE tenant = ? AND document_id = ?'),
    orphans: db.prepare(`SELECT d.* FROM documents d WHERE d.added_at < ? AND NOT EXISTS (
      SELECT 1 FROM history h WHERE h.case_id = d.case_id AND h.event_type = 'document.added'
      AND json_extract(h.entry, '$.event.data.document.id') = d.id) ORDER BY d.added_at, d.id LIMIT ?`),
  };

  return {
    async saveDocument(record: DocumentRecord, contentFile: string): Promise<void> {
      await queue.submit(() => {
        s.ensureTenant.run(record.tenant, record.addedAt);
        s.insert.run(record);
        if (record.storage === 'database') readFileChunks(contentFile, (bytes, n) => s.insertChunk.run(record.tenant, record.id, n, bytes));
      });
    },
    async getDocument(tenant: string, caseId: string, id: string): Promise<DocumentRecord | null> {
      const row = s.get.get(tenant, caseId, id) as DocumentRow | undefined;
      return row === undefined ? null : documentOf(row);
    },
    async listDocuments(tenant: string, caseId: string): Promise<DocumentRecord[]> {
      return (s.list.all(tenant, caseId) as DocumentRow[]).map(documentOf);
    },
    async *documentContent(tenant: string, id: string): AsyncIterable<Uint8Array> {
      for (let n = 0; ; n++) {
        const row = s.chunk.get(tenant, id, n) as { bytes: Buffer } | undefined;
        if (row === undefined) return;
        yield row.bytes;
      }
    },
    async markDocumentRemoved(tenant: string, id: string, at: Instant, by: string): Promise<boolean> {
      return queue.submit(() => s.remove.run(at, by, tenant, id).changes === 1);
    },
    async orphanDocuments(before: Instant, limit: number): Promise<DocumentRecord[]> {
      return (s.orphans.all(before, limit) as DocumentRow[]).map(documentOf);
    },
    async purgeDocument(tenant: string, id: string): Promise<void> {
      await queue.submit(() => {
        s.purgeChunks.run(tenant, id);
        s.purge.run(tenant, id);
      });
    },
  };
}
