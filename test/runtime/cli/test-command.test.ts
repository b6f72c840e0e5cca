import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../runtime/cli/main.ts';
import { refund } from '../scenarios/scenario-fixtures.ts';
import { captureIo } from './captured-io.ts';

let dir: string;

async function write(name: string, value: unknown): Promise<void> {
  await writeFile(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

async function dossier(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const { io, out, err } = captureIo(dir);
  const code = await main(['test', ...args], io);
  return { code, out, err };
}

const approved = {
  name: 'Small refund is approved at once',
  caseType: 'refund',
  data: { amount: 20 },
  steps: [
    { send: 'SUBMIT', expect: { rejected: 'rule.failed' } },
    { send: 'SUBMIT', data: { reason: 'late' }, expect: { state: 'approved', slas: { handling: 'met' } } },
  ],
};
const expired = {
  name: 'Nobody submits: the refund expires',
  caseType: 'refund',
  data: { amount: 200 },
  steps: [{ advance: 'PT4H', expect: { state: 'expired' } }],
};
const wrong = {
  name: 'A large refund goes to review',
  caseType: 'refund',
  data: { amount: 200 },
  steps: [
    { expect: { tasks: ['Check the request'] } },
    { send: 'SUBMIT', data: { reason: 'damaged' }, expect: { state: 'approved' } },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-test-'));
  await write('refund.case.json', refund);
  await write('refund.approved.scenario.json', approved);
  await write('refund.expired.scenario.json', expired);
  await write('other.scenario.json', { name: 'Other', caseType: 'other', data: {}, steps: [] });
  await write('wrong.json', wrong);
  await write('broken.json', { name: 'Broken', caseType: 'refund', data: {}, steps: [{ advance: 'soon' }] });
  await write('invalid.case.json', {
    ...refund,
    playbook: { initial: 'intake', states: { intake: { on: { SUBMIT: 'nowhere' } } } },
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dossier test', () => {
  it('runs the scenarios beside the file for its case type and exits 0 when all pass', async () => {
    expect(await dossier('refund.case.json')).toEqual({
      code: 0,
      out: [
        '✓ Small refund is approved at once (2 steps)',
        '✓ Nobody submits: the refund expires (1 step)',
        '2 scenarios: 2 passed, 0 failed',
      ],
      err: [],
    });
  });

  it('prints the failed step, expected and actual values, and exits 1', async () => {
    expect(await dossier('refund.case.json', 'wrong.json')).toEqual({
      code: 1,
      out: [
        '✗ A large refund goes to review',
        '    step 2 of 2 (/steps/1): send SUBMIT {"reason":"damaged"}',
        '    state is "review", expected "approved"',
        '    expected: "approved"',
        '    actual:   "review"',
        '    at 2026-01-05T09:00:00.000Z in state "review"',
        '1 scenario: 0 passed, 1 failed',
      ],
      err: [],
    });
  });

  it('reports a malformed scenario by file and pointer', async () => {
    expect(await dossier('refund.case.json', 'broken.json', 'refund.expired.scenario.json')).toEqual({
      code: 1,
      out: [
        '✗ broken.json: not a valid scenario',
        '    broken.json:/steps/0/advance /steps/0/advance is "soon", not a duration such as PT5H or P2D (weeks, days, hours, minutes, seconds)',
        '✓ Nobody submits: the refund expires (1 step)',
        '2 scenarios: 1 passed, 1 failed',
      ],
      err: [],
    });
  });

  it('validates the definition first and exits 1 on its errors', async () => {
    expect(await dossier('invalid.case.json')).toEqual({
      code: 1,
      out: [],
      err: [
        'invalid.case.json: the definition has 3 error(s); fix them first (dossier validate invalid.case.json):',
        "invalid.case.json:/playbook/states/intake/on/SUBMIT error state.unknown_target transition target 'nowhere' is not a state",
        "invalid.case.json:/slas/handling/stop/enter/0 error state.unknown_reference 'approved' is not a state",
        "invalid.case.json:/slas/handling/stop/enter/1 error state.unknown_reference 'rejected' is not a state",
      ],
    });
  });

  it('exits 2 on bad usage', async () => {
    expect(await dossier()).toEqual({
      code: 2,
      out: [],
      err: [
        'dossier test: name the case-type file to test.',
        'Usage: dossier test <file> [scenario...] [--paths] [--json]',
      ],
    });
    expect((await dossier('refund.case.json', '--fast')).code).toBe(2);
    expect((await dossier('missing.case.json')).code).toBe(2);
  });

  it('lists every path with the scenarios that cover it, the coverage and the uncovered transitions', async () => {
    expect(await dossier('refund.case.json', '--paths')).toEqual({
      code: 0,
      out: [
        '✓ Small refund is approved at once (2 steps)',
        '✓ Nobody submits: the refund expires (1 step)',
        '2 scenarios: 2 passed, 0 failed',
        '',
        'Paths from the initial state to a final state (4):',
        '  intake -SUBMIT-> approved',
        '    covered by: Small refund is approved at once',
        '  intake -timer.expire-> expired',
        '    covered by: Nobody submits: the refund expires',
        '  intake -SUBMIT-> review -APPROVE-> approved',
        '    not covered',
        '  intake -SUBMIT-> review -REJECT-> rejected',
        '    not covered',
        'covered 2 of 4 paths (50 %)',
        'transitions no scenario covers (3 of 5):',
        '  intake -SUBMIT-> review',
        '  review -APPROVE-> approved',
        '  review -REJECT-> rejected',
      ],
      err: [],
    });
  });

  it('prints paths, transitions and coverage as JSON with --json', async () => {
    const result = await dossier('refund.case.json', '--paths', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out.join('\n')) as {
      scenarios: { name: string; passed: boolean }[];
      paths: { steps: { from: string; event: string; to: string }[]; coveredBy: string[] }[];
      transitions: { from: string; event: string; to: string; coveredBy: string[] }[];
      coverage: unknown;
    };
    expect(json.scenarios.map((s) => [s.name, s.passed])).toEqual([
      ['Small refund is approved at once', true],
      ['Nobody submits: the refund expires', true],
    ]);
    expect(json.paths[0]).toEqual({
      steps: [{ from: 'intake', event: 'SUBMIT', to: 'approved' }],
      coveredBy: ['Small refund is approved at once'],
    });
    expect(json.transitions[2]).toEqual({ from: 'intake', event: 'SUBMIT', to: 'review', coveredBy: [] });
    expect(json.coverage).toEqual({ covered: 2, total: 4, percent: 50, cut: null });
  });
});
