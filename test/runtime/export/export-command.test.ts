// `dossier export` end to end: a real SQLite file written by the store and the case service (the
// templates seeded, cases created and moved by the real engine), then read back read-only.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CommandIo } from '../../../runtime/cli/main.ts';
import * as engine from '../../../runtime/engine/index.ts';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { officialSchemaChecks } from './fixtures.ts';

const official = officialSchemaChecks({ xes: true, ocel: true });

const START = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');
const agent = { id: 'agent-anna', roles: ['admin'] };

let dir: string;
let db: string;
const ids: string[] = [];

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line), cwd: dir };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-'));
  db = join(dir, 'dossier.db');
  const store = createSqliteStore({ file: db });
  const clock = createManualClock(START);
  await seedTemplates(store, TEMPLATES, START, silentLogger);
  const service = createCaseService({ store, engine, clock, logger: silentLogger });
  const customer = { name: 'Anna de Vries', email: 'anna.devries@example.com' };
  const first = await service.createCase('default', { caseType: 'complaint', channel: 'email', data: { customer, channel: 'email', description: 'Charged twice <again> & "why"' } }, agent);
  if (!first.ok || first.replay === true) throw new Error('could not create the first complaint');
  ids.push(first.case.id);
  clock.advance(90 * 60_000);
  const triage = await service.sendEvent('default', first.case.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } }, agent);
  if (!triage.ok) throw new Error('triage was rejected');
  clock.advance(60 * 60_000);
  const second = await service.createCase('default', { caseType: 'complaint', channel: 'phone', parentId: first.case.id, data: { customer, channel: 'phone', description: 'And again.' } }, agent);
  if (!second.ok || second.replay === true) throw new Error('could not create the second complaint');
  ids.push(second.case.id);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier export', () => {
  it('writes a valid XES log to a file', async () => {
    const io = capture();
    expect(await main(['export', '--db', 'dossier.db', '--format', 'xes', '-o', 'out/log.xes'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: wrote out/log.xes: 2 cases, 3 events (XES)']);
    const xml = readFileSync(join(dir, 'out/log.xes'), 'utf8');
    official.xes('the XES file', xml);
    expect(existsSync(join(dir, 'out/log.xes.partial'))).toBe(false);
    expect(xml).toContain(`<string key="concept:name" value="${ids[0]}"/>`);
    expect(xml).toContain('<string key="concept:name" value="SUBMIT_TRIAGE"/>');
    expect(xml).toContain('<date key="time:timestamp" value="2026-01-05T10:30:00.000Z"/>');
    expect(xml).toContain('<string key="org:resource" value="agent-anna"/>');
    expect(xml).toContain('<string key="dossier:to" value="investigating.collect"/>');
    expect(xml).toContain('<string key="data:description" value="Charged twice &lt;again&gt; &amp; &quot;why&quot;"/>');
    expect(xml).toContain(`<string key="dossier:parentId" value="${ids[0]}"/>`);
  });

  it('writes a valid OCEL 2.0 log to stdout, one customer linked to both cases', async () => {
    const io = capture();
    expect(await main(['export', '--db', db, '--format=ocel', '--case-type', 'complaint'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: 2 cases, 3 events (OCEL 2.0)']);
    const log = JSON.parse(io.stdout.join('\n')) as OcelLog;
    official.ocel('the OCEL log on stdout', log);
    expect(checkOcel(log)).toEqual([]);
    expect(log.events.map((e) => `${e.type} ${e.time}`)).toEqual([
      'case.created 2026-01-05T09:00:00.000Z',
      'SUBMIT_TRIAGE 2026-01-05T10:30:00.000Z',
      'case.created 2026-01-05T11:30:00.000Z',
    ]);
    expect(log.objects.map((o) => `${o.type} ${o.id}`)).toEqual([`complaint ${ids[0]}`, `complaint ${ids[1]}`, 'customer customer:anna.devries@example.com']);
    expect(log.objects[1]?.relationships).toEqual([
      { objectId: ids[0], qualifier: 'parent' },
      { objectId: 'customer:anna.devries@example.com', qualifier: 'customer' },
    ]);
    expect(log.events[1]?.relationships).toEqual([
      { objectId: ids[0], qualifier: 'case' },
      { objectId: 'customer:anna.devries@example.com', qualifier: 'customer' },
    ]);
  });

  it('exports nothing for another tenant, and an empty log for a case type without cases', async () => {
    const io = capture();
    expect(await main(['export', '--db', db, '--format', 'xes', '--case-type', 'order-inquiry'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: 0 cases, 0 events (XES)']);
    official.xes('the empty XES log', io.stdout.join('\n') + '\n');
    expect(io.stdout.join('\n')).toContain('<log ');
    const other = capture();
    expect(await main(['export', '--db', db, '--format', 'ocel', '--tenant', 'acme'], other)).toBe(0);
    expect(other.stderr).toEqual(['dossier export: 0 cases, 0 events (OCEL 2.0)']);
  });

  it('fails with exit 1 for a missing database, a file that is not one, or an unknown case type', async () => {
    const missing = capture();
    expect(await main(['export', '--db', 'nope.db', '--format', 'xes'], missing)).toBe(1);
    expect(missing.stderr[0]).toMatch(/^dossier export: cannot open '.*nope\.db': /);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
    writeFileSync(join(dir, 'empty.db'), '');
    const empty = capture();
    expect(await main(['export', '--db', 'empty.db', '--format', 'xes'], empty)).toBe(1);
    expect(empty.stderr).toEqual([`dossier export: '${join(dir, 'empty.db')}' is not a Dossier database (no cases and history tables); start 'dossier serve --db ${join(dir, 'empty.db')}' once to create one`]);
    const unknown = capture();
    expect(await main(['export', '--db', db, '--format', 'xes', '--case-type', 'nope'], unknown)).toBe(1);
    expect(unknown.stderr).toEqual(["dossier export: no published case type 'nope' in tenant 'default'"]);
  });

  it('exits 2 for bad usage', async () => {
    const cases: [string[], string][] = [
      [['--db', db], 'dossier export: name the format: --format xes or --format ocel'],
      [['--db', db, '--format', 'csv'], "dossier export: unknown format 'csv': use --format xes or --format ocel"],
      [['--db', db, '--format', 'xes', '--bogus'], "dossier export: unknown option '--bogus'. Run dossier export --help."],
      [['--format', 'xes', 'extra'], "dossier export: unexpected argument 'extra'. Run dossier export --help."],
      [['--format', 'xes', '-o'], 'dossier export: -o needs a value, e.g. -o log.xes'],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(['export', ...args], io)).toBe(2);
      expect(io.stderr).toEqual([message]);
    }
    const help = capture();
    expect(await main(['export', '--help'], help)).toBe(0);
    expect(help.stdout[0]?.split('\n')[0]).toBe('Usage: dossier export --db FILE --format xes|ocel [--case-type K] [--tenant T] [-o FILE]');
  });
});

official.register();
