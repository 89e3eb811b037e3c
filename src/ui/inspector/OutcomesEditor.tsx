/**
 * The outcome shares of a `work` or `followUp` node: add, remove and rename outcomes
 * (renaming moves the edges leaving by that port) and edit their shares.
 */
import type { NodeFormProps } from "./nodeEdit";
import { addOutcome, checkNewName, removeOutcome, renameOutcome } from "./ops";
import { SharesEditor } from "./SharesEditor";

/** Outcomes with add/rename/remove. */
export function OutcomesEditor({ node, edit, disabled }: NodeFormProps<"work"> | NodeFormProps<"followUp">) {
  const run = edit as NodeFormProps<"work">["edit"];
  return (
    <SharesEditor
      label="Outcomes"
      testId="outcomes"
      shares={node.outcomes}
      disabled={disabled}
      onCommit={(s) =>
        run("Change outcome shares", "outcomes", (n) => {
          n.outcomes = s;
        })
      }
      onAdd={() => run("Add outcome", "outcomes-add", (_, m) => void addOutcome(m, node.id))}
      onRemove={(name) => run("Remove outcome", "outcomes-remove", (_, m) => removeOutcome(m, node.id, name))}
      onRename={(from, to) => {
        const problem = checkNewName(to, Object.keys(node.outcomes), from);
        if (problem) return problem;
        if (to === "abandoned") return '"abandoned" is the port of callers who hang up';
        run("Rename outcome", "outcomes-rename", (_, m) => renameOutcome(m, node.id, from, to));
        return undefined;
      }}
    />
  );
}
