/**
 * The form of a `channel` node: channel type, arrival rate and its hourly/weekly profiles,
 * surges, the day-to-day factor, and the contact-type, priority and customer-tier mixes.
 */
import { DAYS, field, PRIORITIES } from "../../model";
import { SmallButton } from "./buttons";
import type { NodeFormProps } from "./nodeEdit";
import { freshName, removeShare, renameKey } from "./ops";
import { SharesEditor } from "./SharesEditor";
import { SpecFields } from "./SpecField";

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`);
const DAY_NAMES = DAYS.map((d) => d[0]?.toUpperCase() + d.slice(1));
const SURGE_FIELDS = ["from", "to", "factor"];
const DAY_FACTOR = { dist: "gamma", mean: 1, sd: 0.15 };

/** Channel node form. */
export function ChannelForm({ node, model, edit, disabled }: NodeFormProps<"channel">) {
  const { arrivals } = node;
  // The shares of arrivals by contact type, priority or customer tier: optional, cleared whole.
  const mix = (key: "mix" | "priority" | "customerTier", unsetText: string) => {
    const label = field(`nodes.channel.${key}`).label;
    return {
      label,
      testId: key,
      shares: (node[key] ?? {}) as Record<string, number>,
      disabled,
      unsetText,
      onClear: () => edit(`Clear ${label.toLowerCase()}`, key, (n) => void delete n[key]),
      onCommit: (shares: Record<string, number>) =>
        edit(`Edit ${label.toLowerCase()}`, key, (n) => {
          n[key] = shares;
        }),
    };
  };
  const typeKeys = model.contactTypes.map((c) => [c.id, c.name || c.id] as const);
  return (
    <>
      <SpecFields
        scope="nodes.channel"
        value={node}
        edit={edit}
        disabled={disabled}
        entries={["channel", { key: "arrivals.perHour", testId: "perHour", hint: "mean rate over the week" }]}
      />
      <SpecFields
        scope="nodes.channel.arrivals"
        value={arrivals}
        edit={(label, field, recipe) => edit(label, field, (n) => recipe(n.arrivals))}
        disabled={disabled}
        entries={[
          {
            key: "hourly",
            names: HOURS,
            toggle: { label: "Hourly profile", testId: "hourly-on", initial: Array(24).fill(1) },
          },
          {
            key: "weekly",
            names: DAY_NAMES,
            toggle: { label: "Weekly profile", testId: "weekly-on", initial: Array(7).fill(1) },
          },
          {
            key: "dayFactor",
            label: "Day factor (mean 1)",
            toggle: { label: "Day-to-day variation", testId: "dayFactor-on", initial: DAY_FACTOR },
          },
        ]}
      />
      <fieldset className="insp-list" data-testid="inspector-surges">
        <legend>Surges</legend>
        {(arrivals.surges ?? []).map((surge, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: surges are identified by position
          <div className="insp-item" key={i}>
            <SpecFields
              scope="nodes.channel.arrivals.surges"
              value={surge}
              testPrefix={`surge${i}-`}
              entries={SURGE_FIELDS}
              edit={(label, field, recipe) =>
                edit(label, `surge${i}-${field}`, (n) => {
                  const target = n.arrivals.surges?.[i];
                  if (target) recipe(target);
                })
              }
              disabled={disabled}
            />
            <SmallButton
              disabled={disabled}
              onClick={() =>
                edit("Remove surge", "surges", (n) => {
                  n.arrivals.surges?.splice(i, 1);
                  if (n.arrivals.surges?.length === 0) delete n.arrivals.surges;
                })
              }
            >
              Remove surge
            </SmallButton>
          </div>
        ))}
        <SmallButton
          testId={`surges-add`}
          disabled={disabled}
          onClick={() =>
            edit("Add surge", "surges", (n, m) => {
              const day = m.clock.start.slice(0, 10);
              n.arrivals.surges ??= [];
              n.arrivals.surges.push({ from: `${day}T09:00`, to: `${day}T12:00`, factor: 1.5 });
            })
          }
        >
          Add surge
        </SmallButton>
      </fieldset>
      {typeKeys.length > 0 ? (
        <SharesEditor {...mix("mix", "Not set")} keys={typeKeys} />
      ) : (
        <p className="insp-hint">Add contact types (nothing selected → Contact types) to set the mix.</p>
      )}
      <SharesEditor {...mix("priority", "Not set: no priorities")} keys={PRIORITIES.map((p) => [p, p] as const)} />
      <SharesEditor
        {...mix("customerTier", "Not set: no customer tiers")}
        onAdd={() =>
          edit("Add customer tier", "customerTier", (n) => {
            n.customerTier ??= {};
            n.customerTier[freshName("tier", Object.keys(n.customerTier))] = 0;
          })
        }
        onRemove={(k) =>
          edit("Remove customer tier", "customerTier", (n) => {
            if (!n.customerTier) return;
            removeShare(n.customerTier, k);
            if (Object.keys(n.customerTier).length === 0) delete n.customerTier;
          })
        }
        onRename={(from, to) => {
          if (!to) return "Name must not be empty";
          if (to in (node.customerTier ?? {})) return `"${to}" is already a tier`;
          edit("Rename customer tier", "customerTier", (n) => {
            n.customerTier = renameKey(n.customerTier ?? {}, from, to);
          });
          return undefined;
        }}
      />
    </>
  );
}
