/**
 * Create a scenario from the current flow with quick what-if controls: agents per team,
 * arrival volume, deflection at self-service steps, the resolved share at work steps and
 * the hand-off mode of escalations. Saving adds `set`/`scale`/`add` overrides to the
 * model's scenarios as one undoable edit; "+2 agents" is saved and shown as "+2".
 */
import { useState } from "react";
import type { Model, Scenario } from "../../model";
import type { FlowStore } from "../state/store";
import { addScenarioRecipe, emptyWhatIf, isEmptyScenario, type WhatIf, whatIfToScenario } from "./whatIf";

/** The what-if form for the flow in `store` (data-testid `scenario-*`). */
export function ScenarioForm({ store, model }: { store: FlowStore; model: Model }) {
  const [whatIf, setWhatIf] = useState<WhatIf>(() => emptyWhatIf());
  const scenario = whatIfToScenario(model, whatIf);
  const empty = isEmptyScenario(scenario);
  const update = (patch: Partial<WhatIf>) => setWhatIf((w) => ({ ...w, ...patch }));
  // A step's share (deflection, resolved share) as the what-if has it, or as the flow does.
  const shareSlider = (
    field: "deflection" | "resolvedShare",
    node: { id: string; label?: string },
    flowShare: number,
    words: string,
    step: number,
  ) => {
    const share = whatIf[field][node.id] ?? flowShare;
    return (
      <Slider
        key={node.id}
        id={`scenario-${field === "deflection" ? "deflection" : "resolved"}-${node.id}`}
        label={`${words} · ${node.label || node.id}`}
        min={0}
        max={1}
        step={step}
        value={share}
        shown={`${Math.round(share * 100)}%`}
        onChange={(v) => update({ [field]: { ...whatIf[field], [node.id]: v } })}
      />
    );
  };
  return (
    <form
      className="scenario-box"
      data-testid="scenario-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (empty) return;
        store.edit(`Add scenario "${scenario.name}"`, addScenarioRecipe(scenario));
        setWhatIf(emptyWhatIf());
      }}
    >
      <h3>New what-if scenario</h3>
      <div className="whatif-grid">
        <label htmlFor="scenario-name">Name</label>
        <input
          id="scenario-name"
          data-testid="scenario-name"
          value={whatIf.name}
          placeholder="e.g. +2 L1 agents"
          onChange={(e) => update({ name: e.target.value })}
        />
        <span />
        {model.teams.map((team) => {
          const delta = whatIf.agentsDelta[team.id] ?? 0;
          return (
            <Slider
              key={team.id}
              id={`scenario-agents-${team.id}`}
              label={`Agents · ${team.name || team.id} (${team.agents})`}
              min={-Math.min(team.agents, 10)}
              max={20}
              step={1}
              value={delta}
              shown={`${delta > 0 ? "+" : ""}${delta}`}
              onChange={(v) => update({ agentsDelta: { ...whatIf.agentsDelta, [team.id]: v } })}
            />
          );
        })}
        <Slider
          id="scenario-volume"
          label="Arrival volume (all channels)"
          min={50}
          max={200}
          step={5}
          value={whatIf.volumePercent}
          shown={`${whatIf.volumePercent}%`}
          onChange={(v) => update({ volumePercent: v })}
        />
        {model.nodes.map((node) => {
          if (node.kind === "selfService" && typeof node.deflection === "number") {
            return shareSlider("deflection", node, node.deflection, "Deflection", 0.05);
          }
          if (node.kind === "work" && node.outcomes.resolved !== undefined) {
            return shareSlider("resolvedShare", node, node.outcomes.resolved, "Resolved share", 0.01);
          }
          if (node.kind === "escalate") {
            const mode = whatIf.handoff[node.id] ?? node.handoff;
            return (
              <Row key={node.id} id={`scenario-handoff-${node.id}`} label={`Hand-off · ${node.label || node.id}`}>
                <select
                  id={`scenario-handoff-${node.id}`}
                  data-testid={`scenario-handoff-${node.id}`}
                  value={mode}
                  onChange={(e) =>
                    update({ handoff: { ...whatIf.handoff, [node.id]: e.target.value as "structured" | "none" } })
                  }
                >
                  <option value="structured">structured (context note)</option>
                  <option value="none">none (customer re-explains)</option>
                </select>
              </Row>
            );
          }
          return null;
        })}
      </div>
      <div>
        <button
          type="submit"
          data-testid="scenario-save"
          disabled={empty}
          title={empty ? "Change something first" : undefined}
        >
          Save scenario
        </button>{" "}
        {!empty && <span className="results-meta">changes {describeChanges(scenario)}</span>}
      </div>
    </form>
  );
}

// helpers

function Slider(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  shown: string;
  onChange: (value: number) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <output htmlFor={props.id} data-testid={`${props.id}-value`}>
        {props.shown}
      </output>
    </>
  );
}

function Row({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
      <span />
    </>
  );
}

/** "teams.l1.agents +2; nodes.phone.arrivals.perHour × 1.2": each change as the scenario stores it. */
function describeChanges(scenario: Pick<Scenario, "set" | "scale" | "add">): string {
  const parts = [
    ...Object.entries(scenario.set).map(
      ([path, value]) => `${path} = ${typeof value === "object" ? JSON.stringify(value, roundShares) : String(value)}`,
    ),
    ...Object.entries(scenario.scale ?? {}).map(([path, factor]) => `${path} × ${factor}`),
    ...Object.entries(scenario.add ?? {}).map(([path, amount]) => `${path} ${signed(amount)}`),
  ];
  return parts.join("; ");
}

function signed(amount: number | string): string {
  if (typeof amount === "string") return amount.startsWith("-") ? amount : `+${amount}`;
  return amount < 0 ? `−${-amount}` : `+${amount}`;
}

function roundShares(_key: string, value: unknown): unknown {
  return typeof value === "number" ? Math.round(value * 1000) / 1000 : value;
}
