// Pause ledgers as shared, immutable nodes: the closed pauses at the start of a record's ledger, one
// node per pause on top of the node one pause shorter. Derived figures (shifted due instants, paused
// totals, the explanation's list of pauses) are remembered per node and extended by one pause per
// step. A case is read afresh for every event, so a ledger is recognised by content: the start of
// its last pause finds candidate nodes, checked pause by pause (pause objects already matched are
// recognised by identity).
import { parseInstant } from './instant.ts';
import type { SlaPause, SlaPauseReason } from './types.ts';

export interface Ledger {
  /** The ledger one pause shorter; null for the empty ledger. */
  readonly parent: Ledger | null;
  /** How many pauses it holds. */
  readonly count: number;
  /** The latest end among its pauses (epoch ms; -Infinity for none). */
  readonly lastEnd: number;
  /** The distinct reasons of its pauses, in order of first use (a pause without one adds none). */
  readonly reasons: readonly SlaPauseReason[];
}

interface LedgerNode extends Ledger {
  readonly parent: LedgerNode | null;
  /** Its last pause, as last matched (records are replaced, never changed: an equal pause may stand in). */
  pause: SlaPause | null;
  /** The next older node whose last pause starts at the same instant (two SLAs may pause at one step). */
  older: LedgerNode | null;
}

const EMPTY: LedgerNode = { parent: null, count: 0, lastEnd: -Infinity, reasons: [], pause: null, older: null };

/**
 * The newest node by the start of its last pause (epoch ms), with at most a few older ones behind
 * it; cleared when too many nodes were made: a node found no more is built again (a new object, so
 * figures remembered for the old one are recomputed, not reused).
 */
const LEDGER_LIMIT = 20_000;
const NODES_PER_START = 4;
const byLastStart = new Map<number, LedgerNode>();
let nodesMade = 0;

const sameReason = (a: SlaPauseReason | undefined, b: SlaPauseReason | undefined): boolean =>
  a?.part === b?.part && a?.name === b?.name;

function isLastPause(node: LedgerNode, pause: SlaPause): boolean {
  const known = node.pause as SlaPause;
  if (pause === known) return true;
  if (pause.from !== known.from || pause.to !== known.to || !sameReason(pause.reason, known.reason)) return false;
  node.pause = pause;
  return true;
}

/** Whether `node` holds the first `node.count` pauses. */
function holds(node: LedgerNode, pauses: readonly SlaPause[]): boolean {
  for (let n: LedgerNode = node; n.parent !== null; n = n.parent) {
    if (!isLastPause(n, pauses[n.count - 1] as SlaPause)) return false;
  }
  return true;
}

/** The known node of the first `count` pauses, or null. */
function knownLedger(pauses: readonly SlaPause[], count: number): LedgerNode | null {
  if (count === 0) return EMPTY;
  let node = byLastStart.get(parseInstant((pauses[count - 1] as SlaPause).from)) ?? null;
  while (node !== null && !(node.count === count && holds(node, pauses))) node = node.older;
  return node;
}

function addPause(parent: LedgerNode, pause: SlaPause): LedgerNode {
  if (nodesMade >= LEDGER_LIMIT) {
    byLastStart.clear();
    nodesMade = 0;
  }
  const { reason } = pause;
  const known = reason === undefined || parent.reasons.some((r) => sameReason(r, reason));
  const start = parseInstant(pause.from);
  const older = byLastStart.get(start) ?? null;
  let last = older;
  for (let kept = 2; last !== null && kept < NODES_PER_START; kept++) last = last.older;
  if (last !== null) last.older = null;
  const node: LedgerNode = {
    parent,
    count: parent.count + 1,
    lastEnd: pause.to === null ? parent.lastEnd : Math.max(parent.lastEnd, parseInstant(pause.to)),
    reasons: known ? parent.reasons : [...parent.reasons, { part: reason.part, name: reason.name }],
    pause,
    older,
  };
  byLastStart.set(start, node);
  nodesMade++;
  return node;
}

/** The node of the first `count` pauses: the longest known start, then one new node per further pause. */
function ledgerOfPrefix(pauses: readonly SlaPause[], count: number): LedgerNode {
  let known = count;
  let node = knownLedger(pauses, known);
  while (node === null) node = knownLedger(pauses, --known);
  for (let i = known; i < count; i++) node = addPause(node, pauses[i] as SlaPause);
  return node;
}

interface Recent {
  pauses: readonly SlaPause[];
  length: number;
  ledger: Ledger | null;
}

/**
 * The arrays read last, in a small ring: one step reads the same few ledgers again and again (each
 * rung, the timer, the view), and records are replaced, never changed. A ring, not a WeakMap: each
 * event's arrays are new, and a WeakMap entry per array costs more than the lookups it saves.
 */
const RECENT_SIZE = 8;
const recent: (Recent | undefined)[] = [];
let nextRecent = 0;

/**
 * The node of a ledger's closed pauses when at most its last pause is open (as this module's
 * callers write ledgers); null when an open pause comes earlier.
 */
export function closedLedger(pauses: readonly SlaPause[]): Ledger | null {
  if (pauses.length === 0) return EMPTY;
  for (const entry of recent) {
    if (entry !== undefined && entry.pauses === pauses && entry.length === pauses.length) return entry.ledger;
  }
  let closed = 0;
  while (closed < pauses.length && (pauses[closed] as SlaPause).to !== null) closed++;
  const ledger = closed >= pauses.length - 1 ? ledgerOfPrefix(pauses, closed) : null;
  recent[nextRecent] = { pauses, length: pauses.length, ledger };
  nextRecent = (nextRecent + 1) % RECENT_SIZE;
  return ledger;
}
