// The designer's edits of a case type's messages, and that what they make passes the validator.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/validate.ts';
import {
  addMessage,
  addMessageLanguage,
  deleteMessage,
  messageLanguages,
  messageOptions,
  placeholderOptions,
  setMessageText,
  setMessageTitle,
  shownText,
  storedText,
} from '../../../designer/src/model/messages.ts';
import { selectionForPointer, viewOf } from '../../../designer/src/model/problem-target.ts';

const base = {
  key: 'complaint',
  title: 'Complaint',
  data: { type: 'object', properties: { customer: { type: 'object', title: 'Customer', properties: { name: { type: 'string', title: 'Name' }, email: { type: 'string', title: 'E-mail' } } } } },
  customer: { keys: ['/customer/email'], email: '/customer/email' },
  playbook: { initial: 'open', states: { open: { entry: [{ type: 'notify', to: 'customer', template: 'thanks' }] } } },
} as unknown as CaseType;

describe('message edits', () => {
  it('adds a message in a language, translates it, fills its texts, and the result is valid', () => {
    let def = addMessage(base, 'thanks', 'Thank you', 'en');
    expect(def.messages?.thanks).toEqual({ title: 'Thank you', subject: { en: 'Thank you' }, body: { en: '{{reference}}' } });
    def = setMessageText(def, 'thanks', 'body', 'en', 'Dear {{/customer/name}}, see {{reference}}.');
    def = addMessageLanguage(def, 'thanks', 'nl');
    expect(messageLanguages(def.messages!.thanks!)).toEqual(['en', 'nl']);
    // the new language starts as a copy of the first, to translate
    expect(def.messages?.thanks?.body).toEqual({ en: 'Dear {{/customer/name}}, see {{reference}}.', nl: 'Dear {{/customer/name}}, see {{reference}}.' });
    def = setMessageText(def, 'thanks', 'subject', 'nl', 'Dank u');
    def = setMessageTitle(def, 'thanks', '');
    expect(def.messages?.thanks?.title).toBeUndefined();
    expect(validateCaseType(def).filter((p) => p.code.startsWith('message.'))).toEqual([]);
    expect(base.messages).toBeUndefined();
    expect(deleteMessage(def, 'thanks').messages).toBeUndefined();
  });

  it('offers fields by label and the case values by words for placeholders, and messages by title for notify', () => {
    const options = placeholderOptions(base, (b) => `case ${b}`);
    expect(options.slice(0, 3)).toEqual([
      { value: '/customer', label: 'Customer' },
      { value: '/customer/name', label: 'Customer › Name' },
      { value: '/customer/email', label: 'Customer › E-mail' },
    ]);
    expect(options.map((o) => o.value)).toContain('reference');
    const def = addMessage(addMessage(base, 'thanks', 'Thank you', 'en'), 'survey-invite', '', 'en');
    expect(messageOptions(def)).toEqual([
      { value: 'thanks', label: 'Thank you' },
      { value: 'survey-invite', label: 'Survey invite' },
    ]);
  });

  it('shows placeholders by their labels and stores them as pointers and names; unknown ones stay as written', () => {
    const options = placeholderOptions(base, (b) => (b === 'reference' ? 'The case reference' : b));
    const stored = 'Dear {{ /customer/name }}, {{reference}} {{/nope}}';
    const shown = shownText(stored, options);
    expect(shown).toBe('Dear {{Customer › Name}}, {{The case reference}} {{/nope}}');
    expect(storedText(shown, options)).toBe('Dear {{/customer/name}}, {{reference}} {{/nope}}');
    expect(storedText('{{Customer › E-mail}} {{Nobody}}', options)).toBe('{{/customer/email}} {{Nobody}}');
  });

  it('takes a problem about a message to the Messages view', () => {
    const def = addMessage(base, 'thanks', 'Thank you', 'en');
    const selection = selectionForPointer(def, '/messages/thanks/body/en');
    expect(selection).toEqual({ type: 'message', name: 'thanks' });
    expect(viewOf(selection)).toBe('messages');
  });
});
