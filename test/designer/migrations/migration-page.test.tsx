// The migration page puts the plan problems of a 422 (migration.invalid) beside the controls they concern, in
// words, and marks those controls invalid and described by them; a problem with the plan as a whole is said
// above the form. Mounted with react-dom/client on the small in-memory DOM, against a fake API.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ApiClient, ApiResult } from '../../../designer/src/api/client.ts';
import type { MigrationsApi } from '../../../designer/src/api/migrations-api.ts';
import { MigrationPage } from '../../../designer/src/migrations/MigrationPage.tsx';
import { compileCaseType, suggestMigrationPlan } from '../../../runtime/engine/index.ts';
import { complaintV1, complaintV2 } from '../../complaint-versions.ts';
import { useMiniDom, type MiniElement } from '../editor/mini-dom.ts';

const mini = useMiniDom();

const v1 = { ...complaintV1(), version: 1 } as CaseType;
const v2 = { ...complaintV2(), version: 2 } as CaseType;
const plan = suggestMigrationPlan(compileCaseType(v1), compileCaseType(v2));
const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value, status: 200 });

function fakeApi(sent: unknown[]): ApiClient {
  const migrations: Partial<MigrationsApi> = {
    suggest: async () => ok({ plan, needsDefaults: [] }),
    list: async () => ok([]),
    dryRun: async (p) => {
      sent.push(p);
      return {
        ok: false,
        status: 422,
        code: 'migration.invalid',
        message: 'The migration plan does not fit the two versions; fix the problems listed.',
        problems: [
          { pointer: '/states/approval', message: "'closed' is a final state: migration does not close cases." },
          { pointer: '/data/defaults/~1language', message: 'The default "fr" does not fit the field: /language must be equal to one of the allowed values: en, nl.' },
          { pointer: '/cases/queue', message: 'must not be empty' },
        ],
      };
    },
  };
  const api: Partial<ApiClient> = {
    getVersion: async (_key, version) => ok(version === 1 ? v1 : v2),
    migrations: migrations as MigrationsApi,
  };
  return api as ApiClient;
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

describe('the migration page', () => {
  it('shows a 422’s plan problems beside their controls, in words', async () => {
    const sent: unknown[] = [];
    const container = mini.document().createElement('div');
    mini.document().body.appendChild(container);
    const root = mini.createRoot(container);
    await act(async () => root.render(<MigrationPage api={fakeApi(sent)} caseTypeKey="complaint" from={1} to={2} />));
    await flush();
    const doc = mini.document();
    const select = doc.getElementById('migration-state-approval') as MiniElement;
    expect(select).not.toBeNull();
    const form = doc.documentElement.querySelectorAll((e) => e.localName === 'form')[0] as MiniElement;
    await act(async () => {
      const { MiniEvent } = await import('../editor/mini-dom.ts');
      form.dispatchEvent(new MiniEvent('submit'));
    });
    await flush();
    expect(sent).toEqual([plan]);

    // beside the state's select: the problem in words, linked to it, and the select marked invalid
    const describedBy = select.getAttribute('aria-describedby');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(doc.getElementById(describedBy ?? '')?.textContent).toBe('Version 2 has no such state: choose one of its states.');
    // beside the field's value: the field's problem as the form says it
    const language = doc.getElementById('migration-default-_language') as MiniElement;
    expect(language.getAttribute('aria-invalid')).toBe('true');
    expect(doc.getElementById(language.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Must be /);
    // the plan as a whole: above the form, with the count of problems
    const alert = doc.documentElement.querySelectorAll((e) => e.getAttribute('role') === 'alert')[0] as MiniElement;
    expect(alert.textContent).toContain('The plan does not fit the two versions: see the 3 problems marked below.');
    expect(alert.textContent).toContain('Part of the plan does not fit the two versions: reload the page to start from a fresh plan.');
    // nothing a person reads names an id or a pointer
    expect(doc.body.textContent).not.toMatch(/\/language|\/states|'closed'|approval'/);

    act(() => root.unmount());
    container.parentNode?.removeChild(container);
  });
});
