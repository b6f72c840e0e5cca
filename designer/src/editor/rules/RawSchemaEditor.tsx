import { lazy, Suspense, useState } from 'react';
import type { Rule } from '../../../../schemas/generated/case-type.ts';
import { useWords } from '../../i18n/use-words.ts';

const RuleSchemaEditor = lazy(() => import('../json/RuleSchemaEditor.tsx').then((m) => ({ default: m.RuleSchemaEditor })));

/** The rule's JSON Schema for experts, in Monaco (loaded only when opened). */
export function RawSchemaEditor({ name, schema, onChange }: { name: string; schema: Rule['schema']; onChange: (s: Rule['schema']) => void }) {
  const { t } = useWords();
  const [open, setOpen] = useState(false);
  return (
    <details className="raw-schema" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('rules.raw.summary')}</summary>
      {open ? (
        <Suspense fallback={<p role="status">{t('rules.raw.loading')}</p>}>
          <RuleSchemaEditor name={name} schema={schema} onChange={onChange} />
        </Suspense>
      ) : null}
    </details>
  );
}
