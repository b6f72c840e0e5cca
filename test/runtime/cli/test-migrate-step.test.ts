// `dossier test` with a migration step (issue 19): a scenario takes a complaint on version 1 through
// `{ "migrate": "<plan file>" }` to version 2 (beside it as complaint.v2.case.json, or named by
// `definition`) and goes on there; a plan that cannot move the case fails the step, saying why.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../runtime/cli/main.ts';
import { complaintData, complaintPaths, complaintV1, complaintV2 } from '../../complaint-versions.ts';
import { captureIo } from './captured-io.ts';

let dir: string;

async function write(name: string, value: unknown): Promise<void> {
  await writeFile(join(dir, name), JSON.stringify(value, null, 2));
}

async function dossier(...args: string[]): Promise<{ code: number; out: string[] }> {
  const { io, out } = captureIo(dir);
  return { code: await main(['test', ...args], io), out };
}

const toApproval = (complaintPaths['approval'] ?? []).map((e) => ({ send: e.type, ...(e.data === undefined ? {} : { data: e.data }) }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-migrate-step-'));
  await write('complaint.case.json', complaintV1());
  await write('complaint.v2.case.json', complaintV2());
  await write('renamed-v2.json', complaintV2());
  await write('plan.json', { caseType: 'complaint', from: 1, to: 2, states: { approval: 'resolving' }, data: { defaults: { '/language': 'nl' } } });
  await write('bare-plan.json', { caseType: 'complaint', from: 1, to: 2, data: { defaults: { '/language': 'nl' } } });
  await write('bad-plan.json', { caseType: 'complaint', from: 1, to: 2, states: { limbo: 'triage' } });
  const steps = [
    ...toApproval,
    { expect: { state: 'approval', tasks: ['Approve the compensation'] } },
    { migrate: 'plan.json', expect: { state: { resolving: 'draft' }, tasks: ['Write the resolution'], data: { language: 'nl' }, slas: { resolution: 'running' } } },
    { send: 'RESOLUTION_DRAFTED', expect: { state: { resolving: 'check' }, tasks: ['Check the resolution'] } },
  ];
  await write('complaint.migrated.scenario.json', { name: 'Approval removed: the case moves to the new resolution steps', caseType: 'complaint', data: complaintData, steps });
  await write('named.json', {
    name: 'The target version named by definition',
    caseType: 'complaint',
    data: complaintData,
    steps: [{ migrate: 'plan.json', definition: 'renamed-v2.json', expect: { state: 'triage' } }],
  });
  await write('stuck.json', { name: 'No place for the approval step', caseType: 'complaint', data: complaintData, steps: [...toApproval, { migrate: 'bare-plan.json' }] });
  await write('bad.json', { name: 'A plan that does not fit', caseType: 'complaint', data: complaintData, steps: [{ migrate: 'bad-plan.json' }] });
  await write('mixed.json', { name: 'Mixed', caseType: 'complaint', data: complaintData, steps: [{ migrate: 'plan.json', send: 'WITHDRAW' }] });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dossier test with a migrate step', () => {
  it('migrates the case to the next version and goes on there', async () => {
    const { code, out } = await dossier('complaint.case.json', 'complaint.migrated.scenario.json', 'named.json');
    expect(out).toEqual([
      '✓ Approval removed: the case moves to the new resolution steps (7 steps)',
      '✓ The target version named by definition (1 step)',
      '2 scenarios: 2 passed, 0 failed',
    ]);
    expect(code).toBe(0);
  });

  it('fails the step when the case cannot move, or the plan does not fit, saying why', async () => {
    const { code, out } = await dossier('complaint.case.json', 'stuck.json', 'bad.json', 'mixed.json');
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain("step 5 of 5 (/steps/4): migrate bare-plan.json");
    expect(text).toContain("the case cannot migrate: The case is in 'Compensation approval' (approval), which version 2 does not have");
    expect(text).toContain('bad-plan.json does not fit: /states/limbo Version 1 has no state');
    expect(text).toContain("/steps/0 has 'migrate' with 'send'; migrate in a step of its own");
  });
});
