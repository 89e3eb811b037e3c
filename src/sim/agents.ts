/**
 * Which agent of a team holds which contact. The engine counts a team's busy seats on its
 * own; agents are tracked by index only when a trace is recorded (each step names its agent)
 * or the team has a chat slowdown (the pace depends on how many contacts the agent holds).
 *
 * A contact goes to the least-loaded staffed agent (lowest index on ties). While the team has
 * busy < capacity such an agent has a free seat, since agents past the staffed count only
 * hold overtime contacts (staffing drops never preempt).
 */
import type { CompiledTeam } from "./compile";

export class AgentBook {
  /** Per team, 1 when it tracks its agents. */
  readonly tracks: Uint8Array;
  /** Contacts held per agent, per team (empty where agents are not tracked). */
  private readonly load: Int32Array[];
  /** Agents staffed per team now: the engine's own array, read here. */
  private readonly staffed: Int32Array;
  private readonly slowdown: (Float64Array | null)[];

  constructor(teams: readonly CompiledTeam[], staffed: Int32Array, tracing: boolean) {
    this.staffed = staffed;
    this.tracks = Uint8Array.from(teams, (t) => (tracing || t.slowdown !== null ? 1 : 0));
    this.load = teams.map((t, i) => new Int32Array(this.tracks[i] ? maxAgents(t) : 0));
    this.slowdown = teams.map((t) => t.slowdown);
  }

  /** The least-loaded staffed agent of the team (lowest index on ties) takes a contact. */
  take(team: number): number {
    const load = this.load[team]!;
    const staffed = this.staffed[team]!;
    let best = 0;
    for (let a = 1; a < staffed; a++) if (load[a]! < load[best]!) best = a;
    load[best]!++;
    return best;
  }

  /** The handle time of a contact the agent just took: slowed by the team's factor for the contacts it now holds. */
  pace(team: number, agent: number, service: number): number {
    const slowdown = this.slowdown[team]!;
    return slowdown === null ? service : service * slowdown[this.load[team]![agent]! - 1]!;
  }

  /** The agent lets go of a contact. */
  free(team: number, agent: number): void {
    this.load[team]![agent]!--;
  }
}

/** The most agents a team ever has staffed in the run. */
function maxAgents(team: CompiledTeam): number {
  let most = team.initialAgents;
  for (let i = 0; i < team.changeAgents.length; i++) if (team.changeAgents[i]! > most) most = team.changeAgents[i]!;
  return most;
}
