// The load generator in its own process: autocannon against the server on loopback. Prints one line
// `RESULT {...}` with requests per second, p50/p99 latency and the count of non-2xx answers.
// Modes: `health` (GET /api/health, the HTTP floor) and `events` (POST /api/cases/:id/events with
// the ask/reply loop: each connection asks on the next case, then sends the reply to the same case).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface LoadArgs {
  url: string;
  mode: 'health' | 'events';
  connections: number;
  durationSec: number;
  token?: string;
  idsFile?: string;
  offset?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as LoadArgs;
const ask = JSON.stringify({ type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which bank account was debited twice?' } });
const reply = JSON.stringify({ type: 'CUSTOMER_REPLIED', data: { customerReply: 'NL91 ABNA 0417 1643 00, on 2 January.' } });

/** Position in the case list of the next ask. */
let next = args.offset ?? 0;
/** Cases asked whose reply was not answered 200 (yet): printed at the end, so the parent can settle them. */
const unsettled = new Set<string>();

/** The first few refused answers, printed with the result (a benchmark must not count refusals). */
const refused: string[] = [];
function note(status: number, body: string, context: Record<string, unknown>, what: string): void {
  if (status >= 300 && refused.length < 5) refused.push(`${what} ${String(context.caseId)} ${status} ${body.slice(0, 300)}`);
}

function eventRequests(): autocannon.Request[] {
  const ids = JSON.parse(readFileSync(args.idsFile as string, 'utf8')) as string[];
  return [
    {
      method: 'POST',
      setupRequest: (req, context: Record<string, unknown>) => {
        const id = ids[next++ % ids.length] as string;
        context.caseId = id;
        unsettled.add(id);
        return { ...req, path: `/api/cases/${id}/events`, body: ask };
      },
      onResponse: (status, body, context) => note(status, body, context, 'ask'),
    },
    {
      method: 'POST',
      setupRequest: (req, context: Record<string, unknown>) => ({ ...req, path: `/api/cases/${String(context.caseId)}/events`, body: reply }),
      onResponse: (status, body, context) => {
        if (status === 200) unsettled.delete(String(context.caseId));
        note(status, body, context, 'reply');
      },
    },
  ];
}

const result = await autocannon({
  url: args.url,
  connections: args.connections,
  duration: args.durationSec,
  ...(args.mode === 'events'
    ? {
        headers: { authorization: `Bearer ${args.token ?? ''}`, 'content-type': 'application/json' },
        requests: eventRequests(),
      }
    : { requests: [{ method: 'GET', path: '/api/health' }] }),
});
const total = result.requests.total;
process.stdout.write(
  `RESULT ${JSON.stringify({
    perSecond: (total - result.non2xx) / args.durationSec,
    average: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    next,
    unsettled: [...unsettled],
    refused,
  })}\n`,
);
