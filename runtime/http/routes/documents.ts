// Documents in the case file (issue 20, docs/documents.md): upload (multipart/form-data, streamed with
// busboy: never held whole in memory, the size limit enforced as it arrives), list, download (streamed
// from the store) and remove (soft). Who may do what is as for the case itself: reading needs `agent`,
// changing `agent` or `service`; a partner's person reaches only the cases of its delegated queues and,
// of their documents, those attached to a shared documents field.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { Hono, type Context } from 'hono';
import { isShared } from '../../../schemas/sharing.ts';
import type { DocumentService, DocumentChanged } from '../../host/document-service.ts';
import { fail, type Result } from '../../host/host-result.ts';
import { inScope, partnerScope, shareTrees, type PartnerScope } from '../../host/partners.ts';
import type { CaseStore, DocumentRecord, TokenRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { HttpProblem, unwrap } from '../problems.ts';
import { actorOf } from './cases.ts';

/** A document as the API shows it. */
export function documentBody(document: DocumentRecord, caseId: string) {
  // the tenant is the caller's; where the content is kept is the host's concern
  const { tenant: _tenant, storage: _storage, ...rest } = document;
  void _tenant;
  void _storage;
  return { ...rest, href: `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(document.id)}` };
}

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the name itself (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A web stream over the chunks, read one at a time as the client takes them. */
function streamOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * Reads a multipart upload as it arrives (busboy): the first part named "file" goes to `add` as a stream,
 * with the "field" part sent before it (or `field`); the rest is read and dropped. Busboy cuts the file one
 * byte past `maxBytes`, so the service refuses it without holding it.
 */
export function receiveUpload(
  contentType: string,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  field: string | null,
  add: (field: string | null, filename: string, stream: BusboyFileStream) => Promise<Result<DocumentChanged>>,
): Promise<Result<DocumentChanged>> {
  return new Promise<Result<DocumentChanged>>((resolve, reject) => {
    let chosenField = field;
    let started: Promise<Result<DocumentChanged>> | null = null;
    let current: BusboyFileStream | null = null;
    let parser;
    try {
      parser = Busboy({ headers: { 'content-type': contentType }, limits: { files: 1, parts: 8, fields: 4, fieldSize: 2048, fileSize: maxBytes + 1 } });
    } catch (error) {
      reject(new HttpProblem('request.invalid', `The multipart body cannot be read: ${(error as Error).message}.`));
      return;
    }
    parser.on('field', (name: string, value: string) => {
      if (name === 'field' && value !== '') chosenField = value;
    });
    parser.on('file', (name: string, stream: BusboyFileStream, filename: string) => {
      // a body cut short fails the part as well as the parser: the parser's error answers, the part's
      // (which its reader, if any, also sees) must not go unheard and end the process
      stream.on('error', () => undefined);
      if (name !== 'file' || started !== null) {
        stream.resume();
        return;
      }
      current = stream;
      started = add(chosenField, filename, stream);
      started.catch(() => undefined);
    });
    parser.on('finish', () => {
      if (started === null) resolve(fail('request.invalid', 'The body has no part named "file": send the document in one.'));
      else started.then(resolve, reject);
    });
    parser.on('error', (error: unknown) => {
      const problem = new HttpProblem('request.invalid', `The multipart body cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
      (current as BusboyFileStream | null)?.destroy(problem);
      if (started === null) reject(problem);
      else started.then(() => reject(problem), () => reject(problem));
    });
    const source = Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>);
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
  });
}

export function documentRoutes(store: CaseStore, documents: DocumentService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  /** 404 unless the caller may see the case (a partner's person: one in its queues); the partner's scope. */
  async function reach(auth: TokenRecord, id: string): Promise<{ scope: PartnerScope | null; shared: (field: string | null) => Promise<boolean> }> {
    const scope = await partnerScope(store, auth);
    if (scope === null) return { scope, shared: () => Promise.resolve(true) };
    const kase = await store.getCase(auth.tenant, id);
    if (kase === null || !inScope(scope, kase.queue)) throw new HttpProblem('case.not_found', `There is no case '${id}'.`);
    const { tree } = await shareTrees(store, auth.tenant)(kase.caseType, kase.version);
    return { scope, shared: (field) => Promise.resolve(field !== null && isShared(field, tree)) };
  }

  /** The document if the caller may see it (404 as for one that does not exist otherwise). */
  async function visibleDocument(c: Context<AuthEnv>, auth: TokenRecord) {
    const id = c.req.param('id') ?? '';
    const docId = c.req.param('docId') ?? '';
    const { shared } = await reach(auth, id);
    const opened = unwrap(await documents.open(auth.tenant, id, docId));
    if (!(await shared(opened.document.field))) throw new HttpProblem('document.not_found', `Case '${id}' has no document '${docId}'.`);
    return opened;
  }

  app.post('/cases/:id/documents', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    const id = c.req.param('id');
    const contentType = c.req.header('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      throw new HttpProblem('request.unsupported_media_type', 'Send the document as multipart/form-data, the file in a part named "file" (and the documents field, if any, in a part named "field" before it).');
    }
    const { shared } = await reach(auth, id);
    const body = c.req.raw.body;
    if (body === null) throw new HttpProblem('request.invalid', 'The request has no body: send the document in a part named "file".');
    const actor = actorOf(auth);
    const result = await receiveUpload(c.req.header('content-type') ?? '', body, documents.maxBytes, c.req.query('field') ?? null, (chosen, filename, stream) =>
      shared(chosen).then(async (ok) => {
        if (ok) return documents.add(auth.tenant, id, { name: filename, content: stream, field: chosen, by: actor });
        stream.resume();
        return fail('partner.not_shared', 'Documents of this case reach partners only through a documents field shared with them: name one in "field".');
      }),
    );
    const done = unwrap(result);
    return c.json(documentBody(done.document, id), 201, { location: documentBody(done.document, id).href });
  });

  app.get('/cases/:id/documents', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    const { shared } = await reach(auth, id);
    const all = unwrap(await documents.list(auth.tenant, id, { removed: c.req.query('removed') === 'true' }));
    const items = [];
    for (const document of all) if (await shared(document.field)) items.push(documentBody(document, id));
    return c.json({ items });
  });

  app.get('/cases/:id/documents/:docId', async (c) => {
    const auth = requireRole(c, 'agent');
    const { document, content } = await visibleDocument(c, auth);
    return c.body(streamOf(content), 200, {
      'content-type': document.contentType,
      'content-length': String(document.size),
      'content-disposition': contentDisposition(document.name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      etag: `"${document.sha256}"`,
      'repr-digest': `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`,
    });
  });

  app.delete('/cases/:id/documents/:docId', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    const id = c.req.param('id');
    const { document } = await visibleDocument(c, auth);
    const done = unwrap(await documents.remove(auth.tenant, id, document.id, actorOf(auth)));
    return c.json(documentBody(done.document, id));
  });

  return app;
}
