// Agent notes over HTTP (issue 21, item 7; runtime/host/note-service.ts): POST /api/cases/:id/notes
// {"text"} by an agent, in the tenant and, for a partner's person, only on a case in its delegated
// queues (as the chat routes). Bad input is a 400 (not {"text": "..."}) or a 422 (empty or too long).
import { Hono } from 'hono';
import type { NoteService } from '../../host/note-service.ts';
import { inScope, partnerScope } from '../../host/partners.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';
import { actorOf } from './cases.ts';

/** The text of a note body: {"text": "..."} and nothing else. */
function noteText(body: unknown): string {
  const text =
    typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string'
      ? (body as { text: string }).text
      : null;
  if (text === null || Object.keys(body as object).some((k) => k !== 'text')) {
    throw new HttpProblem('request.invalid', 'A note is {"text": "..."} and nothing else.', {
      problems: [{ pointer: '/text', message: '/text must be the note, as text' }],
    });
  }
  return text;
}

export function noteRoutes(store: CaseStore, notes: NoteService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/cases/:id/notes', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    const kase = await store.getCase(auth.tenant, id);
    const scope = await partnerScope(store, auth);
    if (kase === null || (scope !== null && !inScope(scope, kase.queue))) throw new HttpProblem('case.not_found', `There is no case '${id}'.`);
    const text = noteText(await readJson(c));
    return c.json(unwrap(await notes.add(auth.tenant, id, text, actorOf(auth))), 201);
  });
  return app;
}
