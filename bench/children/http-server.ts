// The Dossier server in its own process for the HTTP figures: `startServer` of `dossier serve` on a
// loopback port with a fresh database (and the built designer when its folder is given). Prints one line `READY {"url": ...}` and stops on SIGTERM.
import { startServer } from '../../runtime/cli/serve.ts';
import { silentLogger } from '../../runtime/host/logger.ts';

const [db, adminToken, designerDir] = process.argv.slice(2);
if (db === undefined || adminToken === undefined) throw new Error('usage: http-server.ts <db file> <admin token> [designer dir]');
const running = await startServer({ db, port: 0, host: '127.0.0.1', adminToken, logger: silentLogger, ...(designerDir === undefined ? {} : { designerDir }) });
process.stdout.write(`READY ${JSON.stringify({ url: running.url })}\n`);
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
