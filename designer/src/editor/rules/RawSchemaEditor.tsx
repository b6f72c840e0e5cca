import { lazy, Suspense, useState } from 'react';
import type { Rule } from '../../../../schemas/generated/case-type.ts';

const RuleSchemaEditor = lazy(() => import('../json/RuleSchemaEditor.tsx').then((m) => ({ default: m.RuleSchemaEditor })));

/** The rule's JSON Schema for experts, in Monaco (loaded only when opened). */
export function RawSchemaEditor({ name, schema, onChange }: { name: string; schema: Rule['schema']; onChange: (s: Rule['schema']) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="raw-schema" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>JSON Schema of this rule</summary>
      {open ? (
        <Suspense fallback={<p role="status">Loading the code editor…</p>}>
          <RuleSchemaEditor name={name} schema={schema} onChange={onChange} />
        </Suspense>
      ) : null}
    </details>
  );
}
