import { describe, expect, it } from 'vitest';
import { compileCaseType, draftFormScope, formView, formViewOf } from '../../../runtime/engine/index.ts';
import { send, start } from './engine-fixtures.ts';
import { complaint } from './views.fixture.ts';

describe('formView', () => {
  const type = compileCaseType(complaint);

  it('resolves labels, widgets, visibility, read-only and required for the current state and data', () => {
    const kase = start(complaint, { customer: { name: 'Ann' } }).case;
    expect(formView(type, kase)).toEqual({
      sections: [
        {
          id: 'intake',
          title: 'Intake',
          visible: true,
          readOnly: false,
          fields: [
            { pointer: '/customer/name', label: 'Name', widget: 'text', help: null, visible: true, readOnly: false, required: true, readOnlyWhen: null },
            { pointer: '/customer/email', label: 'E-mail', widget: 'email', help: null, visible: true, readOnly: false, required: true, readOnlyWhen: null },
            { pointer: '/description', label: 'What happened', widget: 'textarea', help: null, visible: true, readOnly: false, required: false, readOnlyWhen: null },
            { pointer: '/audit', label: 'audit', widget: 'text', help: null, visible: true, readOnly: true, required: false, readOnlyWhen: null },
          ],
        },
        {
          id: 'triage',
          title: 'triage',
          visible: true,
          readOnly: false,
          fields: [
            { pointer: '/reason', label: 'reason', widget: 'select', help: null, visible: true, readOnly: false, required: true, readOnlyWhen: null },
            { pointer: '/severity', label: 'severity', widget: 'text', help: null, visible: true, readOnly: false, required: true, readOnlyWhen: null },
            { pointer: '/compensation', label: 'compensation', widget: 'money', help: 'In euros', visible: false, readOnly: false, required: false, readOnlyWhen: null },
          ],
        },
        {
          id: 'resolution',
          title: 'Resolution',
          visible: false,
          readOnly: false,
          fields: [
            { pointer: '/resolved', label: 'resolved', widget: 'checkbox', help: null, visible: false, readOnly: false, required: false, readOnlyWhen: null },
            { pointer: '/items', label: 'items', widget: 'list', help: null, visible: false, readOnly: false, required: false, readOnlyWhen: null },
            { pointer: '/items/0/sku', label: 'sku', widget: 'integer', help: null, visible: false, readOnly: false, required: false, readOnlyWhen: null },
            { pointer: '/unknown', label: 'unknown', widget: 'text', help: null, visible: false, readOnly: false, required: false, readOnlyWhen: null },
          ],
        },
      ],
    });
  });

  it('evaluates visibleWhen and readOnlyWhen again after the case moves on', () => {
    const kase = send(complaint, start(complaint, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case, 'SUBMIT_TRIAGE').case;
    const view = formView(type, kase);
    expect(view.sections.map((s) => [s.id, s.visible, s.readOnly])).toEqual([
      ['intake', true, false],
      ['triage', true, true],
      ['resolution', true, false],
    ]);
    expect(view.sections[1]?.fields.map((f) => [f.pointer, f.visible, f.readOnly, f.required])).toEqual([
      // still required: the resolving checklist lists triaged
      ['/reason', true, true, true],
      ['/severity', true, true, true],
      ['/compensation', true, true, false],
    ]);
  });

  it('names the condition that locked a field: its own readOnlyWhen, else its section\'s', () => {
    const kase = send(complaint, start(complaint, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case, 'SUBMIT_TRIAGE').case;
    const triage = formView(type, kase).sections[1];
    expect(triage?.fields.map((f) => f.readOnlyWhen)).toEqual([{ in: ['resolving'] }, { in: ['resolving'] }, { in: ['resolving'] }]);
  });

  it('gives a draft, a state id and sample data the same view as a case in that state (formViewOf over draftFormScope)', () => {
    const kase = send(complaint, start(complaint, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case, 'SUBMIT_TRIAGE').case;
    const deepest = (value: typeof kase.state): string => (typeof value === 'string' ? value : deepest(Object.values(value)[0] as typeof kase.state));
    expect(formViewOf(complaint, draftFormScope(complaint, deepest(kase.state), kase.data))).toEqual(formView(type, kase));
  });

  it('draws a definition without a form as one "Details" section of its top-level fields', () => {
    const bare = { data: { type: 'object' as const, required: ['a'], properties: { a: { type: 'string' as const, title: 'A' }, b: { type: 'boolean' as const } } } };
    expect(formViewOf(bare, { holds: () => true })).toEqual({
      sections: [
        {
          id: 'details',
          title: 'Details',
          visible: true,
          readOnly: false,
          fields: [
            { pointer: '/a', label: 'A', widget: 'text', help: null, visible: true, readOnly: false, required: true, readOnlyWhen: null },
            { pointer: '/b', label: 'b', widget: 'checkbox', help: null, visible: true, readOnly: false, required: false, readOnlyWhen: null },
          ],
        },
      ],
    });
  });
});
