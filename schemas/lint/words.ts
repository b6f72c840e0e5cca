// Business words for the analyst lint: states, rules and events by their titles, fields by the titles of the
// field and the groups around it ("Claim › Amount"), durations in days and hours. An untitled thing is named
// by its key spelled as words ("waitingForCustomer" → "Waiting for customer"), never by a pointer.
import type { ParsedDuration } from './time.ts';
import { asObject, asString, isObject, parsePointer, type JsonObject } from './util.ts';

/** ‘text’: how the analyst lint quotes a name. */
export function quote(text: string): string {
  return `‘${text}’`;
}

/** A key as words: camelCase, kebab-case and SNAKE_CASE split, first letter capital. */
export function keyAsWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function titled(node: unknown, key: string): string {
  const title = asString(asObject(node).title)?.trim();
  return title !== undefined && title !== '' ? title : keyAsWords(key);
}

export function stateWords(node: JsonObject | undefined, id: string): string {
  return quote(titled(node, id));
}

export function ruleWords(def: JsonObject, name: string): string {
  return quote(titled(asObject(def.rules)[name], name));
}

export function eventWords(def: JsonObject, name: string): string {
  return quote(titled(asObject(def.events)[name], name));
}

/** A field of the case data in words: the titles (or keys) of each level joined by ›. */
export function fieldWords(def: JsonObject, pointer: string): string {
  const tokens = parsePointer(pointer) ?? [];
  const data = def.data;
  const parts: string[] = [];
  let node: unknown = data;
  for (const token of tokens) {
    node = deref(data, node);
    const properties = asObject(asObject(node).properties);
    node = isObject(properties[token]) ? properties[token] : undefined;
    parts.push(titled(deref(data, node), token));
  }
  return quote(parts.join(' › '));
}

function deref(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    const tokens = ref.startsWith('#') ? parsePointer(decodeURIComponent(ref.slice(1))) : undefined;
    if (tokens === undefined) return current;
    let next: unknown = root;
    for (const token of tokens) next = isObject(next) ? next[token] : undefined;
    if (!isObject(next)) return current;
    current = next;
  }
  return current;
}

/** Names in a sentence: ‘a’, ‘b’ and ‘c’. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The time part of a duration in words: "4 hours", "1 hour and 30 minutes"; '' for none. */
function timeWords(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [
    hours > 0 ? count(hours, 'hour') : '',
    minutes > 0 ? count(minutes, 'minute') : '',
    rest > 0 ? count(rest, 'second') : '',
  ].filter((p) => p !== '');
  return andList(parts);
}

/** A duration without a calendar in words, its days as calendar days: "5 calendar days", "1 calendar day and 12 hours". */
export function calendarDurationWords(duration: ParsedDuration): string {
  const days = duration.weeks * 7 + duration.days;
  const parts = [days > 0 ? `${days} calendar day${days === 1 ? '' : 's'}` : '', timeWords(duration.seconds)];
  return andList(parts.filter((p) => p !== ''));
}

/** A duration in plain words: "5 days", "2 weeks", "4 hours". */
export function durationWords(duration: ParsedDuration): string {
  const parts = [
    duration.weeks > 0 ? count(duration.weeks, 'week') : '',
    duration.days > 0 ? count(duration.days, 'day') : '',
    timeWords(duration.seconds),
  ];
  return andList(parts.filter((p) => p !== ''));
}
