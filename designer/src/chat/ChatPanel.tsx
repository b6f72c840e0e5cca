// Chat on a case (issue 20, item 6), one panel for both sides: the customer on the status page and an
// agent in the worker console. The conversation arrives as server-sent events read with fetch (so the
// customer's code or the agent's token goes in a header, never in the address), each message once by its
// history entry number; when the server ends a stream the panel follows on from the last one it saw.
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../i18n/format.ts';
import { useWords } from '../i18n/use-words.ts';

export interface ChatLine {
  seq: number;
  at: string;
  from: 'customer' | 'agent';
  /** The agent's name (the console's side only). */
  by?: string | null;
  text: string;
}

export interface ChatPanelProps {
  /** Which side this panel is on: its own messages read "You". */
  me: 'customer' | 'agent';
  /** Opens the stream after history entry `after`. */
  open: (after: number, signal: AbortSignal) => Promise<Response>;
  /** Sends a message; the words of the refusal otherwise. */
  send: (text: string) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Element id prefix (two panels never share a page, but tests and labels need stable ids). */
  id: string;
}

/** Reads `data:` blocks of an event stream; calls `onMessage` for each. Resolves when the stream ends. */
async function readStream(res: Response, onMessage: (line: ChatLine) => void): Promise<void> {
  const body = res.body;
  if (!res.ok || body === null) throw new Error(String(res.status));
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data !== undefined) onMessage(JSON.parse(data) as ChatLine);
      end = buffer.indexOf('\n\n');
    }
  }
}

export function ChatPanel({ me, open, send, id }: ChatPanelProps) {
  const words = useWords();
  const t = (k: string, values?: Record<string, unknown>) => words.t(`chat.${k}`, values);
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const last = useRef(0);
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const controller = new AbortController();
    let stopped = false;
    const follow = async (): Promise<void> => {
      while (!stopped) {
        try {
          const res = await openRef.current(last.current, controller.signal);
          setOffline(false);
          await readStream(res, (line) => {
            if (line.seq <= last.current) return;
            last.current = line.seq;
            setLines((before) => [...before, line]);
          });
        } catch {
          if (stopped) return;
          setOffline(true);
        }
        // the server ends a stream now and then, or the connection dropped: follow on after a pause
        await new Promise((r) => setTimeout(r, 2000));
      }
    };
    void follow();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, []);

  const who = (line: ChatLine): string => (line.from === me ? t('you') : line.from === 'customer' ? t('customer') : line.by ? line.by : t('service'));

  return (
    <div className="chat">
      {lines.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ol className="chat-lines" aria-label={t('conversation')} aria-live="polite">
        {lines.map((line) => (
          <li key={line.seq} className={line.from === me ? 'chat-mine' : 'chat-theirs'}>
            <span className="chat-who">{who(line)}</span> <time dateTime={line.at}>{formatDateTime(line.at, words.language)}</time>
            <p>{line.text}</p>
          </li>
        ))}
      </ol>
      {offline ? <p role="status">{t('reconnecting')}</p> : null}
      {problem ? (
        <p role="alert" className="error-box">
          {problem}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === '') {
            setProblem(t('empty'));
            return;
          }
          setBusy(true);
          void send(text).then((r) => {
            setBusy(false);
            if (r.ok) {
              setText('');
              setProblem(null);
            } else setProblem(r.message);
          });
        }}
      >
        <label htmlFor={`${id}-message`}>{t('message')}</label>
        <textarea id={`${id}-message`} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} />
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy ? t('sending') : t('send')}
          </button>
        </div>
      </form>
    </div>
  );
}
