// "Send an event to the child cases" / "to the parent case" in the actions editor (docs/linked-work.md): the
// event by title, the child case type (every child, or a published type by title), the group of fields sent.
// Rendered to static markup (what the first render shows).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { ActionsEditor, blankAction } from '../../../designer/src/canvas/ActionsEditor.tsx';
import { KnownCaseTypes } from '../../../designer/src/editor/known-case-types.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { applicationDef } from '../model/every-construct-fixture.ts';

function options(html: string, id: string): [string, string][] {
  const select = new RegExp(`<select[^>]* id="${id}"[^>]*>(.*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`no select ${id} in ${html}`);
  return [...select.matchAll(/<option[^>]*value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

function fixture(): CaseType {
  let def = applicationDef();
  def = addField(def, { parent: '', name: 'restore', kind: 'group', title: 'Restore details' });
  def.events = { ...def.events, SERVICE_RESTORED: { title: 'Service restored' } };
  return def;
}

describe('linked event actions in the actions editor', () => {
  it('offers both actions, and a new one starts on the first event', () => {
    const def = fixture();
    const html = renderToStaticMarkup(<ActionsEditor id="a" def={def} title="Actions" actions={[]} onChange={() => undefined} />);
    expect(options(html, 'a-add')).toContainEqual(['sendToChildren', 'Send an event to the child cases']);
    expect(options(html, 'a-add')).toContainEqual(['sendToParent', 'Send an event to the parent case']);
    expect(blankAction('sendToChildren', def)).toEqual({ type: 'sendToChildren', event: Object.keys(def.events ?? {})[0] });
  });

  it('picks the event by title, the child case type among the published ones, and the group of fields sent', () => {
    const def = fixture();
    const known = [
      { key: 'incident-impact', title: 'Incident impact on a customer', version: 3 },
      { key: 'draft-only', title: 'Draft only', version: null },
    ];
    const html = renderToStaticMarkup(
      <KnownCaseTypes.Provider value={known}>
        <ActionsEditor
          id="a"
          def={def}
          title="Actions"
          actions={[
            { type: 'sendToChildren', event: 'SERVICE_RESTORED', caseType: 'incident-impact', from: '/restore' },
            { type: 'sendToParent', event: 'GONE' },
          ]}
          onChange={() => undefined}
        />
      </KnownCaseTypes.Provider>,
    );
    expect(html).toContain('<label for="a-0-event">Event to send</label>');
    expect(options(html, 'a-0-event')).toContainEqual(['SERVICE_RESTORED', 'Service restored']);
    expect(options(html, 'a-0-childtype')).toEqual([
      ['', 'every child case'],
      ['incident-impact', 'Incident impact on a customer'],
    ]);
    expect(html).toContain('<label for="a-0-payload">Field sent</label>');
    expect(options(html, 'a-0-payload')).toEqual([
      ['', 'no data'],
      ['/restore', 'Restore details'],
    ]);
    // the parent's: no case type; a stored event this case type does not define is kept and said
    expect(html).not.toContain('id="a-1-childtype"');
    expect(options(html, 'a-1-event')[0]).toEqual(['GONE', 'GONE (not an event of this case type)']);
    expect(html).toContain('aria-label="Actions 2: sendToParent"');
  });
});
