// A real SMTP server on loopback (smtp-server) for the e-mail out tests: it keeps what it received,
// parsed (mailparser), or refuses every recipient with a given reply (550 …) while `refuse` is set.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpListener {
  port: number;
  url: string;
  received: { envelopeTo: string[]; mail: ParsedMail }[];
  /** While set, every RCPT TO is answered with this code and text. */
  refuse: { code: number; text: string } | null;
  close(): Promise<void>;
}

export async function startSmtpListener(auth?: { user: string; pass: string }, port = 0): Promise<SmtpListener> {
  const listener: SmtpListener = { port: 0, url: '', received: [], refuse: null, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: auth === undefined,
    logger: false,
    onAuth(request, _session, done) {
      if (auth !== undefined && request.username === auth.user && request.password === auth.pass) done(null, { user: request.username });
      else done(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, done) {
      if (listener.refuse === null) return done();
      const error = new Error(listener.refuse.text) as Error & { responseCode: number };
      error.responseCode = listener.refuse.code;
      return done(error);
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          listener.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          done();
        })
        .catch((error: Error) => done(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  listener.port = (server.server.address() as AddressInfo).port;
  const credentials = auth === undefined ? '' : `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@`;
  listener.url = `smtp://${credentials}127.0.0.1:${listener.port}`;
  listener.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return listener;
}
