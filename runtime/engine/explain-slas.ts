// explainSlas: each SLA record of a case as the API shows it (delegates to the SLA module's view).
import type { CompiledCaseType } from './compile.ts';
import { slaView } from './sla-explain.ts';
import type { SlaView } from './sla-explain.ts';
import type { Case, Instant } from './types.ts';

export function explainSlas(type: CompiledCaseType, kase: Case, now: Instant): SlaView[] {
  return kase.slas.map((record) => slaView(type.def, type.calendars, record, now));
}
