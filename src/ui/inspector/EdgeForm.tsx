/**
 * The form of one selected edge: where it comes from, where it goes, and the out port of
 * its source it leaves by (one of `outPorts(source)`).
 */
import { DEFAULT_PORT, type Edge, edgePort, type Model, nodeLabel, outPorts } from "../../model";
import type { FlowStore } from "../state/store";
import { DiagnosticList, diagnosticsOf } from "./DiagnosticList";
import { SelectInput } from "./fields";

/** Edge form. */
export function EdgeForm({
  store,
  model,
  edge,
  disabled,
}: {
  store: FlowStore;
  model: Model;
  edge: Edge;
  disabled: boolean;
}) {
  const nodeOptions = model.nodes.map((n) => [n.id, `${nodeLabel(n)} (${n.id})`] as const);
  const source = model.nodes.find((n) => n.id === edge.from);
  const ports = source ? outPorts(source) : [];
  const port = edgePort(edge);
  const portOptions = (ports.includes(port) ? ports : [port, ...ports]).map(
    (p) => [p, ports.includes(p) ? p : `${p} (not a port of this step)`] as const,
  );
  const edit = (label: string, recipe: (e: Edge, m: Model) => void) =>
    store.edit(label, (d) => {
      const e = d.edges.find((x) => x.id === edge.id);
      if (e) recipe(e, d);
    });
  return (
    <section className="insp-section" data-testid="inspector-edge">
      <h2 className="insp-title">
        <span className="insp-kind">Connection</span> {edge.id}
      </h2>
      <DiagnosticList diagnostics={diagnosticsOf(model, (d) => d.edgeId === edge.id)} />
      {EDGE_ENDS.map(([end, label, what]) => (
        <SelectInput
          key={end}
          label={label}
          testId={`edge-${end}`}
          value={edge[end]}
          options={nodeOptions}
          disabled={disabled}
          onChange={(v) =>
            edit(`Change connection ${what}`, (e, m) => {
              e[end] = v;
              if (end !== "from") return;
              // A new source keeps the port when it has one of that name, else takes its first.
              const next = m.nodes.find((n) => n.id === v);
              const nextPorts = next ? outPorts(next) : [];
              if (!nextPorts.includes(edgePort(e))) setPort(e, nextPorts[0] ?? DEFAULT_PORT);
            })
          }
        />
      ))}
      <SelectInput
        label="Port"
        testId="edge-port"
        value={port}
        options={portOptions}
        disabled={disabled || portOptions.length <= 1}
        onChange={(v) => edit("Change connection port", (e) => setPort(e, v))}
      />
    </section>
  );
}

// helpers

/** The two ends of a connection: the field, its label and the word in its undo entry. */
const EDGE_ENDS = [
  ["from", "From", "source"],
  ["to", "To", "target"],
] as const;

function setPort(edge: Edge, port: string): void {
  if (port === DEFAULT_PORT) delete edge.port;
  else edge.port = port;
}
