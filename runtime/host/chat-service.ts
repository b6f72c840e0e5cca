// Chat on a case (issue 20, item 6): the customer on the status page and an agent in the worker console
// exchange messages; each is a history entry (`chat.customer` / `chat.agent`, runtime/engine/chat.ts),
// so the conversation is the case's history and reaches every host through the store. Readers follow it
// from the history after the last entry they saw (the store's cursor), which works the same on one host
// and on several sharing PostgreSQL.
import { CHAT_AGENT, CHAT_CUSTOMER, type Actor, type ChatMessage, type HistoryEntry, type Instant } from '../engine/index.ts';
import type { CaseStore } from '../store/case-store.ts';
import { encodeCursor } from '../store/cursor.ts';
import type { CaseService } from './case-service.ts';
import { fail, type Result } from './host-result.ts';

/** One message of a case's conversation, as both sides see it. */
export interface ChatEntry {
  /** The history entry's number: a reader asks for what came after the last one it saw. */
  seq: number;
  at: Instant;
  from: 'customer' | 'agent';
  /** The agent's name; null for the customer. */
  by: string | null;
  text: string;
}

export interface ChatService {
  post(tenant: string, caseId: string, message: ChatMessage, actor: Actor | undefined): Promise<Result<ChatEntry>>;
  /** The messages after history entry `afterSeq` (0: from the start), oldest first, and the last entry number read. */
  since(tenant: string, caseId: string, afterSeq: number): Promise<{ messages: ChatEntry[]; lastSeq: number }>;
}

const PAGE = 500;

export function chatEntryOf(entry: HistoryEntry): ChatEntry | null {
  const type = entry.event.type;
  if (type !== CHAT_CUSTOMER && type !== CHAT_AGENT) return null;
  const text = (entry.event.data as { text?: unknown } | undefined)?.text;
  return { seq: entry.seq, at: entry.at, from: type === CHAT_CUSTOMER ? 'customer' : 'agent', by: type === CHAT_AGENT ? entry.actor : null, text: typeof text === 'string' ? text : '' };
}

export function createChatService(options: { store: CaseStore; cases: CaseService }): ChatService {
  const { store, cases } = options;
  return {
    async post(tenant, caseId, message, actor) {
      const done = await cases.recordChat(tenant, caseId, message, actor);
      if (!done.ok) return done;
      if (done.replay === true) return fail('case.conflict', 'Send the message again.');
      const entry = done.case.revision;
      // the entry this commit added is the case's last: read it back as the readers will
      const page = await store.history(tenant, caseId, 1, encodeCursor([entry - 1]));
      const chat = page.items.map(chatEntryOf).find((e) => e !== null);
      if (chat === undefined || chat === null) return fail('case.conflict', 'The message was recorded but could not be read back; reload the conversation.');
      return { ok: true, value: chat };
    },

    async since(tenant, caseId, afterSeq) {
      const messages: ChatEntry[] = [];
      let lastSeq = afterSeq;
      let cursor: string | null = encodeCursor([afterSeq]);
      while (cursor !== null) {
        const page = await store.history(tenant, caseId, PAGE, cursor);
        for (const entry of page.items) {
          lastSeq = Math.max(lastSeq, entry.seq);
          const chat = chatEntryOf(entry);
          if (chat !== null) messages.push(chat);
        }
        cursor = page.nextCursor;
      }
      return { messages, lastSeq };
    },
  };
}
