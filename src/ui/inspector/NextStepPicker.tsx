/**
 * "Next step" pickers: one select per out-port of the selected step, listing every step a
 * contact can go to. Choosing one connects the port (re-pointing an existing connection);
 * "Not connected" removes it. The keyboard way to connect steps, equal to dragging a handle.
 */
import { useId } from "react";
import { edgePort, isOptionalPort, type Node, nodeLabel, outPorts } from "../../model";
import { connect } from "../canvas/edits";
import { humaniseName } from "../shell/humanise";
import { Row } from "./fields";
import type { NodePanelProps } from "./nodeEdit";

/** One picker per out-port of `node`; nothing for an end step. */
export function NextStepPicker(props: NodePanelProps) {
  const { model, node } = props;
  const ports = outPorts(node);
  if (ports.length === 0) return null;
  // A channel is where contacts start: nothing leads into it.
  const targets = model.nodes.filter((n) => n.id !== node.id && n.kind !== "channel");
  return (
    <fieldset className="insp-shares" data-testid="inspector-next">
      <legend>{ports.length === 1 ? "Next step" : "Next step after each outcome"}</legend>
      {ports.map((port) => (
        <PortPicker
          key={port}
          {...props}
          port={port}
          label={ports.length === 1 && port === "out" ? "Then" : humaniseName(port)}
          targets={targets}
        />
      ))}
    </fieldset>
  );
}

// helpers

function PortPicker({
  store,
  model,
  node,
  port,
  label,
  targets,
  disabled,
}: NodePanelProps & { port: string; label: string; targets: Node[] }) {
  const id = useId();
  const edge = model.edges.find((e) => e.from === node.id && edgePort(e) === port);
  const value = edge?.to ?? "";
  return (
    <Row label={label} htmlFor={id}>
      <select
        id={id}
        data-testid={`inspector-next-${port}`}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const to = e.target.value;
          if (to === "") {
            store.edit(`Disconnect ${humaniseName(port)}`, (d) => {
              d.edges = d.edges.filter((x) => !(x.from === node.id && edgePort(x) === port));
            });
          } else store.edit("Connect steps", (d) => void connect(d, node.id, port, to));
        }}
      >
        <option value="">{isOptionalPort(port) ? "Not connected (contacts are lost)" : "Not connected"}</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {nodeLabel(target)}
            {target.label && target.label !== target.id ? ` (${target.id})` : ""}
          </option>
        ))}
        {value && !targets.some((t) => t.id === value) ? <option value={value}>{value} (missing)</option> : null}
      </select>
    </Row>
  );
}
