// Fields and form: the field list and sections, the selected field's editor, and the live form preview.
import type { EditProps } from '../edit-props.ts';
import { listFields } from '../../model/fields.ts';
import { AddFieldForm } from './AddFieldForm.tsx';
import { CustomerEditor } from './CustomerEditor.tsx';
import { FieldEditor } from './FieldEditor.tsx';
import { SectionsEditor } from './SectionsEditor.tsx';
import { FormPreview } from './FormPreview.tsx';
import { useWords } from '../../i18n/use-words.ts';


export function FieldsView(props: EditProps & { sample: Record<string, unknown>; setSample: (s: Record<string, unknown>) => void }) {
  const { t } = useWords();
  const { def, selection, select } = props;
  const fields = listFields(def);
  const selectedField = selection?.type === 'field' ? fields.find((f) => f.pointer === selection.pointer) : undefined;
  return (
    <div className="three-columns">
      <div className="column">
        <h2>{t('editor.fields.heading')}</h2>
        {fields.length === 0 ? <p className="muted">{t('editor.fields.none')}</p> : null}
        <ul className="tree" aria-label={t('editor.fields.heading')}>
          {fields.map((f) => (
            <li key={f.pointer} style={{ paddingLeft: `${f.depth * 1.2}em` }}>
              <button
                type="button"
                className={selectedField?.pointer === f.pointer ? 'tree-item selected' : 'tree-item'}
                aria-current={selectedField?.pointer === f.pointer ? 'true' : undefined}
                onClick={() => select({ type: 'field', pointer: f.pointer })}
              >
                {f.schema.title ?? f.name} <code className="muted">{f.pointer}</code>
              </button>
            </li>
          ))}
        </ul>
        <AddFieldForm {...props} />
        <SectionsEditor {...props} />
        <CustomerEditor def={def} edit={props.edit} />
      </div>
      <div className="column">
        {/* keyed by the field: the editor's own state (the name being typed, its error) starts from the selected field */}
        {selectedField ? <FieldEditor key={selectedField.pointer} {...props} field={selectedField} /> : <p className="muted">{t('editor.fields.selectOne')}</p>}
      </div>
      <div className="column">
        <FormPreview def={def} edit={props.edit} sample={props.sample} setSample={props.setSample} />
      </div>
    </div>
  );
}
