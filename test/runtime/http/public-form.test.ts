// The self-service form over HTTP (issue 20, item 4): no token; the form of the complaint, a case opened
// from it with channel web, its status page by reference and code, a reply that resumes the paused SLA;
// extra fields, a wrong code, a flood and a large body refused clearly, nothing else reachable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.ts';

describe('the public form and status page', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const complaint = {
    customer: { name: 'Anna de Boer', email: 'anna@example.org' },
    subject: 'Parcel never came',
    description: 'The tracking says delivered, but nothing arrived.',
  };

  it('draws the form from only the fields it asks for, without a token', async () => {
    const form = await h.call('GET', '/api/public/default/forms/complaint', null);
    expect(form.status).toBe(200);
    expect(form.body.title).toBe('Tell us what went wrong');
    expect(form.body.form).toEqual({ sections: [{ id: 'request', title: 'Tell us what went wrong', fields: ['/customer/name', '/customer/email', '/customer/phone', '/orderNumber', '/subject', '/description'] }] });
    // the data model beyond the form's fields is not shown
    expect(Object.keys(form.body.schema.properties).sort()).toEqual(['customer', 'description', 'orderNumber', 'subject']);
    expect(Object.keys(form.body.schema.properties.customer.properties).sort()).toEqual(['email', 'name', 'phone']);
    expect(form.body.schema.required).toEqual(['customer', 'description']);
    expect(JSON.stringify(form.body)).not.toContain('investigation');
    // a case type without a public form, another tenant's, a bad key: the same 404
    for (const path of ['/api/public/default/forms/order-inquiry', '/api/public/acme/forms/complaint', '/api/public/default/forms/NOPE', '/api/public/Default/forms/complaint']) {
      expect((await h.call('GET', path, null)).body.code).toBe('form.not_found');
    }
  });

  it('opens a case from the form with channel web, and shows its status to the holder of the code, who can reply', async () => {
    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    expect(sent.status).toBe(201);
    const { reference, secret, statusPath } = sent.body as { reference: string; secret: string; statusPath: string };
    expect(reference).toMatch(/^COM-\d{6}$/);
    expect(statusPath).toBe(`/status/default/${reference}#${secret}`);
    const listed = await h.call('GET', `/api/cases?q=${reference}`, h.tokens.admin);
    const kase = listed.body.items[0];
    expect(kase.channel).toBe('web');
    expect(kase.data).toEqual({ ...complaint, channel: 'web' });

    const status = await h.call('GET', `/api/public/default/cases/${reference}`, null, undefined, { 'x-case-code': secret });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ reference, title: 'Tell us what went wrong', stages: ['Triage'], closed: false, canReply: false, updates: [{ title: null }] });
    // a reply while the case is not waiting for one: said in words, nothing changes
    const early = await h.call('POST', `/api/public/default/cases/${reference}/reply`, null, { text: 'Any news?' }, { 'x-case-code': secret });
    expect(early).toMatchObject({ status: 409, body: { code: 'form.reply_not_expected' } });

    await h.service.sendEvent('default', kase.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'low' } }, undefined);
    await h.service.sendEvent('default', kase.id, { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which address?' } }, undefined);
    const waiting = await h.call('GET', `/api/public/default/cases/${reference}`, null, undefined, { 'x-case-code': secret });
    expect(waiting.body).toMatchObject({ stages: ['Waiting for the customer'], canReply: true });
    const replied = await h.call('POST', `/api/public/default/cases/${reference}/reply`, null, { text: 'Dorpsstraat 1, Utrecht' }, { 'x-case-code': secret });
    expect(replied.status).toBe(200);
    expect(replied.body.stages).toEqual(['Investigation']);
    expect(replied.body.updates.map((u: { title: string }) => u.title)).toEqual([null, 'Submit triage', 'Ask the customer for information', 'Customer replied']);
    const after = await h.call('GET', `/api/cases/${kase.id as string}`, h.tokens.admin);
    expect(after.body.data.customerReply).toBe('Dorpsstraat 1, Utrecht');
    expect(after.body.slas.find((s: { name: string }) => s.name === 'resolution').status).toBe('running');
  });

  it('refuses extra fields, wrong answers, a wrong code and other routes, each in words, storing nothing', async () => {
    const before = (await h.call('GET', '/api/cases', h.tokens.admin)).body.items.length;
    const extra = await h.call('POST', '/api/public/default/forms/complaint', null, { ...complaint, priority: 'urgent', customer: { ...complaint.customer, customerNumber: 'C-000001' } });
    expect(extra.status).toBe(422);
    expect(extra.body.code).toBe('form.invalid');
    expect(extra.body.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/customer/customerNumber', '/priority']);
    const wrong = await h.call('POST', '/api/public/default/forms/complaint', null, { customer: { name: 'Anna' }, orderNumber: '12' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/description', '/orderNumber']);
    expect((await h.call('POST', '/api/public/default/forms/complaint', null, '[1,2]')).body.code).toBe('form.invalid');
    expect((await h.call('GET', '/api/cases', h.tokens.admin)).body.items.length).toBe(before);

    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    const { reference } = sent.body as { reference: string };
    for (const code of ['', 'wrong', `${sent.body.secret as string}x`]) {
      expect((await h.call('GET', `/api/public/default/cases/${reference}`, null, undefined, { 'x-case-code': code })).body.code).toBe('case.not_found');
    }
    // the same code does not open it in another tenant, nor a case the form did not open
    expect((await h.call('GET', `/api/public/acme/cases/${reference}`, null, undefined, { 'x-case-code': sent.body.secret as string })).status).toBe(404);
    // without a token nothing else answers
    expect((await h.call('GET', '/api/cases', null)).status).toBe(401);
    expect((await h.call('GET', '/api/public/default/cases', null)).status).toBe(401);
  });

  it('takes documents on the status page into the form\'s documents field, with the code only', async () => {
    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    const { reference, secret } = sent.body as { reference: string; secret: string };
    const upload = async (code: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await h.app.request(`/api/public/default/cases/${reference}/documents`, { method: 'POST', headers: { 'x-case-code': code }, body: form });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    expect(await upload(secret, 'receipt.pdf', pdf)).toMatchObject({ status: 201, body: { name: 'receipt.pdf', contentType: 'application/pdf', size: pdf.length } });
    expect((await upload('wrong', 'receipt.pdf', pdf)).status).toBe(404);
    const exe = new Uint8Array([0x4d, 0x5a, ...new Array<number>(200).fill(0x90)]);
    expect((await upload(secret, 'invoice.pdf', exe)).body.code).toBe('document.type_refused');
    const listed = await h.call('GET', `/api/cases?q=${reference}`, h.tokens.admin);
    const kase = listed.body.items[0];
    expect(kase.data.customerDocuments.map((d: { name: string }) => d.name)).toEqual(['receipt.pdf']);
    const history = await h.call('GET', `/api/cases/${kase.id as string}/history`, h.tokens.admin);
    expect(history.body.items.find((e: { event: { type: string } }) => e.event.type === 'document.added').actor).toBe('customer');
  });

  it('shows no more of the data model than the form\'s fields: no other definitions, no conditions', async () => {
    const { cutSchema } = await import('../../../runtime/host/public-form.ts');
    const data = {
      type: 'object',
      properties: { name: { $ref: '#/$defs/name' }, riskTier: { enum: ['low', 'high'] }, fraudNotes: { type: 'string' } },
      allOf: [{ if: { properties: { riskTier: { const: 'high' } } }, then: { required: ['fraudNotes'] } }],
      $defs: { name: { type: 'string', title: 'Name', maxLength: { $ref: '#/$defs/unused' } as unknown as number }, fraudScore: { type: 'number' }, unused: { type: 'integer' } },
    };
    const cut = cutSchema(data as never, ['/name']);
    expect(Object.keys(cut.properties ?? {})).toEqual(['name']);
    expect(JSON.stringify(cut)).not.toContain('fraud');
    expect(JSON.stringify(cut)).not.toContain('allOf');
    expect(Object.keys(cut.$defs ?? {}).sort()).toEqual(['name', 'unused']);
  });

  it('reads a body of any length only on the documents route (a form named documents is a small body)', async () => {
    const res = await h.call('POST', '/api/public/default/forms/documents', null, { x: 'y'.repeat(70 * 1024) }, { 'content-length': String(70 * 1024 + 20) });
    expect(res.body.code).toBe('request.too_large');
  });

  it('limits the posts of one address a minute and the size of a form', async () => {
    const big = await h.call('POST', '/api/public/default/forms/complaint', null, { ...complaint, description: 'x'.repeat(70 * 1024) }, { 'content-length': String(70 * 1024 + 200) });
    expect(big.body.code).toBe('request.too_large');
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await h.call('POST', '/api/public/default/forms/complaint', null, complaint)).status);
    expect(answers.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
    const limited = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('request.rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
