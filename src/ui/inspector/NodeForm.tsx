/**
 * The form of one selected node: id (renaming it renames every reference), label and notes,
 * its diagnostics, then the fields of its kind.
 */
import { KIND_NAMES, type Model, type Node } from "../../model";
import type { FlowStore } from "../state/store";
import { ChannelForm } from "./ChannelForm";
import { DiagnosticList, diagnosticsOf } from "./DiagnosticList";
import { NextStepPicker } from "./NextStepPicker";
import { type NodeFormProps, nodeEditor } from "./nodeEdit";
import { checkNewId, renameNodeId } from "./ops";
import { RouteForm } from "./RouteForm";
import { DelayForm, EndForm, EscalateForm, FollowUpForm, SelfServiceForm } from "./SimpleForms";
import { SpecFields } from "./SpecField";
import { WorkForm } from "./WorkForm";

/** Node form for `node` in `model`. */
export function NodeForm({
  store,
  model,
  node,
  disabled,
}: {
  store: FlowStore;
  model: Model;
  node: Node;
  disabled: boolean;
}) {
  const edit = nodeEditor(store, node.id, node.kind);
  return (
    <section className="insp-section" data-testid="inspector-node" data-kind={node.kind}>
      <h2 className="insp-title">
        <span className={`insp-kind insp-kind-${node.kind}`}>{KIND_NAMES[node.kind]}</span> {node.label || node.id}
      </h2>
      <DiagnosticList diagnostics={diagnosticsOf(model, (d) => d.nodeId === node.id)} />
      <SpecFields
        scope={`nodes.${node.kind}`}
        value={node}
        edit={edit}
        disabled={disabled}
        entries={[
          "label",
          {
            key: "id",
            validate: (t) =>
              checkNewId(
                t,
                model.nodes.map((n) => n.id),
                node.id,
              ),
            onCommit: (t: string) => {
              store.edit("Change step id", (d) => renameNodeId(d, node.id, t), { coalesce: `node-id:${node.id}` });
              store.select({ nodes: [t] });
            },
          },
        ]}
      />
      <NextStepPicker store={store} model={model} node={node} disabled={disabled} />
      <KindForm store={store} model={model} node={node} edit={edit as never} disabled={disabled} />
      <SpecFields
        scope={`nodes.${node.kind}`}
        value={node}
        edit={edit}
        disabled={disabled}
        entries={[{ key: "notes", placeholder: "What the agent does here (runbook)" }]}
      />
    </section>
  );
}

// helpers

function KindForm(props: NodeFormProps<Node["kind"]>) {
  const { node } = props;
  switch (node.kind) {
    case "channel":
      return <ChannelForm {...(props as NodeFormProps<"channel">)} />;
    case "selfService":
      return <SelfServiceForm {...(props as NodeFormProps<"selfService">)} />;
    case "route":
      return <RouteForm {...(props as NodeFormProps<"route">)} />;
    case "work":
      return <WorkForm {...(props as NodeFormProps<"work">)} />;
    case "escalate":
      return <EscalateForm {...(props as NodeFormProps<"escalate">)} />;
    case "followUp":
      return <FollowUpForm {...(props as NodeFormProps<"followUp">)} />;
    case "delay":
      return <DelayForm {...(props as NodeFormProps<"delay">)} />;
    case "end":
      return <EndForm {...(props as NodeFormProps<"end">)} />;
  }
}
