import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventAttributes, toXes } from '../../../runtime/export/xes.ts';
import { collect, itWithXsd, memorySource, officialSchemaChecks, sampleCases, STANDARDS, validateXes } from './fixtures.ts';

const official = officialSchemaChecks({ xes: true });

describe('toXes', () => {
  it('writes a log of every sample case (checked against the IEEE 1849-2016 XSD below)', async () => {
    // given three cases, one with control characters and markup in its payload
    const source = memorySource(sampleCases());
    // when
    const { text, summary } = await collect((sink) => toXes(source, sink));
    // then
    official.xes('the three sample cases', text);
    expect(text.match(/<trace>/g)).toHaveLength(3);
    expect(summary).toEqual({ cases: 3, events: 8 });
    expect(source.reads).toBe(1);
  });

  it('declares the header in the order the XSD requires: extensions, globals, classifiers, log attributes', async () => {
    const { text } = await collect((sink) => toXes(memorySource([]), sink, { name: 'Complaints 2026' }));
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">',
        '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
        '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
        '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
        '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
        '  <global scope="trace">',
        '    <string key="concept:name" value="__INVALID__"/>',
        '    <string key="dossier:caseType" value="__INVALID__"/>',
        '    <int key="dossier:version" value="0"/>',
        '    <string key="dossier:priority" value="normal"/>',
        '    <string key="dossier:state" value="__INVALID__"/>',
        '  </global>',
        '  <global scope="event">',
        '    <string key="concept:name" value="__INVALID__"/>',
        '    <date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>',
        '    <string key="org:resource" value="__INVALID__"/>',
        '    <string key="lifecycle:transition" value="complete"/>',
        '    <int key="dossier:seq" value="0"/>',
        '    <string key="dossier:to" value="__INVALID__"/>',
        '  </global>',
        '  <classifier name="Activity" keys="concept:name"/>',
        '  <classifier name="Stage" keys="dossier:to"/>',
        '  <string key="concept:name" value="Complaints 2026"/>',
        '</log>',
        '',
      ].join('\n'),
    );
    official.xes('the empty log with a name', text);
  });

  it('writes one trace per case with its attributes, and escapes XML in values', async () => {
    const { text, chunks } = await collect((sink) => toXes(memorySource(sampleCases()), sink));
    // one chunk for the header, one per trace, one for the end
    expect(chunks).toHaveLength(5);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks[1]).toBe(
      [
        '  <trace>',
        '    <string key="concept:name" value="c-1"/>',
        '    <string key="dossier:caseType" value="complaint"/>',
        '    <int key="dossier:version" value="1"/>',
        '    <string key="dossier:priority" value="high"/>',
        '    <string key="dossier:state" value="closed"/>',
        '    <string key="dossier:channel" value="email"/>',
        '    <string key="dossier:customer" value="customer:anna@example.com"/>',
        '    <date key="dossier:createdAt" value="2026-01-05T09:00:00.000Z"/>',
        '    <date key="dossier:closedAt" value="2026-01-06T10:00:00.000Z"/>',
        '    <event>',
        '      <string key="concept:name" value="case.created"/>',
        '      <date key="time:timestamp" value="2026-01-05T09:00:00.000Z"/>',
        '      <string key="org:resource" value="web-form"/>',
        '      <string key="lifecycle:transition" value="complete"/>',
        '      <int key="dossier:seq" value="1"/>',
        '      <string key="dossier:to" value="triage"/>',
        '      <string key="data:channel" value="email"/>',
        '      <string key="data:description" value="Two debits &lt;EUR 49.95&gt; &amp; &quot;why&quot;\uFFFD&#9;please&#10;now"/>',
        '    </event>',
        '    <event>',
        '      <string key="concept:name" value="SUBMIT_TRIAGE"/>',
        '      <date key="time:timestamp" value="2026-01-05T10:30:00.000Z"/>',
        '      <string key="org:resource" value="agent-7"/>',
        '      <string key="lifecycle:transition" value="complete"/>',
        '      <int key="dossier:seq" value="2"/>',
        '      <string key="dossier:from" value="triage"/>',
        '      <string key="dossier:to" value="investigating.collect"/>',
        '      <string key="dossier:notes" value="High severity: routed to the investigations queue.&#10;Supervisor told."/>',
        '      <string key="data:severity" value="high"/>',
        '      <int key="data:count" value="3"/>',
        '      <float key="data:amount" value="49.95"/>',
        '      <boolean key="data:urgent" value="true"/>',
        '      <string key="data:odd_key" value="x"/>',
        '    </event>',
        '    <event>',
        '      <string key="concept:name" value="timer.remind"/>',
        '      <date key="time:timestamp" value="2026-01-05T11:00:00.000Z"/>',
        '      <string key="org:resource" value="system"/>',
        '      <string key="lifecycle:transition" value="complete"/>',
        '      <int key="dossier:seq" value="3"/>',
        '      <string key="dossier:from" value="investigating.collect"/>',
        '      <string key="dossier:to" value="investigating.collect"/>',
        '    </event>',
        '    <event>',
        '      <string key="concept:name" value="CLOSE"/>',
        '      <date key="time:timestamp" value="2026-01-06T10:00:00.000Z"/>',
        '      <string key="org:resource" value="agent-7"/>',
        '      <string key="lifecycle:transition" value="complete"/>',
        '      <int key="dossier:seq" value="4"/>',
        '      <string key="dossier:from" value="investigating.collect"/>',
        '      <string key="dossier:to" value="closed"/>',
        '    </event>',
        '  </trace>',
        '',
      ].join('\n'),
    );
    expect(text.endsWith('</log>\n')).toBe(true);
  });

  it('labels parallel states and names the parent of a child case', async () => {
    const { chunks } = await collect((sink) => toXes(memorySource(sampleCases()), sink));
    const child = chunks[2] as string;
    expect(child).toContain('<string key="dossier:state" value="review.{legal.check, finance.done}"/>');
    expect(child).toContain('<string key="dossier:parentId" value="c-1"/>');
    expect(child).not.toContain('dossier:channel');
    expect(child).not.toContain('dossier:customer');
    expect(child).toContain('<string key="dossier:from" value="review.{legal.check, finance.check}"/>');
    expect(child).toContain('<float key="data:count" value="2.5"/>');
  });

  it('keeps the first of two payload members whose keys sanitise alike', () => {
    const attributes = eventAttributes({
      seq: 5, at: '2026-01-05T09:00:00.000Z', actor: 'a', event: { type: 'X', data: { 'a b': 1, a_b: 2, '9lives': false } }, from: 'p', to: 'q', patch: [], notes: [],
    });
    expect(attributes.slice(7)).toEqual([
      { type: 'int', key: 'data:a_b', value: '1' },
      { type: 'boolean', key: 'data:9lives', value: 'false' },
    ]);
  });

  itWithXsd('the validator rejects what the XSD forbids (a sanity check of the validator itself)', () => {
    // the shipped example validates
    expect(validateXes(readFileSync(join(STANDARDS, 'examples', 'small_04.xes'), 'utf8')).valid).toBe(true);
    // pm4py's xes.version="1849-2016" is not an xs:decimal
    const bad = validateXes('<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/"/>');
    expect(bad.valid).toBe(false);
    expect(bad.output).toContain("'1849-2016' is not a valid value of the atomic type 'xs:decimal'");
    // a key with a space is not an xs:Name
    expect(validateXes('<log xes.version="1.0"><string key="my key" value="x"/></log>').valid).toBe(false);
    // no namespace validates directly; another namespace fails
    expect(validateXes('<log xes.version="1.0"><trace/></log>').valid).toBe(true);
    expect(validateXes('<log xes.version="1.0" xmlns="urn:other"/>').valid).toBe(false);
  });
});

official.register();
