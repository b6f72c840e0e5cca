// The ready case types shipped in templates/, bundled with the designer (loaded on demand).
import type { CaseType } from '../../../schemas/generated/case-type.ts';

const modules = import.meta.glob<CaseType>('../../../templates/*.case.json', { import: 'default' });

export interface TemplateEntry {
  name: string;
  load: () => Promise<CaseType>;
}

export const templates: TemplateEntry[] = Object.entries(modules)
  .map(([path, load]) => ({ name: path.split('/').pop()?.replace(/\.case\.json$/, '') ?? path, load }))
  .sort((a, b) => a.name.localeCompare(b.name));
