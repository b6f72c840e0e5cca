// documents: upload and download throughput of documents in the case file (issue 20) over HTTP on
// loopback, into a SQLite file, and the server's RSS while it runs: files of 16 MB (quick: 4 MB) are
// uploaded one after another (multipart, generated as they are sent: the client holds none whole),
// then each is downloaded and its SHA-256 checked. The RSS peak above the server's RSS before the first
// upload shows that documents are streamed, never held whole: it stays far below one file's size.
import { createHash } from 'node:crypto';
import { childPath, spawnTs, stopChild, waitForLine } from '../lib/child.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

const ADMIN = 'bench-documents-admin';
const BOUNDARY = 'dossier-bench-boundary';
const LINE = 'Statement line: one kettle, 49.95 EUR, paid by card on 3 March 2026.\n';

/** A multipart body with one text file of `bytes` bytes, produced 256 KiB at a time; and the file's SHA-256. */
function multipart(bytes: number): { body: ReadableStream<Uint8Array>; sha256: string } {
  const block = Buffer.from(LINE.repeat(Math.ceil((256 * 1024) / LINE.length))).subarray(0, 256 * 1024);
  const hash = createHash('sha256');
  for (let sent = 0; sent < bytes; sent += block.length) hash.update(block.subarray(0, Math.min(block.length, bytes - sent)));
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="statement.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  let sent = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) {
        sent = 0;
        return controller.enqueue(head);
      }
      if (sent < bytes) {
        const n = Math.min(block.length, bytes - sent);
        sent += n;
        return controller.enqueue(block.subarray(0, n));
      }
      if (sent === bytes) {
        sent += 1;
        return controller.enqueue(tail);
      }
      controller.close();
    },
  });
  return { body, sha256: hash.digest('hex') };
}

export const documentsSuite: Suite = {
  name: 'documents',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const fileBytes = (options.quick ? 4 : 16) * 1024 * 1024;
    const files = options.quick ? 4 : 8;
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const server = spawnTs(childPath('documents-server.ts'), [freshDbFile(options.workDir, 'documents.db'), ADMIN]);
      try {
        const { url, stats } = await waitForLine<{ url: string; stats: string }>(server, 'READY', 60_000);
        const auth = { authorization: `Bearer ${ADMIN}` };
        const created = await fetch(`${url}/api/cases`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ caseType: 'order-inquiry', data: { customer: { name: 'Ada Bench' }, channel: 'web', orderNumber: 'ORD-558120' } }),
        });
        if (created.status !== 201) throw new Error(`bench: creating a case answered ${created.status}: ${await created.text()}`);
        const caseId = ((await created.json()) as { id: string }).id;
        const baseline = ((await (await fetch(`${stats}/reset`)).json()) as { rssMb: number }).rssMb;
        const uploaded: { id: string; sha256: string }[] = [];
        const upStart = performance.now();
        for (let i = 0; i < files; i++) {
          const { body, sha256 } = multipart(fileBytes);
          const res = await fetch(`${url}/api/cases/${caseId}/documents`, {
            method: 'POST',
            headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
            body,
            duplex: 'half',
          } as RequestInit);
          const answer = (await res.json()) as { id: string; sha256: string };
          if (res.status !== 201 || answer.sha256 !== sha256) throw new Error(`bench: upload ${i} answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
          uploaded.push({ id: answer.id, sha256 });
        }
        const upSeconds = (performance.now() - upStart) / 1000;
        const downStart = performance.now();
        for (const { id, sha256 } of uploaded) {
          const res = await fetch(`${url}/api/cases/${caseId}/documents/${id}`, { headers: auth });
          const hash = createHash('sha256');
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
          if (hash.digest('hex') !== sha256) throw new Error('bench: a download did not match its upload');
        }
        const downSeconds = (performance.now() - downStart) / 1000;
        const { peakMb } = (await (await fetch(stats)).json()) as { peakMb: number };
        const totalMb = (files * fileBytes) / 2 ** 20;
        const growth = peakMb - baseline;
        options.log(
          `documents round ${round + 1}: ${files} × ${fileBytes / 2 ** 20} MB up ${(totalMb / upSeconds).toFixed(1)} MB/s, down ${(totalMb / downSeconds).toFixed(1)} MB/s; ` +
            `host RSS ${baseline.toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB (+${growth.toFixed(1)} MB)`,
        );
        rounds.push({
          figures: {
            documents_upload_mb_s: { value: totalMb / upSeconds, unit: `MB/s (${files} files of ${fileBytes / 2 ** 20} MB, SQLite)` },
            documents_download_mb_s: { value: totalMb / downSeconds, unit: `MB/s (${files} files of ${fileBytes / 2 ** 20} MB, SQLite)` },
            documents_host_rss_peak_mb: { value: peakMb, unit: 'MB' },
            documents_host_rss_growth_mb: { value: growth, unit: `MB above the host's RSS before the uploads (one file: ${fileBytes / 2 ** 20} MB)` },
          },
          ratios: { documents_rss_growth_per_file_size: growth / (fileBytes / 2 ** 20) },
        });
      } finally {
        await stopChild(server);
      }
    }
    return rounds;
  },
};
