import { describe, expect, it } from 'vitest';
import { buildGraph, COLLAPSE_ABOVE, defaultCollapsed } from '../../../designer/src/canvas/flow-graph.ts';
import { bigPlaybook } from '../../../bench/lib/big-playbook.ts';
import { debtCollectionPlaybook } from './debt-collection-playbook.ts';

describe('collapsed stages', () => {
  it('start collapsed above COLLAPSE_ABOVE states: every top-level stage, nothing in a flat playbook', () => {
    expect(COLLAPSE_ABOVE).toBe(16);
    expect([...defaultCollapsed(debtCollectionPlaybook())]).toEqual(['contact', 'negotiation', 'payment', 'dispute', 'legal']);
    expect(defaultCollapsed(bigPlaybook('b', 300)).size).toBe(0);
  });

  it('hide their states; transitions to and from those states start or end at the stage; inner ones are not drawn', () => {
    const def = debtCollectionPlaybook();
    const open = buildGraph(def, () => undefined);
    const shut = buildGraph(def, () => undefined, new Set(['legal']));
    expect(open.nodes).toHaveLength(30);
    expect(shut.nodes.map((n) => n.id)).not.toContain('courtProceedings');
    const legal = shut.nodes.find((n) => n.id === 'legal');
    expect([legal?.collapsed, legal?.descendants]).toEqual([true, 5]);
    // the inner START_PROCEEDINGS (legalReview → courtProceedings) is gone, the stage's own edges stay
    expect(shut.edges.find((e) => e.id === 'on:legalReview:START_PROCEEDINGS:0')).toBeUndefined();
    expect(shut.edges.find((e) => e.id === 'on:legal:SETTLE:0')).toMatchObject({ source: 'legal', target: 'settled', label: 'Settle' });
    // an edge from a state into a collapsed stage's child ends at the stage
    const into = buildGraph(def, () => undefined, new Set(['negotiation']));
    expect(into.edges.filter((e) => e.target === 'counterOffer')).toEqual([]);
    expect(into.edges.filter((e) => e.source === 'negotiation').map((e) => e.label)).toEqual(['Agree [Arrangement complete]', 'Escalate']);
  });

  it('draw a state by its title, its key only when it has none', () => {
    const def = debtCollectionPlaybook();
    delete def.playbook.states!['settled']!.title;
    const g = buildGraph(def, () => undefined);
    expect(g.nodes.find((n) => n.id === 'settled')?.title).toBe('settled');
    expect(g.nodes.find((n) => n.id === 'paidInFull')?.title).toBe('Paid in full');
  });
});
