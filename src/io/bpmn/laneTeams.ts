/**
 * Teams of an imported BPMN diagram: one per lane that holds tasks, its tier read from the
 * lane's name ("L2", "Tier 2", "2nd level") or else from the lane's order; tasks outside
 * any lane go to one default team. Agent counts are guesses, listed as such.
 */
import type { ImportGuess } from "../mermaid/guessFlow";
import type { Step } from "./collectSteps";
import { list } from "./diagramShapes";
import type { BpmnElement } from "./moddle";

const DEFAULT_AGENTS = 5;
const DEFAULT_TEAM = "agents";

interface TeamFile {
  id: string;
  name: string;
  tier: number;
  agents: number;
}

export function laneTeams(
  processes: BpmnElement[],
  steps: Step[],
  guessed: ImportGuess[],
): { teams: TeamFile[]; teamOf(step: Step): string } {
  const laneOf = new Map<BpmnElement, BpmnElement>();
  const lanes: BpmnElement[] = [];
  const visit = (laneSet: BpmnElement | undefined, depth: number) => {
    for (const lane of list(laneSet?.lanes)) {
      const children = list((lane.childLaneSet as BpmnElement | undefined)?.lanes);
      if (children.length > 0 && depth < 20) visit(lane.childLaneSet as BpmnElement, depth + 1);
      else {
        lanes.push(lane);
        for (const ref of list(lane.flowNodeRef)) laneOf.set(ref, lane);
      }
    }
  };
  for (const process of processes) for (const laneSet of list(process.laneSets)) visit(laneSet, 0);
  const teamOfLane = new Map<BpmnElement, TeamFile>();
  const teams: TeamFile[] = [];
  const used = new Set<string>();
  const teamFor = (lane: BpmnElement | undefined): TeamFile => {
    const existing = lane ? teamOfLane.get(lane) : teams.find((t) => t.id === DEFAULT_TEAM);
    if (existing) return existing;
    const name =
      lane && typeof lane.name === "string" && lane.name.trim() ? lane.name.replace(/\s+/g, " ").trim() : "Agents";
    const id = uniqueTeamId(lane ? slug(name) || String(lane.id ?? "team") : DEFAULT_TEAM, used);
    const team = { id, name, tier: tierOf(name) ?? teams.length + 1, agents: DEFAULT_AGENTS };
    teams.push(team);
    if (lane) teamOfLane.set(lane, team);
    guessed.push({
      teamId: id,
      field: "agents",
      message: `team "${name}"${lane ? " (from its lane)" : " (tasks outside any lane)"}: ${DEFAULT_AGENTS} agents, tier ${team.tier}`,
    });
    return team;
  };
  const assigned = new Map<Step, string>();
  for (const step of steps) {
    if (step.kind !== "work") continue;
    let element: BpmnElement | undefined = step.element;
    let lane: BpmnElement | undefined;
    for (let depth = 0; element && !lane && depth < 100; depth++) {
      lane = laneOf.get(element);
      element = element.$parent;
    }
    assigned.set(step, teamFor(lane).id);
  }
  return { teams, teamOf: (step) => assigned.get(step) ?? DEFAULT_TEAM };
}

// helpers

function tierOf(name: string): number | undefined {
  const match =
    /\b(?:L|tier|level|line)\s*-?\s*(\d{1,2})\b/i.exec(name) ??
    /\b(\d)(?:st|nd|rd|th)\s+(?:level|line|tier)\b/i.exec(name);
  const tier = match ? Number(match[1]) : undefined;
  return tier !== undefined && tier >= 1 && tier <= 100 ? tier : undefined;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

function uniqueTeamId(base: string, used: Set<string>): string {
  let id = base === "__proto__" ? "proto" : base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
