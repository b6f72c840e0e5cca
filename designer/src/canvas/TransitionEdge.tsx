// A transition on the canvas: a curve from the source's bottom to the target's top that passes through its
// label, placed by the canvas (ELK's spot, moved off any state it would cover: label-placement.ts). The label
// is drawn in words on one to three lines; it grows when zoomed out (the --label-scale of the canvas, see
// styles.css) up to the room the layout kept for it.
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeKind } from './flow-graph.ts';
import type { LabelBox } from './edge-labels.ts';
import { edgePath, type Pt } from './parallel-edges.ts';

export type TransitionFlowEdge = Edge<{ kind: EdgeKind; event: string; index: number; lane: number; box: LabelBox; at: Pt | null; through: Pt | null }, 'transition'>;

export function TransitionEdge(props: EdgeProps<TransitionFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, data, markerEnd, style, interactionWidth } = props;
  if (!data?.at || !data.through) return null;
  const { box, at } = data;
  const top = -box.height / 2;
  const lineHeight = box.font * 1.25;
  return (
    <>
      <BaseEdge id={props.id} path={edgePath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data.through)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {/* translate and scale in one CSS transform, about the label's centre: no bounding box to compute per label */}
      <g className="edge-label" style={{ transform: `translate(${at.x}px, ${at.y}px) scale(var(--label-scale))` }}>
        <g>
          <rect className="react-flow__edge-textbg" x={-box.width / 2} y={top} width={box.width} height={box.height} rx={3} />
          <text className="react-flow__edge-text" textAnchor="middle" style={{ fontSize: box.font }}>
            {box.lines.map((line, i) => (
              <tspan key={i} x={0} y={top + 3 + lineHeight * (i + 0.8)}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      </g>
    </>
  );
}
