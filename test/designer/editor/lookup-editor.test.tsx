// The "look up in another system" action in business words: the fields sent and filled picked by label, the
// answer member written with dots, GET and POST moving the values between query and body; the history names
// a lookup by its title.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { ActionsEditor, blankAction } from '../../../designer/src/canvas/ActionsEditor.tsx';
import { answerMapping, answerPath, answerPointer, freeName, lookupTitle, sentValues, withAnswerMapping, withMethod, withSentValues, withTimeout, withTitle, type LookupAction } from '../../../designer/src/model/lookup-edit.ts';
import { applicationDef } from '../model/every-construct-fixture.ts';

const crm: LookupAction = { type: 'lookup', name: 'crm', title: 'Customer from the CRM', url: 'https://crm.example.com/customers', query: { address: '/email' }, map: { '/amount': '/balance/open' } };

/** The options of the select with `id` in the markup, as [value, text, selected]. */
function options(html: string, id: string): [string, string, boolean][] {
  const select = new RegExp(`<select[^>]* id="${id}"[^>]*>(.*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`no select ${id} in ${html}`);
  return [...select.matchAll(/<option([^>]*)value="([^"]*)"([^>]*)>([^<]*)<\/option>/g)].map((m) => [m[2] ?? '', m[4] ?? '', `${m[1]}${m[3]}`.includes('selected')]);
}

describe('the lookup action editor', () => {
  it('shows the name, method and URL, the fields sent and filled by their labels, the answer member with dots', () => {
    const def = applicationDef();
    const html = renderToStaticMarkup(<ActionsEditor id="a" def={def} title="Entry actions" actions={[crm]} onChange={() => undefined} />);
    expect(html).toContain('<strong>Look up in another system</strong>');
    expect(html).toContain('<label for="a-0-name">Lookup name</label>');
    expect(html).toMatch(/<input id="a-0-name"[^>]*value="crm"/);
    expect(options(html, 'a-0-method').map(([v, l, s]) => [v, l, s])).toEqual([
      ['GET', 'Fetch (GET)', true],
      ['POST', 'Send (POST)', false],
    ]);
    expect(html).toContain('<label for="a-0-sent-0-name">Parameter name 1</label>');
    expect(options(html, 'a-0-sent-0-field').find(([, , selected]) => selected)).toEqual(['/email', 'Email', true]);
    expect(options(html, 'a-0-map-0-field').find(([, , selected]) => selected)).toEqual(['/amount', 'Amount', true]);
    expect(html).toMatch(/<input id="a-0-map-0-from"[^>]*value="balance.open"/);
    expect(html).not.toContain('/balance/open');
    expect(html).toMatch(/<label for="a-0-title">Title<\/label><input id="a-0-title" value="Customer from the CRM"/);
    expect(html).toContain('<label for="a-0-timeout">Time limit (seconds)</label>');
  });

  it('starts a new lookup as a GET with nothing mapped yet', () => {
    expect(blankAction('lookup')).toEqual({ type: 'lookup', name: 'crm', url: 'https://', map: {} });
  });
});

describe('lookup edits', () => {
  it('move the values sent between query (GET) and body (POST)', () => {
    const post = withMethod(crm, 'POST');
    expect([post.method, post.query, post.body]).toEqual(['POST', undefined, { address: '/email' }]);
    const back = withMethod(post, 'GET');
    expect([back.method, back.query, back.body]).toEqual([undefined, { address: '/email' }, undefined]);
    expect(sentValues(post)).toEqual([{ key: 'address', value: '/email' }]);
    expect(withSentValues(crm, []).query).toBeUndefined();
    expect(freeName([{ key: 'value', value: '' }, { key: 'value2', value: '' }], 'value')).toBe('value3');
    expect([withTimeout(crm, '5').timeoutSeconds, withTimeout({ ...crm, timeoutSeconds: 5 }, '').timeoutSeconds, withTimeout(crm, '90').timeoutSeconds]).toEqual([5, undefined, undefined]);
    expect([withTitle(crm, '').title, withTitle(crm, 'Customer').title]).toEqual([undefined, 'Customer']);
  });

  it('write the answer member with dots and store it as a pointer', () => {
    expect([answerPath('/person/full~1name'), answerPointer(' person . full/name '), answerPointer('')]).toEqual(['person.full/name', '/person/full~1name', '']);
    expect(answerMapping(crm)).toEqual([{ key: '/amount', value: 'balance.open' }]);
    expect(withAnswerMapping(crm, [{ key: '/email', value: 'contact.mail' }]).map).toEqual({ '/email': '/contact/mail' });
  });

  it('find a lookup title by its name anywhere in the playbook', () => {
    const def: CaseType = { ...applicationDef(), playbook: { initial: 'a', states: { a: { on: { GO: { target: 'a', actions: [crm] } } } } } };
    expect([lookupTitle(def, 'crm'), lookupTitle(def, 'shop')]).toEqual(['Customer from the CRM', undefined]);
  });
});
