/**
 * The scenarios of the flow, kept simple: name, description, and their `set` and `scale`
 * entries as path/value rows, with the path checked against the model.
 */
import { encodeModel, type Model, resolveScenarioPath, type Scenario } from "../../model";
import type { FlowStore } from "../state/store";
import { TextInput } from "./fields";
import { checkNewId, freshName, renameKey } from "./ops";

/** Scenarios panel. */
export function ScenariosPanel({ store, model, disabled }: { store: FlowStore; model: Model; disabled: boolean }) {
  const file = encodeModel(model);
  return (
    <div className="insp-panel" data-testid="inspector-scenarios">
      {model.scenarios.length === 0 ? <p className="insp-hint">No scenarios yet.</p> : null}
      {model.scenarios.map((scenario, i) => (
        <ScenarioCard
          // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the form mounted while its id is renamed
          key={i}
          index={i}
          store={store}
          model={model}
          file={file}
          scenario={scenario}
          disabled={disabled}
        />
      ))}
      <button
        type="button"
        className="insp-small"
        data-testid="inspector-scenario-add"
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
      </button>
    </div>
  );
}

// helpers

function ScenarioCard({
  index,
  store,
  model,
  file,
  scenario,
  disabled,
}: {
  index: number;
  store: FlowStore;
  model: Model;
  file: unknown;
  scenario: Scenario;
  disabled: boolean;
}) {
  const edit = (label: string, field: string, recipe: (s: Scenario) => void) =>
    store.edit(
      label,
      (d) => {
        const s = d.scenarios[index];
        if (s) recipe(s as Scenario);
      },
      { coalesce: `scenario:${index}:${field}` },
    );
  const rows = [
    ...Object.entries(scenario.set).map(([path, value]) => ({
      field: "set" as const,
      path,
      text: JSON.stringify(value),
    })),
    ...Object.entries(scenario.scale ?? {}).map(([path, value]) => ({
      field: "scale" as const,
      path,
      text: String(value),
    })),
  ];
  return (
    <div className="insp-card insp-card-body" data-testid={`inspector-scenario-${scenario.id}`}>
      <TextInput
        label="Id"
        testId={`scenario${index}-id`}
        value={scenario.id}
        disabled={disabled}
        validate={(t) =>
          checkNewId(
            t,
            model.scenarios.map((s) => s.id),
            scenario.id,
          )
        }
        onCommit={(t) =>
          edit("Change scenario id", "id", (s) => {
            s.id = t;
          })
        }
      />
      <TextInput
        label="Name"
        testId={`scenario${index}-name`}
        value={scenario.name}
        disabled={disabled}
        onCommit={(t) =>
          edit("Rename scenario", "name", (s) => {
            s.name = t;
          })
        }
      />
      <TextInput
        label="Description"
        testId={`scenario${index}-description`}
        value={scenario.description ?? ""}
        disabled={disabled}
        onCommit={(t) =>
          edit("Edit scenario", "description", (s) => {
            if (t === "") delete s.description;
            else s.description = t;
          })
        }
      />
      {rows.map((row, r) => {
        const target = resolveScenarioPath(file, row.path);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the row mounted while its path is typed
          <div key={r} className="insp-path-row" data-testid={`inspector-scenario${index}-row${r}`}>
            <span className="insp-chip" title={row.field === "set" ? "set to a value" : "multiply by a factor"}>
              {row.field === "set" ? "=" : "×"}
            </span>
            <TextInput
              label="Path"
              testId={`scenario${index}-row${r}-path`}
              value={row.path}
              disabled={disabled}
              validate={(t) =>
                t.trim() === ""
                  ? "Path must not be empty"
                  : t !== row.path && t in (row.field === "set" ? scenario.set : (scenario.scale ?? {}))
                    ? `"${t}" is already in this scenario`
                    : undefined
              }
              onCommit={(t) => edit("Edit scenario path", `row${r}-path`, (s) => renamePath(s, row.field, row.path, t))}
            />
            <TextInput
              label={row.field === "set" ? "Value" : "Factor"}
              testId={`scenario${index}-row${r}-value`}
              value={row.text}
              disabled={disabled}
              validate={(t) => parseValue(t, row.field).message}
              onCommit={(t) =>
                edit("Edit scenario value", `row${r}-value`, (s) =>
                  setValue(s, row.field, row.path, parseValue(t, row.field).value),
                )
              }
            />
            <button
              type="button"
              className="insp-icon"
              aria-label={`Remove ${row.path}`}
              disabled={disabled}
              onClick={() => edit("Remove scenario entry", "rows", (s) => removePath(s, row.field, row.path))}
            >
              ×
            </button>
            {!target.ok ? <div className="insp-error">{target.reason}</div> : null}
          </div>
        );
      })}
      <div className="insp-actions">
        <button
          type="button"
          className="insp-small"
          data-testid={`inspector-scenario${index}-set-add`}
          disabled={disabled}
          onClick={() =>
            edit("Add scenario entry", "rows", (s) => {
              s.set[freshName("teams.id.agents", Object.keys(s.set))] = 1;
            })
          }
        >
          Add “set”
        </button>
        <button
          type="button"
          className="insp-small"
          data-testid={`inspector-scenario${index}-scale-add`}
          disabled={disabled}
          onClick={() =>
            edit("Add scenario entry", "rows", (s) => {
              s.scale ??= {};
              s.scale[freshName("nodes.id.arrivals.perHour", Object.keys(s.scale))] = 1;
            })
          }
        >
          Add “scale”
        </button>
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

function parseValue(text: string, field: "set" | "scale"): { value?: unknown; message?: string } {
  if (field === "scale") {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) && n >= 0
      ? { value: n }
      : { message: "A factor is a number ≥ 0, e.g. 1.4" };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    // A bare word or duration ("6m") is a string.
    return text.trim() === "" ? { message: "Enter a value" } : { value: text.trim() };
  }
}

function renamePath(s: Scenario, field: "set" | "scale", from: string, to: string): void {
  if (field === "set") s.set = renameKey(s.set, from, to);
  else if (s.scale) s.scale = renameKey(s.scale, from, to);
}

function setValue(s: Scenario, field: "set" | "scale", path: string, value: unknown): void {
  if (field === "set") s.set[path] = value;
  else if (s.scale && typeof value === "number") s.scale[path] = value;
}

function removePath(s: Scenario, field: "set" | "scale", path: string): void {
  if (field === "set") delete s.set[path];
  else if (s.scale) {
    delete s.scale[path];
    if (Object.keys(s.scale).length === 0) delete s.scale;
  }
}
