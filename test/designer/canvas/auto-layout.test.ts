import { describe, expect, it } from 'vitest';
import { autoLayout, layoutOptions, WRAP_ABOVE } from '../../../designer/src/canvas/auto-layout.ts';
import { buildGraph, NODE_HEIGHT, NODE_WIDTH } from '../../../designer/src/canvas/flow-graph.ts';
import { bigPlaybook } from '../../../bench/lib/big-playbook.ts';

describe('automatic layout', () => {
  it('places states by network simplex up to WRAP_ABOVE states, by Brandes-Köpf in a wrapped, larger playbook', () => {
    const placement = 'elk.layered.nodePlacement.strategy';
    expect(layoutOptions(1.5, false)[placement]).toBe('NETWORK_SIMPLEX');
    expect(layoutOptions(1.5, true)[placement]).toBe('BRANDES_KOEPF');
    expect(layoutOptions(1.5, true)['elk.layered.wrapping.strategy']).toBe('MULTI_EDGE');
    // a large playbook laid out in one piece (wrapping gave up) keeps the faster placement
    expect(layoutOptions(1.5, false, true)[placement]).toBe('BRANDES_KOEPF');
    expect(layoutOptions(1.5, false, true)['elk.layered.wrapping.strategy']).toBeUndefined();
  });

  it('wraps the 300-state bench chain into rows towards the canvas shape, every state apart, every label placed', async () => {
    const graph = buildGraph(bigPlaybook('b', 300), () => undefined);
    expect(graph.nodes.length).toBeGreaterThan(WRAP_ABOVE);
    const { positions, labels } = await autoLayout(graph, 1440 / 800);
    const boxes = graph.nodes.map((n) => ({ id: n.id, ...positions[n.id]! }));
    expect(boxes.every((b) => Number.isFinite(b.x) && Number.isFinite(b.y))).toBe(true);
    const width = Math.max(...boxes.map((b) => b.x)) + NODE_WIDTH;
    const height = Math.max(...boxes.map((b) => b.y)) + NODE_HEIGHT;
    // one column would be ~300 states tall
    expect(width / height).toBeGreaterThan(0.5);
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT).map((b) => `${a.id} on ${b.id}`));
    expect(overlapping).toEqual([]);
    expect(Object.keys(labels)).toHaveLength(graph.edges.length);
  }, 60_000);
});
