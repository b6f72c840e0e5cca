// A transition on the canvas: React Flow's bezier with its label, except that edges sharing a pair of
// states (or looping on one) each take their own lane, so their labels never lie on top of each other.
import { BaseEdge, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { labelWidth, type EdgeKind } from './flow-graph.ts';
import { edgePath, labelPoint, loopPoints, type Box, type Pt } from './parallel-edges.ts';

export type TransitionFlowEdge = Edge<{ kind: EdgeKind; event: string; index: number; lane: number }, 'transition'>;

function box(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

export function TransitionEdge(props: EdgeProps<TransitionFlowEdge>) {
  const { source, target, sourceX, sourceY, targetX, targetY, label, data, markerEnd, style, interactionWidth } = props;
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const lane = data?.lane ?? 0;
  let through: Pt;
  let at: Pt;
  if (source === target) {
    const loop = loopPoints(box(from), lane, labelWidth(typeof label === 'string' ? label : ''));
    through = loop.through;
    at = loop.label;
  } else {
    through = labelPoint(box(from), box(to), lane);
    at = through;
  }
  return (
    <BaseEdge
      id={props.id}
      path={edgePath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, through)}
      label={label}
      labelX={at.x}
      labelY={at.y}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
}
