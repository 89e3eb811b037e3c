/**
 * One memoised canvas component per node kind, each choosing the key figures a designer
 * reads at a glance, and the module-level `nodeTypes` map React Flow renders them by.
 */
import type { NodeProps, NodeTypes } from "@xyflow/react";
import { memo } from "react";
import { describeSeconds, distMean, type NodeOf } from "../../../model";
import type { StepNode } from "../projection";
import { LaneNode } from "./LaneNode";
import { NodeShell } from "./NodeShell";

type Props = NodeProps<StepNode>;

const ChannelStep = memo(function ChannelStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"channel">;
  return (
    <NodeShell
      data={data}
      selected={selected}
      noInput
      figures={[`${node.channel} · ${formatRate(node.arrivals.perHour)}/h`]}
    />
  );
});

const SelfServiceStep = memo(function SelfServiceStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"selfService">;
  const deflection =
    typeof node.deflection === "number" ? `deflects ${Math.round(node.deflection * 100)}%` : "deflects by type";
  return (
    <NodeShell
      data={data}
      selected={selected}
      figures={[`${deflection} · ${describeSeconds(distMean(node.duration))}`]}
    />
  );
});

const RouteStep = memo(function RouteStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"route">;
  const text = node.split ? "probabilistic split" : `${node.rules?.length ?? 0} rules, first match`;
  return <NodeShell data={data} selected={selected} figures={[text]} />;
});

const WorkStep = memo(function WorkStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"work">;
  const team = data.teamName ? `${data.teamName} · ${data.teamAgents ?? 0} agents` : "no team";
  const parts = [`AHT ${describeSeconds(distMean(node.handleTime))}`];
  if (node.queue.patience) parts.push(`patience ${describeSeconds(distMean(node.queue.patience))}`);
  return <NodeShell data={data} selected={selected} figures={[team, parts.join(" · ")]} />;
});

const EscalateStep = memo(function EscalateStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"escalate">;
  const text =
    node.handoff === "structured"
      ? `note ${describeSeconds(distMean(node.noteTime))}`
      : `no note · re-explain ${describeSeconds(distMean(node.reexplainTime))}`;
  return <NodeShell data={data} selected={selected} figures={[text]} />;
});

const FollowUpStep = memo(function FollowUpStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"followUp">;
  return <NodeShell data={data} selected={selected} figures={[`waits ${describeSeconds(distMean(node.wait))}`]} />;
});

const DelayStep = memo(function DelayStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"delay">;
  return <NodeShell data={data} selected={selected} figures={[`takes ${describeSeconds(distMean(node.duration))}`]} />;
});

const EndStep = memo(function EndStep({ data, selected }: Props) {
  const node = data.node as NodeOf<"end">;
  return (
    <NodeShell
      data={data}
      selected={selected}
      figures={[node.status === "resolved" ? "closes resolved" : "closes unresolved"]}
    />
  );
});

/** React Flow node components by node kind (and the lane background). */
export const nodeTypes: NodeTypes = {
  channel: ChannelStep,
  selfService: SelfServiceStep,
  route: RouteStep,
  work: WorkStep,
  escalate: EscalateStep,
  followUp: FollowUpStep,
  delay: DelayStep,
  end: EndStep,
  lane: LaneNode,
};

// helpers

function formatRate(perHour: number): string {
  return perHour >= 10 ? String(Math.round(perHour)) : String(Math.round(perHour * 10) / 10);
}
