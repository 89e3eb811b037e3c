/**
 * The scenarios of the flow, kept simple: name, description, and their `set`, `scale` and
 * `add` entries as path/value rows. Every path is checked by the model's allow-list walk
 * (scenarioEntryProblem) before anything is written under it (scenarioRows.ts).
 */
import { encodeModel, type Model, type Scenario, type ScenarioField, scenarioEntryProblem } from "../../model";
import type { FlowStore } from "../state/store";
import { IconButton, SmallButton } from "./buttons";
import { IdInput, TextInput } from "./fields";
import { freshName } from "./ops";
import {
  addRow,
  checkRowPath,
  defaultRowPath,
  FIELD_CHIP,
  parseRowValue,
  removeRow,
  renameRow,
  scenarioRows,
  setRowValue,
} from "./scenarioRows";

const ADD_BUTTONS: { field: ScenarioField; label: string; hint: string }[] = [
  { field: "set", label: "Add “set”", hint: "Set a field to a value, e.g. teams.l1.agents = 12" },
  { field: "scale", label: "Add “scale”", hint: "Multiply a number, e.g. nodes.phone.arrivals.perHour × 1.2" },
  { field: "add", label: "Add “add”", hint: "Add to a number or duration, e.g. teams.l1.agents + 2" },
];

/** A scenario's free-text fields: the field, its label and its undo entry. */
const SCENARIO_TEXTS = [
  ["name", "Name", "Rename scenario"],
  ["description", "Description", "Edit scenario"],
] as const;

/** What every scenario card of the panel works with: the file is encoded once for all of them. */
interface CardContext {
  store: FlowStore;
  model: Model;
  file: unknown;
  disabled: boolean;
}

/** Scenarios panel. */
export function ScenariosPanel({ store, model, disabled }: { store: FlowStore; model: Model; disabled: boolean }) {
  const context: CardContext = { store, model, file: encodeModel(model), disabled };
  return (
    <div className="insp-panel" data-testid="inspector-scenarios">
      {model.scenarios.length === 0 ? <p className="insp-hint">No scenarios yet.</p> : null}
      {model.scenarios.map((scenario, i) => (
        <ScenarioCard
          // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the form mounted while its id is renamed
          key={i}
          index={i}
          scenario={scenario}
          context={context}
        />
      ))}
      <SmallButton
        testId={`scenario-add`}
        disabled={disabled}
        onClick={() =>
          store.edit("Add scenario", (d) => {
            const id = freshName(
              "scenario",
              d.scenarios.map((s) => s.id),
            );
            d.scenarios.push({ id, name: "New scenario", set: {} });
          })
        }
      >
        Add scenario
      </SmallButton>
    </div>
  );
}

// helpers

function ScenarioCard({ index, scenario, context }: { index: number; scenario: Scenario; context: CardContext }) {
  const { store, model, file, disabled } = context;
  const edit = (label: string, field: string, recipe: (s: Scenario) => void) =>
    store.edit(
      label,
      (d) => {
        const s = d.scenarios[index];
        if (s) recipe(s as Scenario);
      },
      { coalesce: `scenario:${index}:${field}` },
    );
  const rows = scenarioRows(scenario);
  return (
    <div className="insp-card insp-card-body" data-testid={`inspector-scenario-${scenario.id}`}>
      <IdInput
        testId={`scenario${index}-id`}
        value={scenario.id}
        taken={model.scenarios.map((s) => s.id)}
        disabled={disabled}
        onCommit={(t) =>
          edit("Change scenario id", "id", (s) => {
            s.id = t;
          })
        }
      />
      {SCENARIO_TEXTS.map(([field, label, undo]) => (
        <TextInput
          key={field}
          label={label}
          testId={`scenario${index}-${field}`}
          value={scenario[field] ?? ""}
          disabled={disabled}
          onCommit={(t) =>
            edit(undo, field, (s) => {
              // The description is optional: emptied, it leaves the file.
              if (field === "description" && t === "") delete s.description;
              else s[field] = t;
            })
          }
        />
      ))}
      {rows.map((row, r) => {
        const problem = scenarioEntryProblem(file, row.field, row.path);
        const chip = FIELD_CHIP[row.field];
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the row mounted while its path is typed
            key={r}
            className="insp-path-row"
            data-testid={`inspector-scenario${index}-row${r}`}
            data-field={row.field}
          >
            <span className="insp-chip" title={chip.title}>
              {chip.symbol}
            </span>
            <TextInput
              label="Path"
              testId={`scenario${index}-row${r}-path`}
              value={row.path}
              disabled={disabled}
              validate={(t) => checkRowPath(file, scenario, row.field, row.path, t)}
              onCommit={(t) =>
                edit("Edit scenario path", `row${r}-path`, (s) => void renameRow(file, s, row.field, row.path, t))
              }
            />
            <TextInput
              label={chip.valueLabel}
              testId={`scenario${index}-row${r}-value`}
              value={row.text}
              disabled={disabled}
              validate={(t) => (problem !== undefined ? "Fix the path first" : parseRowValue(t, row.field).message)}
              onCommit={(t) =>
                edit(
                  "Edit scenario value",
                  `row${r}-value`,
                  (s) => void setRowValue(file, s, row.field, row.path, parseRowValue(t, row.field).value),
                )
              }
            />
            <IconButton
              label={`Remove ${row.path}`}
              disabled={disabled}
              onClick={() => edit("Remove scenario entry", "rows", (s) => removeRow(s, row.field, row.path))}
            />
            {problem !== undefined ? (
              <div className="insp-error" data-testid={`scenario${index}-row${r}-problem`}>
                {problem}
              </div>
            ) : null}
          </div>
        );
      })}
      <div className="insp-actions">
        {ADD_BUTTONS.map(({ field, label, hint }) => {
          const none = defaultRowPath(file, scenario, field) === undefined;
          return (
            <button
              key={field}
              type="button"
              className="insp-small"
              data-testid={`inspector-scenario${index}-${field}-add`}
              title={none ? "No team or channel left for this kind of entry to change" : hint}
              disabled={disabled || none}
              onClick={() => edit("Add scenario entry", "rows", (s) => void addRow(file, s, field))}
            >
              {label}
            </button>
          );
        })}
        <button
          type="button"
          className="insp-small insp-danger"
          disabled={disabled}
          onClick={() => store.edit("Remove scenario", (d) => void d.scenarios.splice(index, 1))}
        >
          Remove scenario
        </button>
      </div>
    </div>
  );
}
