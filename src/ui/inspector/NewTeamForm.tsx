/**
 * "New team…" of a work step: asks for the team's name, tier and agents inline, then adds
 * the team and puts the step on it as one undoable edit. Nothing is made until Create.
 */
import { useState } from "react";
import { boundsProblem, field } from "../../model";
import { SmallButton } from "./buttons";
import { parseNumberText } from "./fields";
import { parseTierText } from "./SpecField";

export interface NewTeam {
  name: string;
  tier: number;
  agents: number;
}

/** The inline form; `onCreate` gets what was typed, checked against the team fields' bounds. */
export function NewTeamForm({
  initialTier,
  onCreate,
  onCancel,
}: {
  initialTier: number;
  onCreate: (team: NewTeam) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [tier, setTier] = useState(`L${initialTier}`);
  const [agents, setAgents] = useState("5");
  const [error, setError] = useState<string>();
  const create = () => {
    const t = parseTierText(tier);
    const a = parseNumberText(agents);
    const problem =
      (name.trim() === "" ? "Name the team, e.g. Billing L2" : undefined) ??
      (t.ok ? boundsProblem(field("teams.tier"), t.value) : t.message) ??
      (a.ok ? boundsProblem(field("teams.agents"), a.value) : a.message);
    setError(problem);
    if (!problem && t.ok && a.ok) onCreate({ name: name.trim(), tier: t.value, agents: a.value });
  };
  const input = (label: string, value: string, set: (v: string) => void, id: string) => (
    <label className="insp-newteam-field">
      <span>{label}</span>
      <input
        data-testid={`inspector-newteam-${id}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") create();
          if (e.key === "Escape") onCancel();
        }}
      />
    </label>
  );
  return (
    <fieldset className="insp-group insp-newteam" data-testid="inspector-newteam">
      <legend>New team</legend>
      {input("Name", name, setName, "name")}
      {input("Tier (L1, L2…)", tier, setTier, "tier")}
      {input("Agents", agents, setAgents, "agents")}
      {error ? (
        <div className="insp-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="insp-newteam-actions">
        <SmallButton testId="newteam-create" onClick={create}>
          Create team
        </SmallButton>
        <SmallButton testId="newteam-cancel" onClick={onCancel}>
          Cancel
        </SmallButton>
      </div>
    </fieldset>
  );
}
