// The sweep of documents a host stored and then died before its case's commit (issue 20,
// docs/documents.md): on a real SQLite file and a real PostgreSQL database (skipped, saying why,
// without one), through the document service as a host runs it at start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createDocumentService } from '../../../runtime/host/document-service.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { claimTemplates, pdfBytes } from './fixtures.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const agent = { id: 'dana', roles: ['agent'] };

const targets: { name: string; skip: string | null; open(dir: string): Promise<{ store: CaseStore; drop(): Promise<void> }> }[] = [
  { name: 'SQLite', skip: null, open: async (dir) => ({ store: createSqliteStore({ file: join(dir, 'dossier.db') }), drop: async () => undefined }) },
  {
    name: 'PostgreSQL',
    skip: unavailable === null ? null : skipNote,
    open: async () => {
      const database = await scratchDatabase();
      return { store: await createPostgresStore({ url: database.url }), drop: () => database.drop() };
    },
  },
];

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  return bytes;
}

for (const target of targets) {
  describe.skipIf(target.skip !== null)(`the documents sweep on ${target.name}${target.skip === null ? '' : ` (skipped: ${target.skip})`}`, () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it('deletes a document no history entry names once it is old enough, and keeps the recorded ones', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-sweep-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const { store, drop } = await target.open(dir);
      cleanups.push(drop);
      cleanups.push(() => store.close());
      const clock = createManualClock(T0);
      await seedTemplates(store, claimTemplates(dir), T0, silentLogger);
      const cases = createCaseService({ store, engine, clock, logger: silentLogger });
      const documents = createDocumentService({ store, cases, clock, logger: silentLogger });
      const created = await cases.createCase('default', { caseType: 'claim', data: { customer: 'Ada' } }, agent);
      if (!created.ok || created.replay === true) throw new Error('the claim was not created');
      const caseId = created.case.id;

      // given a document recorded as usual, and one stored by a host that died before the case's commit
      const recorded = await documents.add('default', caseId, { name: 'receipt.pdf', content: pdfBytes, field: '/proofs', by: agent });
      if (!recorded.ok) throw new Error(recorded.message);
      const content = join(dir, 'orphan.pdf');
      writeFileSync(content, pdfBytes);
      const orphan = { ...recorded.value.document, id: 'orphan-1', name: 'lost.pdf', addedAt: clock.now() };
      await store.saveDocument(orphan, content);
      expect((await store.listDocuments('default', caseId)).map((d) => d.name).sort()).toEqual(['lost.pdf', 'receipt.pdf']);

      // when the sweep runs while it may still be an upload in progress, it is kept
      clock.advance(5 * 60_000);
      expect(await documents.sweep()).toBe(0);
      expect(await store.getDocument('default', caseId, 'orphan-1')).not.toBeNull();

      // then, past the age, it and its content are gone, and the recorded one is as it was
      clock.advance(6 * 60_000);
      expect(await documents.sweep()).toBe(1);
      expect(await store.getDocument('default', caseId, 'orphan-1')).toBeNull();
      expect(await drain(store.documentContent('default', 'orphan-1'))).toBe(0);
      expect((await store.listDocuments('default', caseId)).map((d) => d.id)).toEqual([recorded.value.document.id]);
      expect(await drain(store.documentContent('default', recorded.value.document.id))).toBe(pdfBytes.length);
      expect(await documents.sweep()).toBe(0);
    });
  });
}
