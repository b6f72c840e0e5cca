// Saves a definition as `<key>.case.json` through the browser's download.
import type { CaseType } from '../../../schemas/generated/case-type.ts';

export function downloadCaseType(def: CaseType): void {
  const blob = new Blob([JSON.stringify(def, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${def.key}.case.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
