/**
 * How node forms change their node: one `edit(label, field, recipe)` per form, which finds
 * the node in the draft and coalesces edits of the same field of the same node, so typing
 * into one input is one undo step.
 */
import type { Draft } from "immer";
import type { Model, Node, NodeKind, NodeOf } from "../../model";
import type { FlowStore } from "../state/store";

/** Changes one field of one node as an undoable edit. */
export type NodeEdit<K extends NodeKind> = (
  label: string,
  field: string,
  recipe: (node: Draft<NodeOf<K>>, model: Draft<Model>) => void,
) => void;

/** What every per-kind form receives. */
export interface NodeFormProps<K extends NodeKind> {
  node: NodeOf<K>;
  model: Model;
  edit: NodeEdit<K>;
  store: FlowStore;
  disabled: boolean;
}

/** What a panel about one node receives. */
export interface NodePanelProps {
  store: FlowStore;
  model: Model;
  node: Node;
  disabled: boolean;
}

/** The edit function of the node with `id` (of kind `kind`). */
export function nodeEditor<K extends NodeKind>(store: FlowStore, id: string, kind: K): NodeEdit<K> {
  return (label, field, recipe) =>
    store.edit(
      label,
      (draft) => {
        const node = draft.nodes.find((n) => n.id === id);
        if (node && node.kind === kind) recipe(node as Draft<NodeOf<K>>, draft);
      },
      { coalesce: `node:${id}:${field}` },
    );
}
