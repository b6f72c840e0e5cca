// Child process for wal-sync.test.ts: enough writes to start the checkpointer, then close as
// `dossier serve` does on SIGTERM, with nothing else keeping the event loop alive.
import { createSqliteStore } from '../../../runtime/store/index.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: close-child.ts <db file>');
const store = createSqliteStore({ file });
await Promise.all(Array.from({ length: 600 }, (_, i) => store.ensureTenant(`t${i}`, '2026-01-05T09:00:00.000Z')));
await store.close();
process.stdout.write('closed\n');
