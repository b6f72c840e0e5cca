// The list of commands. Each one is loaded only when it runs, so `dossier validate` starts fast.
import { registerCommand } from './main.ts';

registerCommand('validate', 'check case-type files against the format and lint them', async () => (await import('./validate.ts')).validateCommand);
registerCommand('types', 'print the TypeScript types of a case type\'s data and events', async () => (await import('./types.ts')).typesCommand);
registerCommand('test', 'run the scenarios of a case type; --paths lists its paths and their coverage', async () => (await import('./test.ts')).testCommand);
registerCommand('serve', 'run the runtime host (HTTP API, timers, outbox) on a SQLite file', async () => (await import('./serve.ts')).serveCommand);
registerCommand('export', 'write the case history as a process-mining event log (XES or OCEL 2.0)', async () => (await import('./export.ts')).exportCommand);
registerCommand('migrate', 'move the open cases of a case type to another published version under a migration plan', async () => (await import('./migrate.ts')).migrateCommand);
registerCommand('store', 'move a store: copy an embedded SQLite file into PostgreSQL, verified', async () => (await import('./store.ts')).storeCommand);
