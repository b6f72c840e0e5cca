// A small case type the model tests of issue 17 (every construct by labelled controls) build on.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { addState } from '../../../designer/src/model/states.ts';
import { addTransition } from '../../../designer/src/model/transitions.ts';

export function applicationDef(): CaseType {
  let def = createBlankCaseType('application', 'Application');
  def = addField(def, { parent: '', name: 'email', kind: 'email', title: 'Email' });
  def = addField(def, { parent: '', name: 'amount', kind: 'number', title: 'Amount' });
  def = addField(def, { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
  def = addField(def, { parent: '', name: 'approved', kind: 'yesNo', title: 'Approved' });
  def.data.properties = { ...def.data.properties, severity: { type: 'string', title: 'Severity', enum: ['low', 'medium', 'high'] } };
  def.rules = { amountGiven: { title: 'Amount given', schema: { required: ['amount'] } }, rejected: { title: 'Rejected', schema: { properties: { approved: { const: false } }, required: ['approved'] } } };
  def.calendars = { office: { title: 'Office', timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } } };
  def = addState(def, { id: 'intake', title: 'Intake' });
  def = addState(def, { id: 'review', title: 'Review' });
  def = addState(def, { id: 'closed', title: 'Closed', final: true });
  def = (addTransition(def, { source: 'intake', target: 'review', event: 'SUBMIT' }) as { def: CaseType }).def;
  def = (addTransition(def, { source: 'review', target: 'closed', event: 'CLOSE' }) as { def: CaseType }).def;
  return def;
}
