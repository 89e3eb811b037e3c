/** A swimlane drawn behind the steps: a pale band with its tier name at the left. */
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { LaneNode as LaneNodeType } from "../projection";

export const LaneNode = memo(function LaneNode({ data, width, height }: NodeProps<LaneNodeType>) {
  return (
    <div
      className={`lane lane-${data.key % 2 ? "odd" : "even"}`}
      style={{ width, height }}
      data-testid={`lane-${data.label}`}
    >
      <span className="lane-label">{data.label}</span>
    </div>
  );
});
