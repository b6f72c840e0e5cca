// The console of a partner organisation's person (docs/partners.md): the server sends them only the fields
// the case type shares, and refuses changes to the others; here the case type's form and events are cut the
// same way, so that no field they cannot see or send is offered to them (a blank field would read as empty).
import type { CaseType, FieldRef } from '../../../schemas/generated/case-type.ts';
import { isShared, shareTree } from '../../../schemas/sharing.ts';

export function partnerDefinition(def: CaseType): CaseType {
  const tree = shareTree(def);
  const shared = (pointer: string) => isShared(pointer, tree);
  const fieldOf = (ref: FieldRef | string) => (typeof ref === 'string' ? ref : ref.field);
  const events = Object.fromEntries(
    Object.entries(def.events ?? {}).map(([type, event]) => {
      const properties = event?.data?.properties;
      if (event === undefined || properties === undefined) return [type, event];
      const kept = Object.fromEntries(Object.entries(properties).filter(([key]) => shared(`/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)));
      return [type, { ...event, data: { ...event.data, properties: kept, ...(event.data?.required ? { required: event.data.required.filter((k) => k in kept) } : {}) } }];
    }),
  );
  return {
    ...def,
    events: events as CaseType['events'],
    ...(def.form === undefined ? {} : { form: { ...def.form, sections: def.form.sections.map((s) => ({ ...s, fields: s.fields.filter((r) => shared(fieldOf(r))) })).filter((s) => s.fields.length > 0) } }),
  };
}
