/**
 * Named shares whose names are a node's out ports: the outcomes of a `work` or `followUp`
 * node, a route's split. Add, remove and rename ports (renaming moves the edges leaving by
 * that port; ops.ts handles each kind) and edit their shares, each one undo entry.
 */
import type { NodeEdit, NodeFormProps } from "./nodeEdit";
import { addOutcome, checkNewName, removeOutcome, renameOutcome, setPortShares } from "./ops";
import { SharesEditor } from "./SharesEditor";

type PortShareProps<K extends "work" | "followUp" | "route"> = Pick<NodeFormProps<K>, "node" | "edit" | "disabled">;

/** The port shares of a work or follow-up step (its outcomes) or of a route (its split). */
export function PortSharesEditor({
  node,
  edit,
  disabled,
}: PortShareProps<"work"> | PortShareProps<"followUp"> | PortShareProps<"route">) {
  const { label, testId, noun } = node.kind === "route" ? SPLIT : OUTCOMES;
  const shares = (node.kind === "route" ? node.split : node.outcomes) ?? {};
  // Every recipe here changes the model through ops.ts, which finds the node by id and kind.
  const run = edit as NodeEdit<"work">;
  return (
    <SharesEditor
      label={label}
      testId={testId}
      shares={shares}
      disabled={disabled}
      onCommit={(s) => run(`Change ${noun} shares`, testId, (_, m) => setPortShares(m, node.id, s))}
      onAdd={() => run(`Add ${noun}`, `${testId}-add`, (_, m) => void addOutcome(m, node.id))}
      onRemove={(port) => run(`Remove ${noun}`, `${testId}-remove`, (_, m) => removeOutcome(m, node.id, port))}
      onRename={(from, to) => {
        const problem = checkNewName(to, Object.keys(shares), from);
        if (problem) return problem;
        if (node.kind !== "route" && to === "abandoned") return '"abandoned" is the port of callers who hang up';
        run(`Rename ${noun}`, `${testId}-rename`, (_, m) => renameOutcome(m, node.id, from, to));
        return undefined;
      }}
    />
  );
}

// helpers

/** The words of each kind of port shares: the legend, the test ids and the undo entries' noun. */
const OUTCOMES = { label: "Outcomes", testId: "outcomes", noun: "outcome" };
const SPLIT = { label: "Split", testId: "split", noun: "split port" };
