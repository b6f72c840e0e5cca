// An SMTP session outlives its login: a mailbox an admin removed or gave a new password refuses the next
// message of a session that logged in before (issue 20, docs/email.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createHostServices, type HostServices } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { startSmtpIntake, type SmtpIntake } from '../../../runtime/mail/smtp-intake.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

const START = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');

describe('an open SMTP session after its mailbox changed', () => {
  let dir: string;
  let store: SqliteCaseStore;
  let services: HostServices;
  let intake: SmtpIntake;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-mail-session-'));
    store = createSqliteStore({ file: join(dir, 'dossier.db') });
    await seedTemplates(store, TEMPLATES, START, silentLogger);
    services = createHostServices({ store, engine, clock: createManualClock(START), logger: silentLogger });
    intake = await startSmtpIntake({ mailboxes: services.mailboxes, logger: silentLogger, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await intake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the next message once the mailbox has a new password', async () => {
    const made = await services.mailboxes.save('default', 'complaint', 'complaints@example.com', 'admin');
    if (!made.ok) throw new Error(made.message);
    // one connection, kept open between messages
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: 10, auth: { user: 'complaints@example.com', pass: made.value.password } });
    const message = (n: number) => ({ from: 'Ria <ria@example.org>', to: 'complaints@example.com', subject: `Number ${String(n)}`, text: 'It broke.', messageId: `<session-${String(n)}@x>` });
    try {
      expect(((await transport.sendMail(message(1))) as { response: string }).response).toMatch(/^250 Opened case/);
      // the admin gives the mailbox a new password (a leaked one)
      expect((await services.mailboxes.save('default', 'complaint', 'complaints@example.com', 'admin')).ok).toBe(true);
      await expect(transport.sendMail(message(2))).rejects.toMatchObject({ responseCode: 535 });
      expect((await store.listCases('default', { caseType: 'complaint' }, 10, null)).items.map((c) => c.data.subject)).toEqual(['Number 1']);
    } finally {
      transport.close();
    }
  });
});
