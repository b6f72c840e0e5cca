// TEMPORARY (not committed): the bench server with a CPU profiler toggled by SIGUSR2.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { startServer } from '../../runtime/cli/serve.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
const [db, adminToken] = process.argv.slice(2);
const running = await startServer({ db: db as string, port: 0, host: '127.0.0.1', adminToken: adminToken as string, logger: silentLogger });
const session = new Session(); session.connect();
let on = false;
process.on('SIGUSR2', () => void (async () => {
  if (!on) { on = true; await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 250 }); await session.post('Profiler.start'); }
  else { on = false; const { profile } = await session.post('Profiler.stop'); writeFileSync(process.env.PROF_OUT ?? '/tmp/prof/events.cpuprofile', JSON.stringify(profile)); process.stdout.write('PROFILED {}\n'); }
})());
process.stdout.write(`READY ${JSON.stringify({ url: running.url })}\n`);
process.once('SIGTERM', () => { void running.close().then(() => process.exit(0)); });
