// The Dossier server with its SMTP listener, in its own process, for the e-mail intake figures: `startServer`
// of `dossier serve --mail-in-port 0` on loopback with a fresh database and no mail rate limit. Prints one line
// `READY {"url": ..., "mailInPort": ...}` and stops on SIGTERM.
import { startServer } from '../../runtime/cli/serve.ts';
import { silentLogger } from '../../runtime/host/logger.ts';

const [db, adminToken] = process.argv.slice(2);
if (db === undefined || adminToken === undefined) throw new Error('usage: mail-server.ts <db file> <admin token>');
const running = await startServer({ db, port: 0, host: '127.0.0.1', adminToken, logger: silentLogger, mailIn: { port: 0, perMinute: 1_000_000 } });
process.stdout.write(`READY ${JSON.stringify({ url: running.url, mailInPort: running.mailInPort })}\n`);
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
