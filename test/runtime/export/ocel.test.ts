import { describe, expect, it } from 'vitest';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import { caseObject, mergeTypes, ocelEvent, ocelTime, toOcel, valueChanges } from '../../../runtime/export/ocel.ts';
import { collect, memorySource, officialSchemaChecks, sampleCases } from './fixtures.ts';

const official = officialSchemaChecks({ ocel: true });

async function exportSample(): Promise<{ log: OcelLog; text: string; chunks: string[]; reads: number }> {
  const source = memorySource(sampleCases());
  const { text, chunks } = await collect((sink) => toOcel(source, sink));
  return { log: JSON.parse(text) as OcelLog, text, chunks, reads: source.reads };
}

describe('toOcel', () => {
  it('writes a log the cross-reference checks accept (and the OCEL 2.0 JSON Schema, below)', async () => {
    const { log, reads } = await exportSample();
    official.ocel('the sample cases', log);
    expect(checkOcel(log)).toEqual([]);
    // one pass for the events, one for the objects
    expect(reads).toBe(2);
  });

  it('streams: every chunk ends with a line break, one chunk per case and pass', async () => {
    const { chunks, log } = await exportSample();
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks[0]).toBe('{\n"events": [\n');
    expect(log.events).toHaveLength(8);
  });

  it('relates each event to its case and its customer, with string attribute values', async () => {
    const { log } = await exportSample();
    expect(log.events[1]).toEqual({
      id: 'c-1#2',
      type: 'SUBMIT_TRIAGE',
      time: '2026-01-05T10:30:00.000Z',
      attributes: [
        { name: 'actor', value: 'agent-7' },
        { name: 'seq', value: '2' },
        { name: 'from', value: 'triage' },
        { name: 'to', value: 'investigating.collect' },
        { name: 'notes', value: 'High severity: routed to the investigations queue.\nSupervisor told.' },
        { name: 'data.severity', value: 'high' },
        { name: 'data.count', value: '3' },
        { name: 'data.amount', value: '49.95' },
        { name: 'data.urgent', value: 'true' },
        { name: 'data.odd key', value: 'x' },
      ],
      relationships: [
        { objectId: 'c-1', qualifier: 'case' },
        { objectId: 'customer:anna@example.com', qualifier: 'customer' },
      ],
    });
    expect(log.events.map((e) => e.id)).toEqual(['c-1#1', 'c-1#2', 'c-1#3', 'c-1#4', 'c-1-c1#1', 'c-1-c1#2', 'c-3#1', 'c-3#2']);
    // the child case has no customer: only its case
    expect(log.events[4]?.relationships).toEqual([{ objectId: 'c-1-c1', qualifier: 'case' }]);
    expect(log.events[4]?.attributes).toEqual([
      { name: 'actor', value: 'system' },
      { name: 'seq', value: '1' },
      { name: 'to', value: 'review.{legal.check, finance.check}' },
    ]);
  });

  it('writes cases as objects with their state over time, and the child → parent relationship', async () => {
    const { log } = await exportSample();
    expect(log.objects[0]).toEqual({
      id: 'c-1',
      type: 'complaint',
      attributes: [
        { name: 'version', value: '1', time: '2026-01-05T09:00:00.000Z' },
        { name: 'channel', value: 'email', time: '2026-01-05T09:00:00.000Z' },
        { name: 'priority', value: 'high', time: '2026-01-06T10:00:00.000Z' },
        { name: 'state', value: 'triage', time: '2026-01-05T09:00:00.000Z' },
        { name: 'state', value: 'investigating.collect', time: '2026-01-05T10:30:00.000Z' },
        { name: 'state', value: 'closed', time: '2026-01-06T10:00:00.000Z' },
      ],
      relationships: [{ objectId: 'customer:anna@example.com', qualifier: 'customer' }],
    });
    expect(log.objects[1]?.relationships).toEqual([{ objectId: 'c-1', qualifier: 'parent' }]);
    // c-3's parent "gone" is not in the export: no dangling relationship
    expect(log.objects[2]?.relationships).toEqual([{ objectId: 'customer:anna@example.com', qualifier: 'customer' }]);
  });

  it('writes one customer object per identity, with attribute values as they changed across cases', async () => {
    const { log } = await exportSample();
    expect(log.objects).toHaveLength(4);
    expect(log.objects[3]).toEqual({
      id: 'customer:anna@example.com',
      type: 'customer',
      attributes: [
        { name: 'email', value: 'anna@example.com', time: '2026-01-05T09:00:00.000Z' },
        { name: 'name', value: 'Anna de Vries', time: '2026-01-05T09:00:00.000Z' },
        { name: 'name', value: 'Anna Jansen', time: '2026-01-07T08:00:00.000Z' },
        { name: 'phone', value: '+31 6 1234 5678', time: '2026-01-07T08:00:00.000Z' },
      ],
      relationships: [],
    });
  });

  it('declares object types and event types, payload attributes typed by what was seen', async () => {
    const { log } = await exportSample();
    const caseAttributes = [
      { name: 'version', type: 'integer' },
      { name: 'channel', type: 'string' },
      { name: 'priority', type: 'string' },
      { name: 'state', type: 'string' },
    ];
    expect(log.objectTypes).toEqual([
      { name: 'complaint', attributes: caseAttributes },
      { name: 'follow-up', attributes: caseAttributes },
      { name: 'customer', attributes: [{ name: 'email', type: 'string' }, { name: 'name', type: 'string' }, { name: 'phone', type: 'string' }] },
    ]);
    const base = [
      { name: 'actor', type: 'string' },
      { name: 'partner', type: 'string' },
      { name: 'seq', type: 'integer' },
      { name: 'from', type: 'string' },
      { name: 'to', type: 'string' },
      { name: 'notes', type: 'string' },
    ];
    expect(log.eventTypes.map((t) => t.name)).toEqual(['CLOSE', 'FINANCE_OK', 'SUBMIT_TRIAGE', 'case.created', 'timer.remind']);
    expect(log.eventTypes.find((t) => t.name === 'SUBMIT_TRIAGE')?.attributes).toEqual([
      ...base,
      { name: 'data.severity', type: 'string' },
      // 3 in c-1, "three" in c-3: a string fits both
      { name: 'data.count', type: 'string' },
      { name: 'data.amount', type: 'float' },
      { name: 'data.urgent', type: 'boolean' },
      { name: 'data.odd key', type: 'string' },
    ]);
    expect(log.eventTypes.find((t) => t.name === 'FINANCE_OK')?.attributes).toEqual([...base, { name: 'data.count', type: 'float' }]);
  });

  it('names the customer object type apart when a case type is itself called "customer"', async () => {
    const kase = { ...(sampleCases()[0] as (ReturnType<typeof sampleCases>)[number]), caseType: 'customer' };
    const source = memorySource([kase], [{ key: 'customer', version: 1, customer: { keys: ['/customer/email'] } }]);
    const log = JSON.parse((await collect((sink) => toOcel(source, sink))).text) as OcelLog;
    expect(log.objectTypes.map((t) => t.name)).toEqual(['customer', 'customer-identity']);
    expect(checkOcel(log)).toEqual([]);
  });

  it('gives the same customer values whatever order the cases come in', async () => {
    const newestFirst = memorySource(sampleCases().reverse());
    const log = JSON.parse((await collect((sink) => toOcel(newestFirst, sink))).text) as OcelLog;
    expect(log.objects.find((o) => o.id === 'customer:anna@example.com')?.attributes).toEqual([
      { name: 'email', value: 'anna@example.com', time: '2026-01-05T09:00:00.000Z' },
      { name: 'name', value: 'Anna de Vries', time: '2026-01-05T09:00:00.000Z' },
      { name: 'name', value: 'Anna Jansen', time: '2026-01-07T08:00:00.000Z' },
      { name: 'phone', value: '+31 6 1234 5678', time: '2026-01-07T08:00:00.000Z' },
    ]);
    expect(checkOcel(log)).toEqual([]);
  });

  it('leaves out of the objects a case that appeared only in the second pass', async () => {
    const [first, ...rest] = sampleCases();
    let pass = 0;
    const source = { caseTypes: memorySource([]).caseTypes, cases: () => (++pass === 1 ? rest : [first as ExportCase, ...rest]) };
    const log = JSON.parse((await collect((sink) => toOcel(source, sink))).text) as OcelLog;
    expect(log.objects.map((o) => o.id)).toEqual(['c-1-c1', 'c-3', 'customer:anna@example.com']);
    expect(checkOcel(log)).toEqual([]);
  });

  it('an empty source is a valid empty log', async () => {
    const { text } = await collect((sink) => toOcel(memorySource([]), sink));
    expect(text).toBe('{\n"events": [\n],\n"objects": [\n],\n"objectTypes": [],\n"eventTypes": []\n}\n');
    official.ocel('the empty log', JSON.parse(text));
    expect(checkOcel(JSON.parse(text) as OcelLog)).toEqual([]);
  });
});

