// The worker console's life-cycle strip: which stages it shows, which is current (announced) and which are done.
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { LifeCycleStrip } from '../../../designer/src/stage/LifeCycleStrip.tsx';

const complaint = JSON.parse(readFileSync(new URL('../../../templates/complaint.case.json', import.meta.url), 'utf8')) as CaseType;

/** The strip's stages as "class:text", and its announcement. */
function read(html: string): { stages: string[]; now: string } {
  const stages = [...html.matchAll(/<li class="(\w+)"[^>]*>(.*?)<\/li>/g)].map((m) => `${m[1]}:${(m[2] ?? '').replace(/<[^>]+>/g, '')}`);
  const now = /<p class="life-cycle-now"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? '';
  return { stages, now };
}

describe('life-cycle strip', () => {
  it('highlights the current stage and step and marks the stages of the history done', () => {
    const html = renderToStaticMarkup(
      <LifeCycleStrip def={complaint} state={{ investigating: 'analyse' }} history={[{ from: null, to: 'triage' }, { from: 'triage', to: { investigating: 'collect' } }, { from: { investigating: 'collect' }, to: 'waitingForCustomer' }, { from: 'waitingForCustomer', to: { investigating: 'analyse' } }]} />,
    );
    expect(read(html)).toEqual({
      // the wait for the customer is off the primary path: shown because the case has been there
      stages: ['done:✓ Triage (done)', 'current:Investigation (current stage)', 'upcoming:Resolution', 'upcoming:Compensation approval', 'upcoming:Satisfaction survey', 'done:✓ Waiting for the customer (done)', 'upcoming:Closed'],
      now: 'Current stage: Investigation, step: Analyse the root cause',
    });
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('aria-live="polite"');
  });

  it('without a history, takes the primary stages before the current one as done, and shows an alternate end the case is in', () => {
    expect(read(renderToStaticMarkup(<LifeCycleStrip def={complaint} state="resolving" history={[]} />)).stages.slice(0, 3)).toEqual([
      'done:✓ Triage (done)',
      'done:✓ Investigation (done)',
      'current:Resolution (current stage)',
    ]);
    const withdrawn = read(renderToStaticMarkup(<LifeCycleStrip def={complaint} state="withdrawn" history={[{ from: null, to: 'triage' }, { from: 'triage', to: 'withdrawn' }]} />));
    expect(withdrawn.stages).toEqual(['done:✓ Triage (done)', 'upcoming:Investigation', 'upcoming:Resolution', 'upcoming:Compensation approval', 'upcoming:Satisfaction survey', 'upcoming:Closed', 'current:Withdrawn (current stage)']);
    expect(withdrawn.now).toBe('Current stage: Withdrawn');
  });
});
