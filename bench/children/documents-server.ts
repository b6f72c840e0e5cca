// The Dossier server in its own process for the documents figures: `startServer` of `dossier serve` on a
// loopback port with a fresh SQLite database, and beside it a small stats server that answers the
// process's RSS now and its peak since the last reset (sampled every 10 ms). Prints one line
// `READY {"url": ..., "stats": ...}` and stops on SIGTERM.
import { createServer } from 'node:http';
import { startServer } from '../../runtime/cli/serve.ts';
import { silentLogger } from '../../runtime/host/logger.ts';

const [db, adminToken] = process.argv.slice(2);
if (db === undefined || adminToken === undefined) throw new Error('usage: documents-server.ts <db file> <admin token>');
const running = await startServer({ db, port: 0, host: '127.0.0.1', adminToken, logger: silentLogger });
const mb = (bytes: number) => bytes / 2 ** 20;
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 10);
const stats = createServer((req, res) => {
  const now = process.memoryUsage.rss();
  const body = JSON.stringify({ rssMb: mb(now), peakMb: mb(Math.max(peak, now)) });
  if (req.url === '/reset') peak = now;
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
});
await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', () => resolve()));
const statsPort = (stats.address() as { port: number }).port;
process.stdout.write(`READY ${JSON.stringify({ url: running.url, stats: `http://127.0.0.1:${statsPort}` })}\n`);
process.once('SIGTERM', () => {
  clearInterval(sampler);
  stats.close();
  void running.close().then(() => process.exit(0));
});
