// A state on the canvas: title, id, its task; final states drawn with a double border, the initial one marked.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { GraphNode } from './flow-graph.ts';

export type StateFlowNode = Node<{ state: GraphNode; active?: boolean }, 'state'>;

export function StateNodeView({ data, selected }: NodeProps<StateFlowNode>) {
  const s = data.state;
  const group = s.kind === 'compound' || s.kind === 'parallel';
  return (
    <div
      className={`state-node state-${s.kind}${selected ? ' selected' : ''}${group ? ' state-group' : ''}${data.active ? ' state-active' : ''}`}
      data-state-id={s.id}
      data-active={data.active ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Top} />
      <div className="state-title">
        {s.initial ? <span title="initial state" aria-hidden="true">▶ </span> : null}
        {s.title}
        {s.kind === 'final' ? <span className="badge">final</span> : null}
        {s.kind === 'parallel' ? <span className="badge">parallel</span> : null}
      </div>
      <div className="state-id">{s.id}</div>
      {s.task && !group ? <div className="state-task">Task: {s.task}</div> : null}
      {s.kind !== 'final' ? <Handle type="source" position={Position.Bottom} /> : null}
    </div>
  );
}
