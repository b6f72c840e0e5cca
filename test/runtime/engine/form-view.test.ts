import { describe, expect, it } from 'vitest';
import { compileCaseType, formView } from '../../../runtime/engine/index.ts';
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
            { pointer: '/customer/name', label: 'Name', widget: 'text', help: null, visible: true, readOnly: false, required: true },
            { pointer: '/customer/email', label: 'E-mail', widget: 'email', help: null, visible: true, readOnly: false, required: true },
            { pointer: '/description', label: 'What happened', widget: 'textarea', help: null, visible: true, readOnly: false, required: false },
            { pointer: '/audit', label: 'audit', widget: 'text', help: null, visible: true, readOnly: true, required: false },
          ],
        },
        {
          id: 'triage',
          title: 'triage',
          visible: true,
          readOnly: false,
          fields: [
            { pointer: '/reason', label: 'reason', widget: 'select', help: null, visible: true, readOnly: false, required: true },
            { pointer: '/severity', label: 'severity', widget: 'text', help: null, visible: true, readOnly: false, required: true },
            { pointer: '/compensation', label: 'compensation', widget: 'money', help: 'In euros', visible: false, readOnly: false, required: false },
          ],
        },
        {
          id: 'resolution',
          title: 'Resolution',
          visible: false,
          readOnly: false,
          fields: [
            { pointer: '/resolved', label: 'resolved', widget: 'checkbox', help: null, visible: false, readOnly: false, required: false },
            { pointer: '/items', label: 'items', widget: 'list', help: null, visible: false, readOnly: false, required: false },
            { pointer: '/items/0/sku', label: 'sku', widget: 'integer', help: null, visible: false, readOnly: false, required: false },
            { pointer: '/unknown', label: 'unknown', widget: 'text', help: null, visible: false, readOnly: false, required: false },
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
});
