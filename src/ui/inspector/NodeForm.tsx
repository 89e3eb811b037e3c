/**
 * The form of one selected node: id (renaming it renames every reference), label and notes,
 * its diagnostics, then the fields of its kind.
 */
import type { ReactNode } from "react";
import { KIND_NAMES, type Model, type Node, type NodeKind } from "../../model";
import type { FlowStore } from "../state/store";
import { ChannelForm } from "./ChannelForm";
import { DiagnosticList, diagnosticsOf } from "./DiagnosticList";
import { NextStepPicker } from "./NextStepPicker";
import { type NodeFormProps, nodeEditor } from "./nodeEdit";
import { renameNodeId } from "./ops";
import { RouteForm } from "./RouteForm";
import { DelayForm, EndForm, EscalateForm, FollowUpForm, SelfServiceForm } from "./SimpleForms";
import { idEntry, SpecFields } from "./SpecField";
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
          idEntry(
            model.nodes.map((n) => n.id),
            node.id,
            (t) => {
              store.edit("Change step id", (d) => renameNodeId(d, node.id, t), { coalesce: `node-id:${node.id}` });
              store.select({ nodes: [t] });
            },
          ),
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

/** The form of each node kind. */
const KIND_FORMS: { [K in NodeKind]: (props: NodeFormProps<K>) => ReactNode } = {
  channel: ChannelForm,
  selfService: SelfServiceForm,
  route: RouteForm,
  work: WorkForm,
  escalate: EscalateForm,
  followUp: FollowUpForm,
  delay: DelayForm,
  end: EndForm,
};

function KindForm(props: NodeFormProps<NodeKind>) {
  const Form = KIND_FORMS[props.node.kind] as (props: NodeFormProps<NodeKind>) => ReactNode;
  return <Form {...props} />;
}
