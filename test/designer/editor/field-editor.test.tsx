// The field editor follows the selected field from the very first render after a switch (issue 17): no
// render shows the previous field's name. Mounted with react-dom/client on a small in-memory DOM, so every
// commit can be seen (server rendering only ever shows a first mount).
import { Profiler, act, useState } from 'react';
import type { Root } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Selection } from '../../../designer/src/model/problem-target.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { FieldsView } from '../../../designer/src/editor/fields/FieldsView.tsx';
import { useMiniDom, type MiniDocument, type MiniElement } from './mini-dom.ts';

const mini = useMiniDom();

let def: CaseType = createBlankCaseType('claims', 'Claims');
def = addField(def, { parent: '', name: 'claimant', kind: 'text', title: 'Claimant' });
def = addField(def, { parent: '', name: 'claim', kind: 'group', title: 'Claim' });
def = addField(def, { parent: '/claim', name: 'amount', kind: 'money', title: 'Amount' });

/** What the field editor shows in one commit. */
interface Shown {
  heading: string | undefined;
  name: string | undefined;
}

function shown(document: MiniDocument): Shown {
  const input = document.getElementById('field-name');
  return { heading: document.getElementById('field-editor-heading')?.textContent, name: input?.value };
}

function treeButton(document: MiniDocument, label: string): MiniElement {
  const button = document.documentElement.querySelectorAll((e) => e.localName === 'button' && e.textContent.startsWith(label + ' '))[0];
  if (!button) throw new Error(`no button ${label} in the field list`);
  return button;
}

function mount(first: string, commits: Shown[]): { container: MiniElement; root: Root } {
  function Harness() {
    const [selection, select] = useState<Selection | null>({ type: 'field', pointer: first });
    return (
      // onRender runs in each commit, after React has written the DOM: it sees every render that reached the screen
      <Profiler id="fields" onRender={() => commits.push(shown(mini.document()))}>
        <FieldsView def={def} edit={() => undefined} selection={selection} select={select} sample={{}} setSample={() => undefined} />
      </Profiler>
    );
  }
  const container = mini.document().createElement('div');
  mini.document().body.appendChild(container);
  const root = mini.createRoot(container);
  act(() => root.render(<Harness />));
  return { container, root };
}

describe('field editor', () => {
  it('shows the new field’s name in the very first render after switching fields, and in every one after', () => {
    const commits: Shown[] = [];
    const { container, root } = mount('/claimant', commits);
    expect(commits.at(-1)).toEqual({ heading: 'Field /claimant', name: 'claimant' });

    // the analyst clicks another field in the list
    const before = commits.length;
    act(() => treeButton(mini.document(), 'Amount').click());
    const after = commits.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]).toEqual({ heading: 'Field /claim/amount', name: 'amount' });
    expect(after.every((c) => c.name === 'amount')).toBe(true);

    // and back, to a field at another depth
    const again = commits.length;
    act(() => treeButton(mini.document(), 'Claimant').click());
    expect(commits.slice(again)).toEqual([{ heading: 'Field /claimant', name: 'claimant' }]);

    act(() => root.unmount());
    container.parentNode?.removeChild(container);
  });
});
