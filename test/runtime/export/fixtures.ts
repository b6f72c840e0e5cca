// In-memory export inputs and the two validators the export tests use: xmllint against the IEEE
// 1849-2016 XSD (with a chameleon-include wrapper for the XES namespace) and ajv against the OCEL 2.0
// JSON Schema. The official schemas are not in this repository (see `standards` below): the checks
// against them run where they are found and are reported as skipped, with the reason, elsewhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import addFormatsModule from 'ajv-formats';
import type { ExportCase, ExportCaseType, ExportSink, ExportSource, ExportSummary } from '../../../runtime/export/types.ts';
import type { HistoryEntry } from '../../../runtime/engine/index.ts';
import { OCEL_SCHEMA_FILE, standards, XSD } from './standards.ts';

export { STANDARDS, XSD, standards } from './standards.ts';

// ajv and ajv-formats are CommonJS: under ESM the default export may wrap the real one (as in schemas/ajv.ts).
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

/** `it` for a check against the IEEE XES XSD: skipped, with the reason in its name, where it cannot run. */
export const itWithXsd = (name: string, fn: () => void | Promise<void>) =>
  standards.xes === null ? it(name, fn) : it.skip(`${name} — skipped: ${standards.xes}`, fn);

/** `it` for a check against the OCEL 2.0 JSON Schema: skipped, with the reason in its name, where it cannot run. */
export const itWithOcelSchema = (name: string, fn: () => void | Promise<void>) =>
  standards.ocel === null ? it(name, fn) : it.skip(`${name} — skipped: ${standards.ocel}`, fn);

/**
 * Outputs that a test file's tests produced, checked against the official schemas by two tests that
 * `register()` adds at the end of the file (after the tests that fill it, as vitest runs a file's
 * tests in order). The file's other assertions run everywhere.
 */
export function officialSchemaChecks(kinds: { xes?: true; ocel?: true }): { xes(what: string, xml: string): void; ocel(what: string, log: unknown): void; register(): void } {
  const xes: [string, string][] = [];
  const ocel: [string, unknown][] = [];
  return {
    xes: (what, xml) => void xes.push([what, xml]),
    ocel: (what, log) => void ocel.push([what, log]),
    register() {
      describe('the outputs above, against the official schemas', () => {
        if (kinds.xes)
          itWithXsd('every XES log passes the IEEE 1849-2016 XSD', () => {
            expect(xes.length).toBeGreaterThan(0);
            for (const [what, xml] of xes) expect(validateXes(xml), what).toEqual({ valid: true, output: '' });
          });
        if (kinds.ocel)
          itWithOcelSchema('every OCEL log passes the OCEL 2.0 JSON Schema', () => {
            expect(ocel.length).toBeGreaterThan(0);
            for (const [what, log] of ocel) expect(ocelSchemaErrors(log), what).toEqual([]);
          });
      });
    },
  };
}

export const caseTypes: ExportCaseType[] = [
  { key: 'complaint', version: 1, customer: { keys: ['/customer/email', '/customer/phone'], name: '/customer/name' } },
  { key: 'complaint', version: 2, customer: { keys: ['/customer/email', '/customer/phone'], name: '/customer/name' } },
  { key: 'follow-up', version: 1 },
];

function entry(seq: number, at: string, actor: string, type: string, from: HistoryEntry['from'], to: HistoryEntry['to'], extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { seq, at, actor, event: { type }, from, to, patch: [], notes: [], ...extra };
}

