// Documents in the case file, the engine's part (issue 20): the documents field type, the events
// document.added / document.removed, and completeness rules counting documents.
import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, documentFields, recordDocument, type DocumentRef } from '../../../runtime/engine/index.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import { accepted, caseType, send, start, stored } from './engine-fixtures.ts';

const receipt: DocumentRef = { id: 'd-1', name: 'receipt.pdf', contentType: 'application/pdf', size: 1234, sha256: 'a'.repeat(64) };
const photo: DocumentRef = { id: 'd-2', name: 'kettle.png', contentType: 'image/png', size: 99, sha256: 'b'.repeat(64) };
const T1 = '2026-01-05T10:00:00.000Z';

const def = caseType(
  {
    initial: 'open',
    states: {
      open: { on: { SUBMIT: { target: 'submitted', guard: 'hasProof' }, 'document.added': { actions: [{ type: 'note', text: 'a document came in' }] } } },
      submitted: { type: 'final' },
    },
  },
  {
    data: {
      type: 'object',
      properties: {
        proofs: { type: 'array', title: 'Proofs of purchase', documents: true },
        claim: { type: 'object', properties: { photos: { type: 'array', documents: true, maxItems: 1 }, note: { type: 'string' } } },
      },
    },
    rules: { hasProof: { title: 'Proof of purchase', schema: { properties: { proofs: { minItems: 1 } }, required: ['proofs'] } } },
    events: { SUBMIT: { title: 'Submit' }, NOTE: { data: { type: 'object' } } },
  },
);

describe('documents fields', () => {
  it('is a valid definition, and lists its documents fields, nested ones too', () => {
    expect(validateCaseType(JSON.parse(JSON.stringify(def)))).toEqual([]);
    expect(documentFields(def.data)).toEqual(['/proofs', '/claim/photos']);
  });

  it('records an added document in the field and the history, through the machine', () => {
    const type = compileCaseType(def);
    const added = accepted(recordDocument(type, stored(start(def).case), { kind: 'added', document: receipt, field: '/proofs' }, T1, { id: 'dana', roles: ['agent'] }));
    expect(added.case.data).toEqual({ proofs: [receipt] });
    expect(added.case.revision).toBe(2);
    expect(added.history).toEqual({
      seq: 2,
      at: T1,
      actor: 'dana',
      event: { type: 'document.added', data: { document: receipt, field: '/proofs' } },
      from: 'open',
      to: 'open',
      patch: [{ op: 'add', path: '/proofs', value: [receipt] }],
      notes: ['a document came in'],
    });
  });

  it('records a document of the case file only without touching the data, and takes one off its field when removed', () => {
    const type = compileCaseType(def);
    const plain = accepted(recordDocument(type, stored(start(def).case), { kind: 'added', document: photo, field: null }, T1));
    expect([plain.case.data, plain.history.event, plain.history.patch]).toEqual([{}, { type: 'document.added', data: { document: photo } }, []]);
    const two = accepted(recordDocument(type, stored(plain.case), { kind: 'added', document: receipt, field: '/proofs' }, T1));
    const three = accepted(recordDocument(type, stored(two.case), { kind: 'added', document: photo, field: '/proofs' }, T1));
    const removed = accepted(recordDocument(type, stored(three.case), { kind: 'removed', document: receipt, field: '/proofs' }, T1));
    expect(removed.case.data).toEqual({ proofs: [photo] });
    expect(removed.history.event).toEqual({ type: 'document.removed', data: { document: receipt, field: '/proofs' } });
  });

  it('lets a guarded event through only once the documents field holds a document', () => {
    const type = compileCaseType(def);
    const kase = stored(start(def).case);
    const refused = applyEvent(type, kase, { type: 'SUBMIT' }, T1);
    expect(refused).toMatchObject({ ok: false, code: 'rule.failed', rules: ['hasProof'] });
    const added = accepted(recordDocument(type, kase, { kind: 'added', document: receipt, field: '/proofs' }, T1));
    expect(send(def, added.case, 'SUBMIT').case.state).toBe('submitted');
  });

  it('refuses, changing nothing: past maxItems, a field that is not a documents field, a closed case', () => {
    const type = compileCaseType(def);
    const one = accepted(recordDocument(type, stored(start(def).case), { kind: 'added', document: photo, field: '/claim/photos' }, T1));
    expect(one.case.data).toEqual({ claim: { photos: [photo] } });
    expect(recordDocument(type, stored(one.case), { kind: 'added', document: receipt, field: '/claim/photos' }, T1)).toMatchObject({
      ok: false,
      code: 'data.invalid',
      problems: [{ pointer: '/claim/photos' }],
    });
    expect(recordDocument(type, stored(one.case), { kind: 'added', document: receipt, field: '/claim/note' }, T1)).toMatchObject({
      ok: false,
      code: 'data.invalid',
      problems: [{ pointer: '/claim/note', message: '/claim/note is not a documents field of this case type' }],
    });
    const withProof = accepted(recordDocument(type, stored(one.case), { kind: 'added', document: receipt, field: '/proofs' }, T1));
    const closed = send(def, withProof.case, 'SUBMIT');
    expect(recordDocument(type, stored(closed.case), { kind: 'added', document: receipt, field: null }, T1)).toEqual({
      ok: false,
      code: 'event.not_accepted',
      message: 'The case is closed: "document.added" cannot be sent any more.',
      problems: [],
    });
  });

  it('refuses event data that writes a documents field, and data whose documents are not document references', () => {
    const type = compileCaseType(def);
    const kase = stored(start(def).case);
    expect(applyEvent(type, kase, { type: 'NOTE', data: { proofs: [{ ...receipt }] } }, T1)).toMatchObject({
      ok: false,
      code: 'data.invalid',
      problems: [{ pointer: '/proofs', message: '/proofs lists documents: upload a file to it instead of sending it as event data' }],
    });
    expect(applyEvent(type, kase, { type: 'NOTE', data: { claim: { photos: [] } } }, T1)).toMatchObject({ ok: false, code: 'data.invalid', problems: [{ pointer: '/claim/photos' }] });
    // a reference that lacks its checksum does not pass the data schema (creation goes through it too)
    const bad = compileCaseType(def);
    expect(bad.validators.data({ proofs: [{ id: 'x', name: 'x', contentType: 'a/b', size: 1 }] })).toBe(false);
    expect(bad.validators.data({ proofs: [receipt] })).toBe(true);
  });
});
