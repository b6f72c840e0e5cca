// Typed case data: the designer shows and downloads the TypeScript types the server generates for the draft.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { generateDataTypes } from '../../runtime/typegen/data-types.ts';
import { ROOT, screenshot, useServerAndBrowser } from './harness.ts';

const complaint = JSON.parse(readFileSync(join(ROOT, 'templates/complaint.case.json'), 'utf8')) as CaseType;

describe('data types in the designer', () => {
  const e2e = useServerAndBrowser();

  it('shows the generated types of the draft and downloads them as complaint.d.ts; the API serves the types of a version', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/case-types/complaint?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Data types' }).click();
    const code = page.getByLabel('TypeScript types');
    // the draft starts as the published template (without its version)
    const expected = await generateDataTypes(complaint);
    await expect.poll(() => code.textContent()).toBe(expected);
    await screenshot(page, 'data-types');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download complaint.d.ts' }).click()]);
    expect(download.suggestedFilename()).toBe('complaint.d.ts');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(expected);

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => code.textContent()).toBe(expected);

    // the published version's types from the API route
    const res = await fetch(`${server.url}/api/case-types/complaint/versions/1/types.d.ts`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([200, 'text/plain; charset=utf-8; typescript', await generateDataTypes({ ...complaint, version: 1 })]);
    expect(s.errors).toEqual([]);
  });
});
