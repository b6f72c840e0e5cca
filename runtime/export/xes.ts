// The history as an IEEE 1849-2016 XES log: one trace per case, one event per history entry.
// Activity (concept:name) is the event type; the state entered is `dossier:to`, with a second
// classifier `Stage` over it for a time-per-stage view. Streams one chunk per trace.
import type { HistoryEntry } from '../engine/index.ts';
import { createCaseTypeLookup, customerOf, payloadScalars, stateText, type Scalar } from './case-facts.ts';
import type { ExportCase, ExportSink, ExportSource, ExportSummary } from './types.ts';
import { xesKey, xmlAttributeValue } from './xml-text.ts';

export const XES_NAMESPACE = 'http://www.xes-standard.org/';

export interface XesOptions {
  /** The log's concept:name (default "Dossier event log"). */
  name?: string;
}

type XesAttribute = { type: 'string' | 'date' | 'int' | 'float' | 'boolean'; key: string; value: string };

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  `<log xes.version="1.0" xmlns="${XES_NAMESPACE}">`,
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
];

/** Writes the XES log of `source` to `sink`; returns how many traces and events were written. */
export async function toXes(source: ExportSource, sink: ExportSink, options: XesOptions = {}): Promise<ExportSummary> {
  const lookup = createCaseTypeLookup(source.caseTypes);
  const header = [...HEADER, `  ${attribute({ type: 'string', key: 'concept:name', value: options.name ?? 'Dossier event log' })}`];
  await sink(header.join('\n') + '\n');
  const summary: ExportSummary = { cases: 0, events: 0 };
  for await (const kase of source.cases()) {
    const customer = customerOf(kase, lookup(kase));
    await sink(traceXml(kase, customer?.id ?? null));
    summary.cases += 1;
    summary.events += kase.history.length;
  }
  await sink('</log>\n');
  return summary;
}

function traceXml(kase: ExportCase, customerId: string | null): string {
  const attributes: XesAttribute[] = [
    { type: 'string', key: 'concept:name', value: kase.id },
    { type: 'string', key: 'dossier:caseType', value: kase.caseType },
    { type: 'int', key: 'dossier:version', value: String(kase.version) },
    { type: 'string', key: 'dossier:priority', value: kase.priority },
    { type: 'string', key: 'dossier:state', value: stateText(kase.state) },
  ];
  if (kase.channel !== null) attributes.push({ type: 'string', key: 'dossier:channel', value: kase.channel });
  if (kase.parentId !== null) attributes.push({ type: 'string', key: 'dossier:parentId', value: kase.parentId });
  if (customerId !== null) attributes.push({ type: 'string', key: 'dossier:customer', value: customerId });
  attributes.push({ type: 'date', key: 'dossier:createdAt', value: kase.createdAt });
  if (kase.closedAt !== null) attributes.push({ type: 'date', key: 'dossier:closedAt', value: kase.closedAt });
  const lines = ['  <trace>', ...attributes.map((a) => `    ${attribute(a)}`)];
  for (const entry of kase.history) {
    lines.push('    <event>', ...eventAttributes(entry).map((a) => `      ${attribute(a)}`), '    </event>');
  }
  lines.push('  </trace>');
  return lines.join('\n') + '\n';
}

/** The attributes of one history entry as an XES event, in a fixed order. */
export function eventAttributes(entry: HistoryEntry): XesAttribute[] {
  const attributes: XesAttribute[] = [
    { type: 'string', key: 'concept:name', value: entry.event.type },
    { type: 'date', key: 'time:timestamp', value: entry.at },
    { type: 'string', key: 'org:resource', value: entry.actor },
    // the partner organisation (an outsourced back office) the actor works for: the Organizational extension's group
    ...(entry.partner === undefined ? [] : [{ type: 'string' as const, key: 'org:group', value: entry.partner }]),
    { type: 'string', key: 'lifecycle:transition', value: 'complete' },
    { type: 'int', key: 'dossier:seq', value: String(entry.seq) },
  ];
  if (entry.from !== null) attributes.push({ type: 'string', key: 'dossier:from', value: stateText(entry.from) });
  attributes.push({ type: 'string', key: 'dossier:to', value: stateText(entry.to) });
  if (entry.notes.length > 0) attributes.push({ type: 'string', key: 'dossier:notes', value: entry.notes.join('\n') });
  const seen = new Set<string>();
  for (const { name, value } of payloadScalars(entry.event.data)) {
    const key = xesKey(`data:${name}`);
    // Two members that differ only in characters a key cannot hold ("a b", "a_b"): the first one wins.
    if (seen.has(key)) continue;
    seen.add(key);
    attributes.push(scalarAttribute(key, value));
  }
  return attributes;
}

function scalarAttribute(key: string, value: Scalar): XesAttribute {
  if (typeof value === 'boolean') return { type: 'boolean', key, value: String(value) };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { type: 'int', key, value: String(value) } : { type: 'float', key, value: String(value) };
  }
  return { type: 'string', key, value };
}

function attribute(a: XesAttribute): string {
  return `<${a.type} key="${xmlAttributeValue(a.key)}" value="${xmlAttributeValue(a.value)}"/>`;
}
