// mail: e-mail intake (issue 20) — messages a second that a real `dossier serve --mail-in-port` takes from 8
// SMTP connections (nodemailer, pooled, loopback), each a new complaint with a 200 KB PDF attached, every
// one answered 250 after its case is committed; and the server process's resident memory while it runs
// (attachments stream to disk: it must not grow with the bytes received). Target: ≥ 100 messages/s.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { childPath, spawnTs, stopChild, waitForLine } from '../lib/child.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

const ADMIN = 'bench-mail-admin-token-0123456789abcdef';
const CONNECTIONS = 8;
const ATTACHMENT_BYTES = 200 * 1024;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export const mailSuite: Suite = {
  name: 'mail',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const server = spawnTs(childPath('mail-server.ts'), [freshDbFile(options.workDir, 'mail.db'), ADMIN]);
    try {
      const { url, mailInPort } = await waitForLine<{ url: string; mailInPort: number }>(server, 'READY', 60_000);
      const made = await fetch(`${url}/api/mailboxes/complaint`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ address: 'bench@shop.example' }) });
      const { password } = (await made.json()) as { password: string };
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: mailInPort, secure: false, ignoreTLS: true, pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity, auth: { user: 'bench@shop.example', pass: password } });
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(ATTACHMENT_BYTES - 9)]);
      const count = options.quick ? 200 : 1_000;
      let n = 0;
      const send = async (): Promise<void> => {
        const i = n++;
        await transport.sendMail({
          from: `Customer ${String(i)} <customer${String(i)}@example.org>`,
          to: 'bench@shop.example',
          subject: `Complaint ${String(i)}`,
          text: 'The product I bought does not work. The receipt is attached.',
          attachments: [{ filename: 'receipt.pdf', content: pdf, contentType: 'application/pdf' }],
        });
      };
      // warm-up
      await Promise.all(Array.from({ length: CONNECTIONS }, send));
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const before = rssMb(server.pid as number);
        let peak = before;
        const sampler = setInterval(() => {
          peak = Math.max(peak, rssMb(server.pid as number));
        }, 50);
        const started = performance.now();
        const workers = Array.from({ length: CONNECTIONS }, async () => {
          while (n < (round + 1) * count + CONNECTIONS) await send();
        });
        await Promise.all(workers);
        const seconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        const rate = count / seconds;
        options.log(`mail round ${round + 1}: ${rate.toFixed(0)} messages/s with a 200 KB attachment each (${count} messages), server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
        rounds.push({
          figures: {
            mail_intake_messages_per_s: { value: rate, unit: `messages/s (new complaints, 200 KB attachment each, ${String(CONNECTIONS)} SMTP connections)` },
            mail_intake_peak_rss_mb: { value: peak, unit: `MB (server process, peak while ${String(count)} messages of ${String(ATTACHMENT_BYTES / 1024)} KB came in)` },
          },
          ratios: {},
        });
      }
      transport.close();
      return rounds;
    } finally {
      await stopChild(server);
    }
  },
};