/** c-1: a closed complaint with an awkward description; c-2: its child in a parallel state; c-3: the same customer later, renamed. */
export function sampleCases(): ExportCase[] {
  return [
    {
      id: 'c-1', caseType: 'complaint', version: 1, state: 'closed', priority: 'high', channel: 'email', parentId: null,
      data: { customer: { name: 'Anna de Vries', email: 'anna@example.com' }, channel: 'email' },
      createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-06T10:00:00.000Z', closedAt: '2026-01-06T10:00:00.000Z',
      history: [
        {
          ...entry(1, '2026-01-05T09:00:00.000Z', 'web-form', 'case.created', null, 'triage'),
          event: { type: 'case.created', data: { customer: { name: 'Anna de Vries' }, channel: 'email', description: 'Two debits <EUR 49.95> & "why"\u0001\tplease\nnow' } },
        },
        {
          ...entry(2, '2026-01-05T10:30:00.000Z', 'agent-7', 'SUBMIT_TRIAGE', 'triage', { investigating: 'collect' }),
          event: { type: 'SUBMIT_TRIAGE', data: { severity: 'high', count: 3, amount: 49.95, urgent: true, 'odd key': 'x', nested: { a: 1 } } },
          notes: ['High severity: routed to the investigations queue.', 'Supervisor told.'],
        },
        entry(3, '2026-01-05T11:00:00.000Z', 'system', 'timer.remind', { investigating: 'collect' }, { investigating: 'collect' }),
        entry(4, '2026-01-06T10:00:00.000Z', 'agent-7', 'CLOSE', { investigating: 'collect' }, 'closed'),
      ],
    },
    {
      id: 'c-1-c1', caseType: 'follow-up', version: 1, state: { review: { legal: 'check', finance: 'done' } }, priority: 'normal', channel: null, parentId: 'c-1',
      data: {}, createdAt: '2026-01-05T10:30:00.000Z', updatedAt: '2026-01-05T12:00:00.000Z', closedAt: null,
      history: [
        entry(1, '2026-01-05T10:30:00.000Z', 'system', 'case.created', null, { review: { legal: 'check', finance: 'check' } }),
        { ...entry(2, '2026-01-05T12:00:00.000Z', 'agent-2', 'FINANCE_OK', { review: { legal: 'check', finance: 'check' } }, { review: { legal: 'check', finance: 'done' } }), event: { type: 'FINANCE_OK', data: { count: 2.5 } } },
      ],
    },
    {
      id: 'c-3', caseType: 'complaint', version: 2, state: 'triage', priority: 'normal', channel: 'phone', parentId: 'gone',
      data: { customer: { name: 'Anna Jansen', email: 'anna@example.com', phone: '+31 6 1234 5678' } },
      createdAt: '2026-01-07T08:00:00.000Z', updatedAt: '2026-01-07T08:00:00.000Z', closedAt: null,
      history: [
        { ...entry(1, '2026-01-07T08:00:00.000Z', 'phone-line', 'case.created', null, 'triage'), event: { type: 'case.created', data: { channel: 'phone' } } },
        { ...entry(2, '2026-01-07T08:05:00.000Z', 'agent-1', 'SUBMIT_TRIAGE', 'triage', 'triage'), event: { type: 'SUBMIT_TRIAGE', data: { count: 'three' } } },
      ],
    },
  ];
}

/** A source over fixed cases that counts how often it was read. */
export function memorySource(cases: ExportCase[], types: ExportCaseType[] = caseTypes): ExportSource & { reads: number } {
  const source = {
    caseTypes: types,
    reads: 0,
    cases(): Iterable<ExportCase> {
      source.reads += 1;
      return cases;
    },
  };
  return source;
}

/** Runs an exporter into memory; returns the text, the chunks and the summary. */
export async function collect(run: (sink: ExportSink) => Promise<ExportSummary>): Promise<{ text: string; chunks: string[]; summary: ExportSummary }> {
  const chunks: string[] = [];
  const summary = await run((chunk) => void chunks.push(chunk));
  return { text: chunks.join(''), chunks, summary };
}

/**
 * Validates XES text with xmllint against the 2016 XSD. A `<log>` without namespace validates
 * directly; in the XES namespace it validates through a chameleon include of the same XSD (the XSD
 * has no targetNamespace); any other namespace fails. Returns xmllint's verdict and its messages.
 */
export function validateXes(xml: string): { valid: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-xes-'));
  try {
    const file = join(dir, 'log.xes');
    writeFileSync(file, xml);
    const root = /<log\b[^>]*>/.exec(xml)?.[0] ?? '';
    const namespace = /\sxmlns="([^"]*)"/.exec(root)?.[1];
    let schema = XSD;
    if (namespace === 'http://www.xes-standard.org/') {
      schema = join(dir, 'xes-namespace.xsd');
      writeFileSync(
        schema,
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.xes-standard.org/"',
          '  xmlns="http://www.xes-standard.org/" elementFormDefault="qualified">',
          `  <xs:include schemaLocation="${pathToFileURL(XSD).href}"/>`,
          '</xs:schema>',
        ].join('\n'),
      );
    } else if (namespace !== undefined) {
      return { valid: false, output: `namespace ${namespace} is not XES` };
    }
    try {
      const output = execFileSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { valid: true, output };
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      return { valid: false, output: e.stderr ?? e.message };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ajv (draft-07, ajv-formats) against the OCEL 2.0 JSON Schema: the errors as `pointer message` lines. */
export function ocelSchemaErrors(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(OCEL_SCHEMA_FILE, 'utf8')) as object);
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