describe('OCEL pieces', () => {
  it('ocelTime keeps RFC 3339 instants and converts other parseable times to UTC', () => {
    expect(ocelTime('2026-01-05T09:00:00.000Z')).toBe('2026-01-05T09:00:00.000Z');
    expect(ocelTime('2026-01-05T10:00:00+01:00')).toBe('2026-01-05T10:00:00+01:00');
    expect(ocelTime('2026-01-05T09:00:00')).toBe(new Date(Date.parse('2026-01-05T09:00:00')).toISOString());
    expect(ocelTime('not a time')).toBe('not a time');
  });

  it('valueChanges sorts by time and drops repeats of the value before', () => {
    expect(valueChanges([
      { value: 'b', time: '2026-01-03T00:00:00Z' },
      { value: 'a', time: '2026-01-01T00:00:00Z' },
      { value: 'a', time: '2026-01-02T00:00:00Z' },
      { value: 'a', time: '2026-01-04T00:00:00Z' },
    ])).toEqual([
      { value: 'a', time: '2026-01-01T00:00:00Z' },
      { value: 'b', time: '2026-01-03T00:00:00Z' },
      { value: 'a', time: '2026-01-04T00:00:00Z' },
    ]);
  });

  it('mergeTypes widens integer to float and anything else mixed to string', () => {
    expect(mergeTypes('integer', 'integer')).toBe('integer');
    expect(mergeTypes('integer', 'float')).toBe('float');
    expect(mergeTypes('float', 'integer')).toBe('float');
    expect(mergeTypes('boolean', 'integer')).toBe('string');
  });

  it('ocelEvent leaves nested payload members out', () => {
    const event = ocelEvent('k', { seq: 1, at: '2026-01-05T09:00:00Z', actor: 's', event: { type: 'case.created', data: { customer: { name: 'A' }, tags: ['x'], n: null } }, from: null, to: 't', patch: [], notes: [] }, null);
    expect(event.attributes).toEqual([
      { name: 'actor', value: 's' },
      { name: 'seq', value: '1' },
      { name: 'to', value: 't' },
    ]);
  });

  it('caseObject gives a state value only when the state changed', () => {
    const kase = sampleCases()[0] as ReturnType<typeof sampleCases>[number];
    const object = caseObject({ ...kase, channel: null }, null, new Set());
    expect(object.attributes.filter((a) => a.name === 'state').map((a) => a.value)).toEqual(['triage', 'investigating.collect', 'closed']);
    expect(object.attributes.some((a) => a.name === 'channel')).toBe(false);
    expect(object.relationships).toEqual([]);
  });
});

official.register();
