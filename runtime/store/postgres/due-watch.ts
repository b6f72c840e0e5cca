// LISTEN for the notices commits send on DUE_CHANNEL (a new timer, a new outbox row), on a connection of
// its own outside the pool, so that every host sharing the database wakes for work another host created
// instead of polling. A broken connection is opened again with a growing pause (up to 5 s); after a gap
// the listener hears `reconnected`, since notices sent meanwhile are lost, and looks for due work itself.
import pg from 'pg';
import type { DueNotice } from '../case-store.ts';
import { DUE_CHANNEL } from './postgres-cases.ts';

export async function watchDue(url: string, listener: (due: DueNotice) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let pause = 100;

  const onNotice = (message: pg.Notification) => {
    if (message.channel !== DUE_CHANNEL || message.payload === undefined) return;
    try {
      const parsed = JSON.parse(message.payload) as { timers?: unknown; outbox?: unknown };
      listener({ timers: typeof parsed.timers === 'string' ? parsed.timers : null, outbox: parsed.outbox === true });
    } catch {
      // not ours: ignore
    }
  };

  async function connect(first: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: 'dossier-listen', keepAlive: true });
    next.on('notification', onNotice);
    next.on('error', () => reopen());
    next.on('end', () => reopen());
    try {
      await next.connect();
      await next.query(`LISTEN ${DUE_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners('end');
      await next.end().catch(() => undefined);
      if (first) throw error;
      reopen();
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    pause = 100;
    if (!first) listener({ timers: null, outbox: true, reconnected: true });
  }

  function reopen(): void {
    if (stopped || retry !== null) return;
    const broken = client;
    client = null;
    broken?.removeAllListeners('end');
    void broken?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      void connect(false);
    }, pause);
    retry.unref();
    pause = Math.min(pause * 2, 5000);
  }

  await connect(true);
  return async () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    const open = client;
    client = null;
    if (open !== null) {
      open.removeAllListeners('end');
      await open.end().catch(() => undefined);
    }
  };
}
