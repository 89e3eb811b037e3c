/**
 * The teams of the flow: a list (one open at a time, remembered as `selection.team`) with
 * each team's name, id (renaming it follows into work steps and scenarios), tier, agents,
 * concurrency, cost and weekly schedule.
 */
import { current } from "immer";
import type { Model, Team } from "../../model";
import { followLanesInDraft } from "../canvas/placement";
import type { FlowStore } from "../state/store";
import { SmallButton } from "./buttons";
import { DiagnosticList, diagnosticsOf } from "./DiagnosticList";
import { formatNumber } from "./fields";
import { addTeam, DEFAULT_COST_PER_HOUR, removeTeam, renameTeamId } from "./ops";
import { ScheduleEditor } from "./ScheduleEditor";
import { idEntry, SpecFields } from "./SpecField";

/** Teams panel. */
export function TeamsPanel({
  store,
  model,
  open,
  disabled,
}: {
  store: FlowStore;
  model: Model;
  open?: string;
  disabled: boolean;
}) {
  return (
    <div className="insp-panel" data-testid="inspector-teams">
      {model.teams.map((team, i) => {
        const users = model.nodes.filter((n) => n.kind === "work" && n.team === team.id).length;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: position keeps the form mounted while its id is typed
          <div key={i} className="insp-card">
            <button
              type="button"
              className="insp-card-head"
              aria-expanded={open === team.id}
              data-testid={`inspector-team-${team.id}`}
              onClick={() => store.select({ team: open === team.id ? undefined : team.id })}
            >
              <span>{team.name || team.id}</span>
              <span className="insp-hint">
                L{team.tier} · {team.agents} agents · {formatNumber(team.costPerHour)}/h · {users} step
                {users === 1 ? "" : "s"}
              </span>
            </button>
            {open === team.id ? <TeamForm store={store} model={model} team={team} disabled={disabled} /> : null}
          </div>
        );
      })}
      <SmallButton
        testId={`team-add`}
        disabled={disabled}
        onClick={() => {
          let id = "";
          store.edit("Add team", (d) => {
            id = addTeam(d);
          });
          if (id) store.select({ team: id });
        }}
      >
        Add team
      </SmallButton>
    </div>
  );
}

// helpers

function TeamForm({ store, model, team, disabled }: { store: FlowStore; model: Model; team: Team; disabled: boolean }) {
  const edit = (label: string, field: string, recipe: (t: Team) => void) =>
    store.edit(
      label,
      (d) => {
        const t = d.teams.find((x) => x.id === team.id);
        if (!t) return;
        const before = current(d) as Model;
        recipe(t);
        // A new tier moves the team's steps into that tier's lane.
        if (t.tier !== before.teams.find((x) => x.id === team.id)?.tier) followLanesInDraft(d, before);
      },
      { coalesce: `team:${team.id}:${field}` },
    );
  const used = model.nodes.some((n) => n.kind === "work" && n.team === team.id);
  return (
    <div className="insp-card-body">
      <DiagnosticList diagnostics={diagnosticsOf(model, (d) => d.teamId === team.id)} />
      <SpecFields
        scope="teams"
        value={team}
        edit={edit}
        disabled={disabled}
        entries={[
          { key: "name", testId: "team-name" },
          {
            ...idEntry(
              model.teams.map((x) => x.id),
              team.id,
              (t) => {
                store.edit("Change team id", (d) => renameTeamId(d, team.id, t), { coalesce: `team-id:${team.id}` });
                store.select({ team: t });
              },
            ),
            testId: "team-id",
          },
          "tier",
          { key: "agents", hint: team.schedule ? "headcount; staffing follows the schedule" : undefined },
          "concurrency",
          {
            key: "costPerHour",
            hint:
              team.costPerHour === 0
                ? "0/h: this team adds nothing to cost per ticket"
                : `per agent hour staffed; new teams start at ${DEFAULT_COST_PER_HOUR}/h`,
          },
        ]}
      />
      <ScheduleEditor store={store} team={team} disabled={disabled} />
      <button
        type="button"
        className="insp-small insp-danger"
        data-testid="inspector-team-remove"
        disabled={disabled}
        title={used ? "Steps still use this team; they will be flagged until you pick another team" : undefined}
        onClick={() =>
          store.edit("Remove team", (d) => {
            const before = current(d) as Model;
            removeTeam(d, team.id);
            followLanesInDraft(d, before);
          })
        }
      >
        Remove team
      </button>
    </div>
  );
}
