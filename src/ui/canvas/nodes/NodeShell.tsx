/**
 * The frame every step shares on the canvas: a kind badge, the label, one or two lines of
 * key figures, an in-handle on the left and one labelled out-handle per port on the right
 * (outcome shares beside them). Sizes follow layout/nodeSize so auto-layout spaces what the
 * user sees.
 */
import { Handle, Position } from "@xyflow/react";
import type { KeyboardEvent, ReactNode } from "react";
import { formatShare } from "../../../layout/edgeLabels";
import { labelledPorts, nodeSize } from "../../../layout/nodeSize";
import { DEFAULT_PORT, type Node, portShare } from "../../../model";
import { humaniseName } from "../../shell/humanise";
import { openConnectPicker } from "../ConnectPicker";
import type { StepData } from "../projection";
import { KIND_NAMES } from "./kindStyle";

export interface NodeShellProps {
  data: StepData;
  selected?: boolean;
  /** Key figures, one short line each. */
  figures: ReactNode[];
  /** Channels take no incoming edge. */
  noInput?: boolean;
}

/** The shared node frame; per-kind components pass their figures. */
export function NodeShell({ data, selected, figures, noInput }: NodeShellProps) {
  const { node, severity, load } = data;
  const ports = labelledPorts(node);
  const size = nodeSize(node);
  const classes = ["step", `step-${node.kind}`, selected ? "is-selected" : "", severity ? `has-${severity}` : ""];
  return (
    <div
      className={classes.join(" ")}
      style={{ width: size.width, height: size.height, ...(load ? { ["--load" as string]: load.colour } : {}) }}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-severity={severity ?? ""}
      title={load?.text}
    >
      {noInput ? null : <Handle type="target" position={Position.Left} id="in" className="step-in" />}
      <div className="step-head">
        <span className="step-kind">{KIND_NAMES[node.kind]}</span>
        {severity ? <span className={`step-flag step-flag-${severity}`} title={severity} /> : null}
      </div>
      <div className="step-label" data-testid="node-label" title={node.label || node.id}>
        {node.label || node.id}
      </div>
      <div className="step-figures">
        {figures.map((figure, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: figures are a fixed list per kind
          <span key={i}>{figure}</span>
        ))}
      </div>
      {load ? <div className="step-load" style={{ background: load.colour }} data-testid="node-load" /> : null}
      {ports.length === 0 && node.kind !== "end" ? (
        <Handle
          type="source"
          position={Position.Right}
          id={DEFAULT_PORT}
          className="step-out"
          {...portKeys(node, DEFAULT_PORT)}
        />
      ) : null}
      {ports.length > 0 ? (
        <div className="step-ports">
          {ports.map((port) => (
            <PortRow key={port} node={node} port={port} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

// helpers

/** A port's dot takes focus; Enter or Space opens the picker of steps to connect it to. */
function portKeys(node: Node, port: string) {
  const name = port === DEFAULT_PORT ? "" : ` ${humaniseName(port)}`;
  return {
    tabIndex: 0,
    role: "button",
    "aria-label": `Connect${name} of ${node.label || node.id} to a step`,
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      openConnectPicker(node.id, port, event.currentTarget);
    },
  };
}

function PortRow({ node, port }: { node: Node; port: string }) {
  const share = portShare(node, port);
  return (
    <div className="step-port" data-port={port}>
      <span className="step-port-name">{humaniseName(port)}</span>
      {share !== undefined ? <span className="step-port-share">{formatShare(share)}</span> : null}
      <Handle type="source" position={Position.Right} id={port} className="step-out" {...portKeys(node, port)} />
    </div>
  );
}
