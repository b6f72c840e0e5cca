// Documents in the case file (issue 20) on PostgreSQL: the same rows as SQLite's (sqlite-documents.ts),
// the content in bytea chunks of at most DOCUMENT_CHUNK_BYTES, written in one transaction from a file
// read chunk by chunk and read back one chunk per query: a document is never held whole in memory.
import { open } from 'node:fs/promises';
import type { Instant } from '../../engine/index.ts';
import { DOCUMENT_CHUNK_BYTES, type DocumentRecord } from '../case-store.ts';
import { hasNul, statement, type PostgresDb } from './postgres-db.ts';
import { documentOf, type DocumentRow } from '../document-row.ts';

const C = 'text COLLATE "C"';

export const documentTables = `
  CREATE TABLE documents (
    tenant ${C} NOT NULL REFERENCES tenants(id), id ${C} NOT NULL, case_id ${C} NOT NULL, name text NOT NULL,
    content_type ${C} NOT NULL, size bigint NOT NULL, sha256 ${C} NOT NULL, field text,
    added_at ${C} NOT NULL, added_by text NOT NULL, removed_at ${C}, removed_by text, storage ${C} NOT NULL, PRIMARY KEY (tenant, id));
  CREATE INDEX documents_by_case ON documents (tenant, case_id, added_at);
  CREATE TABLE document_chunks (
    tenant ${C} NOT NULL, document_id ${C} NOT NULL, n integer NOT NULL, bytes bytea NOT NULL,
    PRIMARY KEY (tenant, document_id, n));
  `;



export function createPostgresDocuments(db: PostgresDb) {
  const s = {
    ensureTenant: statement('documents.ensureTenant', 'INSERT INTO tenants (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING'),
    insert: statement(
      'documents.insert',
      `INSERT INTO documents (tenant, id, case_id, name, content_type, size, sha256, field, added_at, added_by, storage)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    ),
    insertChunk: statement('documents.insertChunk', 'INSERT INTO document_chunks (tenant, document_id, n, bytes) VALUES ($1, $2, $3, $4)'),
    get: statement('documents.get', 'SELECT * FROM documents WHERE tenant = $1 AND case_id = $2 AND id = $3'),
    list: statement('documents.list', 'SELECT * FROM documents WHERE tenant = $1 AND case_id = $2 ORDER BY added_at, id'),
    chunk: statement('documents.chunk', 'SELECT bytes FROM document_chunks WHERE tenant = $1 AND document_id = $2 AND n = $3'),
    remove: statement('documents.remove', 'UPDATE documents SET removed_at = $1, removed_by = $2 WHERE tenant = $3 AND id = $4 AND removed_at IS NULL'),
    purge: statement('documents.purge', 'DELETE FROM documents WHERE tenant = $1 AND id = $2'),
    purgeChunks: statement('documents.purgeChunks', 'DELETE FROM document_chunks WHERE tenant = $1 AND document_id = $2'),
    orphans: statement(
      'documents.orphans',
      `SELECT d.* FROM documents d WHERE d.added_at < $1 AND NOT EXISTS (
      SELECT 1 FROM history h WHERE h.case_id = d.case_id AND h.event_type = 'document.added'
      AND h.entry -> 'event' -> 'data' -> 'document' ->> 'id' = d.id) ORDER BY d.added_at, d.id LIMIT $2`,
    ),
  };

  return {
    async saveDocument(record: DocumentRecord, contentFile: string): Promise<void> {
      const file = await open(contentFile, 'r');
      try {
        await db.transaction(async (tx) => {
          await tx.rows(s.ensureTenant, [record.tenant, record.addedAt]);
          await tx.rows(s.insert, [
            record.tenant, record.id, record.caseId, record.name, record.contentType, record.size, record.sha256, record.field, record.addedAt, record.addedBy, record.storage,
          ]);
          if (record.storage !== 'database') return;
          const buffer = Buffer.allocUnsafe(DOCUMENT_CHUNK_BYTES);
          for (let n = 0; ; n++) {
            let filled = 0;
            while (filled < buffer.length) {
              const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
              if (bytesRead === 0) break;
              filled += bytesRead;
            }
            if (filled === 0) break;
            await tx.rows(s.insertChunk, [record.tenant, record.id, n, buffer.subarray(0, filled)]);
            if (filled < buffer.length) break;
          }
        });
      } finally {
        await file.close();
      }
    },
    async getDocument(tenant: string, caseId: string, id: string): Promise<DocumentRecord | null> {
      if (hasNul(tenant, caseId, id)) return null;
      const [row] = await db.rows<DocumentRow>(s.get, [tenant, caseId, id]);
      return row === undefined ? null : documentOf(row);
    },
    async listDocuments(tenant: string, caseId: string): Promise<DocumentRecord[]> {
      if (hasNul(tenant, caseId)) return [];
      return (await db.rows<DocumentRow>(s.list, [tenant, caseId])).map(documentOf);
    },
    async *documentContent(tenant: string, id: string): AsyncIterable<Uint8Array> {
      if (hasNul(tenant, id)) return;
      for (let n = 0; ; n++) {
        const [row] = await db.rows<{ bytes: Buffer }>(s.chunk, [tenant, id, n]);
        if (row === undefined) return;
        yield row.bytes;
      }
    },
    async markDocumentRemoved(tenant: string, id: string, at: Instant, by: string): Promise<boolean> {
      if (hasNul(tenant, id)) return false;
      return (await db.changes(s.remove, [at, by, tenant, id])) === 1;
    },
    async orphanDocuments(before: Instant, limit: number): Promise<DocumentRecord[]> {
      return (await db.rows<DocumentRow>(s.orphans, [before, limit])).map(documentOf);
    },
    async purgeDocument(tenant: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.rows(s.purgeChunks, [tenant, id]);
        await tx.rows(s.purge, [tenant, id]);
      });
    },
  };
}
