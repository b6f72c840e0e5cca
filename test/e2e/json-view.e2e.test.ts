// The JSON view and the visual editors stay in sync both ways; invalid JSON never replaces the last good model.
import { describe, expect, it } from 'vitest';
import { asWritten, RUN_LANGUAGE, screenshot, tr, trWith, useServerAndBrowser } from './harness.ts';

const edited = {
  key: 'json-edited',
  title: 'Edited as JSON',
  data: { type: 'object', properties: { note: { type: 'string', title: 'Note' } } },
  events: { FINISH: { title: 'Finish' } },
  playbook: {
    initial: 'received',
    states: {
      received: { title: 'Received', on: { FINISH: 'done' } },
      done: { title: 'Done', type: 'final' },
    },
  },
};

/** A state's name on the canvas with its mark: "State Received (initial)" (canvas.playbook.node and nodeInitial/nodeFinal). */
const marked = (title: string, mark: '(initial)' | '(final)') => `${trWith('State {{title}}', { title })} ${tr(mark)}`;

describe('JSON view', () => {
  const e2e = useServerAndBrowser();

  it('an edit in the JSON view shows on the canvas; invalid JSON keeps the last good model; the canvas edits show in JSON', async () => {
    const { server, session: s, page } = e2e();
    const key = `json-view-${Date.now().toString(36)}`;
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByLabel('Title', { exact: true }).fill('JSON view test');
    await page.getByLabel('Key', { exact: true }).fill(key);
    await page.getByRole('button', { name: 'Create case type' }).click();
    await page.getByRole('heading', { name: /^JSON view test/ }).waitFor();

    await page.getByRole('tab', { name: 'JSON' }).click();
    const editor = page.getByTestId('json-editor').locator('.monaco-editor');
    await editor.waitFor();
    await page.getByText('JSON in sync with the editors.').waitFor();

    // replace the whole definition by typing JSON
    const typeJson = async (value: unknown) => {
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(JSON.stringify(value)); // one line: Monaco would re-indent typed newlines
      // Monaco auto-closes the brackets and quotes typed at the start: remove what it added after the cursor
      await page.keyboard.press('Shift+Control+End');
      await page.keyboard.press('Delete');
    };
    await typeJson({ ...edited, key });
    await page.getByText('JSON in sync with the editors.').waitFor();
    await screenshot(page, 'json-view');

    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('group', { name: marked('Received', '(initial)') }).waitFor();
    await page.getByRole('group', { name: marked('Done', '(final)') }).waitFor();
    // the case type's own word (the scripts' Next button reads Finish too, translated in the Dutch run)
    await asWritten(() => page.getByText('Finish', { exact: true })).waitFor();

    // broken JSON is reported and the canvas keeps the last good model
    await page.getByRole('tab', { name: 'JSON' }).click();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ "key": "broken", ');
    await page.getByRole('alert').filter({ hasText: RUN_LANGUAGE === 'nl' ? 'De JSON is niet geldig' : 'The JSON is not valid' }).waitFor();
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('group', { name: marked('Received', '(initial)') }).waitFor();

    // and the other way: a state added on the canvas appears in the JSON
    await page.getByLabel('New state title').fill('Parked');
    await page.getByRole('button', { name: 'Add state', exact: true }).click();
    await page.getByRole('group', { name: 'State Parked' }).waitFor();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await editor.waitFor();
    await expect.poll(async () => (await page.getByTestId('json-editor').locator('.view-lines').textContent())?.includes('"parked"')).toBe(true);

    // undo takes the state away again (the shortcut works outside the code editor)
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('group', { name: marked('Received', '(initial)') }).waitFor();
    expect(await page.getByRole('group', { name: 'State Parked' }).count()).toBe(0);
    await page.keyboard.press('Control+Shift+Z');
    await page.getByRole('group', { name: 'State Parked' }).waitFor();

    // a problem links to what it is about, and fixing it there clears it
    await page.getByRole('tab', { name: 'JSON' }).click();
    await editor.waitFor();
    const broken = structuredClone(edited);
    broken.playbook.states.received.on.FINISH = 'nowhere';
    await typeJson({ ...broken, key });
    const problems = page.getByRole('complementary', { name: /^Problems/ });
    // the unknown target is named as code, as the designer shows ids
    const problem = problems.getByRole('listitem').filter({ hasText: `${tr('Error:')} Transition target nowhere is not a state.` });
    await problem.locator('code', { hasText: 'nowhere' }).waitFor();
    await screenshot(page, 'json-view-problem');
    // the event's and state's titles are the case type's own words (Finish is a UI word too): as written
    const target = trWith('transition {{event}} from {{state}}', { event: 'Finish', state: 'Received' });
    await problem.getByRole('button', { name: trWith('Go to {{target}}', { target }) }).click();
    await page.getByRole('heading', { name: 'Transition from Received' }).waitFor();
    await page.getByLabel('Goes to').selectOption({ label: 'Done' });
    await problems.getByText('No problems.').waitFor();

    // connect two states by dragging from a handle, and move a state: its position lands in `layout`
    const canvas = page.getByRole('region', { name: 'Playbook canvas' });
    const centre = async (selector: string) => {
      const box = await canvas.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not on screen`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    await page.getByLabel('New state title').fill('Parked');
    await page.getByRole('button', { name: 'Add state', exact: true }).click();
    await page.getByRole('group', { name: 'State Parked' }).waitFor();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    const from = await centre('[data-id="parked"] .react-flow__handle.source');
    const to = await centre('[data-id="done"] .react-flow__handle.target');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('heading', { name: 'Transition from Parked' }).waitFor();
    expect(await page.getByLabel('Event', { exact: true }).inputValue()).toBe('GO_TO_DONE');
    const node = await centre('[data-id="received"]');
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    await page.mouse.move(node.x + 40, node.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End'); // `layout` is the last key
    await expect.poll(async () => (await page.getByTestId('json-editor').locator('.view-lines').textContent())?.includes('"layout"')).toBe(true);
    await screenshot(page, 'json-view-after-canvas');
    expect(s.errors).toEqual([]);
  });
});
