// One actions editor everywhere, in business words: the SLA rungs draw the playbook's field pickers; queues,
// events and child case types are picked by title; the state and transition panels name states and events by
// their titles. Rendered to static markup (what the first render shows).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { ActionsEditor } from '../../../designer/src/canvas/ActionsEditor.tsx';
import { StatePanel } from '../../../designer/src/canvas/StatePanel.tsx';
import { TransitionPanel } from '../../../designer/src/canvas/TransitionPanel.tsx';
import { KnownCaseTypes } from '../../../designer/src/editor/known-case-types.ts';
import { SlaEditor } from '../../../designer/src/editor/slas/SlaEditor.tsx';
import { addField } from '../../../designer/src/model/fields.ts';
import { addQueue } from '../../../designer/src/model/roles-queues.ts';
import { addSla, setConditionPart, setRungActions } from '../../../designer/src/model/slas.ts';
import { applicationDef } from '../model/every-construct-fixture.ts';

function fixture(): CaseType {
  let def = applicationDef();
  def = addQueue(def, 'triage-desk', 'Triage desk');
  def = addField(def, { parent: '', name: 'requestedAt', kind: 'dateTime', title: 'Requested at' });
  def.events = { ...def.events, SUBMIT: { title: 'Submit the application' } };
  return def;
}

/** The options of the select with `id` in the markup, as [value, text]. */
function options(html: string, id: string): [string, string][] {
  const select = new RegExp(`<select[^>]* id="${id}"[^>]*>(.*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`no select ${id} in ${html}`);
  return [...select.matchAll(/<option[^>]*value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

const actions = (list: Action[]) => list;

describe('actions editor', () => {
  it('picks the queue and the event by title, keeping a stored one that is missing', () => {
    const def = fixture();
    const html = renderToStaticMarkup(
      <ActionsEditor
        id="a"
        def={def}
        title="Actions"
        actions={actions([{ type: 'assign', queue: 'triage-desk' }, { type: 'raise', event: 'CLOSE' }, { type: 'raise', event: 'GONE' }])}
        onChange={() => undefined}
      />,
    );
    expect(html).toContain('<label for="a-0-queue">Queue</label>');
    expect(options(html, 'a-0-queue')).toEqual([['triage-desk', 'Triage desk']]);
    expect(html).toContain('<label for="a-1-event">Event</label>');
    expect(options(html, 'a-1-event')).toEqual([
      ['SUBMIT', 'Submit the application'],
      ['CLOSE', 'Close'],
    ]);
    expect(options(html, 'a-2-event')[0]).toEqual(['GONE', 'GONE (not an event of this case type)']);
  });

  it('asks for a queue when none is chosen, and says when the case type has none', () => {
    const def = applicationDef();
    const html = renderToStaticMarkup(<ActionsEditor id="a" def={def} title="Actions" actions={[{ type: 'assign', queue: '' }]} onChange={() => undefined} />);
    expect(options(html, 'a-0-queue')).toEqual([['', 'choose a queue…']]);
    expect(html).toContain('This case type has no queues yet: add one under Roles and queues.');
  });

  it('picks the child case type among the published ones by title when the editor knows them', () => {
    const def = fixture();
    const known = [
      { key: 'complaint', title: 'Customer complaint', version: 2 },
      { key: 'draft-only', title: 'Draft only', version: null },
    ];
    const draw = (caseType: string) =>
      renderToStaticMarkup(
        <KnownCaseTypes.Provider value={known}>
          <ActionsEditor id="a" def={def} title="Entry actions" actions={[{ type: 'createCase', caseType, link: 'child' }]} onChange={() => undefined} />
        </KnownCaseTypes.Provider>,
      );
    expect(options(draw(''), 'a-0-casetype')).toEqual([
      ['', 'choose a case type…'],
      ['complaint', 'Customer complaint'],
    ]);
    const unknown = draw('draft-only');
    expect(options(unknown, 'a-0-casetype')[0]).toEqual(['draft-only', 'draft-only (not a published case type)']);
    expect(unknown).toContain('There is no published case type draft-only: choose one of the list.');
    // the copy and data rows are there too
    expect(unknown).toContain('Add a copied field');
    expect(unknown).toContain('Add child data');
  });

  it('without a list of case types, types the key with a hint', () => {
    const html = renderToStaticMarkup(<ActionsEditor id="a" def={fixture()} title="Actions" actions={[{ type: 'createCase', caseType: 'complaint', link: 'child' }]} onChange={() => undefined} />);
    expect(html).toMatch(/<input id="a-0-casetype" aria-describedby="a-0-casetype-hint" value="complaint"\/>/);
    expect(html).toContain('The key of a published case type, e.g. complaint.');
  });
});

describe('SLA editor', () => {
  it('draws the rung actions with the field pickers, the start-from field by label and chips by title', () => {
    let def = addSla(fixture(), 'response', 'Response');
    def = setRungActions(def, 'response', 'onBreach', [
      { type: 'set', path: '/severity', value: 'high' },
      { type: 'createCase', caseType: 'complaint', link: 'child' },
    ]);
    def = setConditionPart(def, 'response', 'stop', 'enter', ['closed']);
    def = setConditionPart(def, 'response', 'pause', 'event', ['SUBMIT', 'case.created']);
    const sla = def.slas?.response;
    if (!sla) throw new Error('no SLA');
    const html = renderToStaticMarkup(<SlaEditor def={def} name="response" sla={sla} edit={() => undefined} />);
    // "Set a field": the field by label, the value as the field's type (a choice list)
    expect(options(html, 'sla-response-onBreach-0-path')).toContainEqual(['/severity', 'Severity']);
    expect(options(html, 'sla-response-onBreach-0-value').map(([v]) => v)).toEqual(expect.arrayContaining(['low', 'medium', 'high']));
    // "Open a child case": the copy and data rows
    expect(html).toContain('Copied from this case into the child');
    expect(html).toContain('Data the child case starts with');
    // the start-from field by label
    expect(html).toMatch(/<option value="\/requestedAt">Requested at<\/option>/);
    // chips and their remove buttons by title
    expect(html).toContain('aria-label="Remove Closed from stop: entering states"');
    expect(html).toContain('aria-label="Remove Submit the application from pause: on events"');
    expect(html).toContain('aria-label="Remove Case created (system) from pause: on events"');
  });
});

describe('state and transition panels', () => {
  const noop = () => undefined;
  it('lists transitions by event and target titles, and heads a transition with its state title', () => {
    const def = fixture();
    def.playbook.states.intake = { ...def.playbook.states.intake, task: { title: 'Check it', queue: 'triage-desk' } };
    const state = renderToStaticMarkup(<StatePanel def={def} edit={noop} selection={null} select={noop} id="intake" />);
    expect(state).toContain('>Submit the application → Review</button>');
    expect(options(state, 'task-queue')).toEqual([
      ['', 'none'],
      ['triage-desk', 'Triage desk'],
    ]);
    const transition = renderToStaticMarkup(<TransitionPanel def={def} edit={noop} selection={null} select={noop} tref={{ source: 'intake', event: 'SUBMIT', index: 0 }} />);
    expect(transition).toContain('<h2 id="transition-heading">Transition from Intake</h2>');
  });
});
