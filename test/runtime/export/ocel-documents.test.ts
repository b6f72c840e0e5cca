// Documents of the case file in the OCEL 2.0 export (issue 20): each a `document` object related to its
// case, and the `document.added` / `document.removed` events related to it.
import { describe, expect, it } from 'vitest';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import { toOcel } from '../../../runtime/export/ocel.ts';
import { collect, memorySource, officialSchemaChecks } from './fixtures.ts';

const official = officialSchemaChecks({ ocel: true });

const receipt = { id: 'd-1', name: 'receipt.pdf', contentType: 'application/pdf', size: 1234, sha256: 'a'.repeat(64) };
const photo = { id: 'd-2', name: 'kettle.png', contentType: 'image/png', size: 99, sha256: 'b'.repeat(64) };

function claim(caseType = 'claim'): ExportCase {
  const at = (h: number) => `2026-01-05T${String(h).padStart(2, '0')}:00:00.000Z`;
  const base = { from: 'open', to: 'open', patch: [], notes: [] };
  return {
    id: 'k-1', caseType, version: 1, state: 'open', priority: 'normal', channel: 'web', parentId: null, data: {},
    createdAt: at(9), updatedAt: at(12), closedAt: null,
    history: [
      { ...base, seq: 1, at: at(9), actor: 'web-form', from: null, event: { type: 'case.created' } },
      { ...base, seq: 2, at: at(10), actor: 'dana', event: { type: 'document.added', data: { document: receipt, field: '/proofs' } } },
      { ...base, seq: 3, at: at(11), actor: 'dana', event: { type: 'document.added', data: { document: photo } } },
      { ...base, seq: 4, at: at(12), actor: 'piet', event: { type: 'document.removed', data: { document: photo } } },
    ],
  };
}

async function exportOf(cases: ExportCase[], types = [{ key: 'claim', version: 1 }]): Promise<OcelLog> {
  const { text } = await collect((sink) => toOcel(memorySource(cases, types), sink));
  return JSON.parse(text) as OcelLog;
}

describe('documents in the OCEL export', () => {
  it('writes each document as an object related to its case, with its facts and when it was added and removed', async () => {
    const log = await exportOf([claim()]);
    official.ocel('a claim with documents', log);
    expect(checkOcel(log)).toEqual([]);
    const documents = log.objects.filter((o) => o.type === 'document');
    expect(documents).toEqual([
      {
        id: 'document:d-1',
        type: 'document',
        attributes: [
          { name: 'name', value: 'receipt.pdf', time: '2026-01-05T10:00:00.000Z' },
          { name: 'contentType', value: 'application/pdf', time: '2026-01-05T10:00:00.000Z' },
          { name: 'size', value: '1234', time: '2026-01-05T10:00:00.000Z' },
          { name: 'sha256', value: 'a'.repeat(64), time: '2026-01-05T10:00:00.000Z' },
          { name: 'field', value: '/proofs', time: '2026-01-05T10:00:00.000Z' },
          { name: 'status', value: 'in case file', time: '2026-01-05T10:00:00.000Z' },
        ],
        relationships: [{ objectId: 'k-1', qualifier: 'case' }],
      },
      {
        id: 'document:d-2',
        type: 'document',
        attributes: [
          { name: 'name', value: 'kettle.png', time: '2026-01-05T11:00:00.000Z' },
          { name: 'contentType', value: 'image/png', time: '2026-01-05T11:00:00.000Z' },
          { name: 'size', value: '99', time: '2026-01-05T11:00:00.000Z' },
          { name: 'sha256', value: 'b'.repeat(64), time: '2026-01-05T11:00:00.000Z' },
          { name: 'status', value: 'in case file', time: '2026-01-05T11:00:00.000Z' },
          { name: 'status', value: 'removed', time: '2026-01-05T12:00:00.000Z' },
        ],
        relationships: [{ objectId: 'k-1', qualifier: 'case' }],
      },
    ]);
    expect(log.objectTypes.map((t) => t.name)).toEqual(['claim', 'document']);
  });

  it('relates the add and remove events to their document, and no other event', async () => {
    const log = await exportOf([claim()]);
    expect(log.events.map((e) => [e.type, e.relationships])).toEqual([
      ['case.created', [{ objectId: 'k-1', qualifier: 'case' }]],
      ['document.added', [{ objectId: 'k-1', qualifier: 'case' }, { objectId: 'document:d-1', qualifier: 'document' }]],
      ['document.added', [{ objectId: 'k-1', qualifier: 'case' }, { objectId: 'document:d-2', qualifier: 'document' }]],
      ['document.removed', [{ objectId: 'k-1', qualifier: 'case' }, { objectId: 'document:d-2', qualifier: 'document' }]],
    ]);
  });

  it('names the document object type apart when a case type is itself called "document"', async () => {
    const log = await exportOf([claim('document')], [{ key: 'document', version: 1 }]);
    expect(checkOcel(log)).toEqual([]);
    expect(log.objectTypes.map((t) => t.name)).toEqual(['document', 'case-document']);
    expect(log.objects.filter((o) => o.type === 'case-document').map((o) => o.id)).toEqual(['document:d-1', 'document:d-2']);
  });
});

official.register();
