/**
 * The form of a `route` node: either ordered rules (first match wins; each rule tests
 * contact type, channel, priority, customer tier, attempts and attribute ranges, and names
 * its port) or a probabilistic split, with a toggle between the two.
 */
import type { Condition } from "../../model";
import { CHANNELS, PRIORITIES } from "../../model";
import { humaniseName } from "../shell/humanise";
import { IconButton, SmallButton } from "./buttons";
import { formatNumber, Row, SelectInput, TextInput } from "./fields";
import type { NodeFormProps } from "./nodeEdit";
import { addRule, idFromName, moveItem, removeRule, setRouteMode, setRuleCondition, setRulePort } from "./ops";
import { PortSharesEditor } from "./PortSharesEditor";

/** Route node form. */
export function RouteForm(props: NodeFormProps<"route">) {
  const { node, edit, disabled } = props;
  const mode = node.split ? "split" : "rules";
  return (
    <>
      <SelectInput
        label="Routing"
        testId="routeMode"
        value={mode}
        options={[
          ["rules", "Rules (first match wins)"],
          ["split", "Split by shares"],
        ]}
        disabled={disabled}
        onChange={(v) => edit("Change routing", "routeMode", (_, m) => setRouteMode(m, node.id, v))}
      />
      {node.split ? <PortSharesEditor {...props} /> : <RulesEditor {...props} />}
    </>
  );
}

// helpers

function RulesEditor({ node, model, edit, disabled }: NodeFormProps<"route">) {
  const rules = node.rules ?? [];
  const attributeNames = [...new Set(model.contactTypes.flatMap((c) => Object.keys(c.attributes ?? {})))];
  return (
    <div className="insp-rules" data-testid="inspector-rules">
      {rules.map((rule, i) => {
        const set = <K extends keyof Condition>(key: K, value: Condition[K] | undefined) => {
          // One value is written as itself, several as a list, as a person would write the file.
          if (Array.isArray(value) && value.length === 1) value = value[0] as Condition[K];
          edit("Change rule", `rule${i}-${key}`, (_, m) => setRuleCondition(m, node.id, i, key, value));
        };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are ordered, identified by position
          <fieldset key={i} className="insp-rule" data-testid={`inspector-rule${i}`}>
            <legend>
              Rule {i + 1}
              <span className="insp-rule-tools">
                <IconButton
                  label={`Move rule ${i + 1} up`}
                  disabled={disabled || i === 0}
                  icon="↑"
                  onClick={() => edit("Move rule", "rules-move", (n) => moveItem(n.rules ?? [], i, i - 1))}
                />
                <IconButton
                  label={`Move rule ${i + 1} down`}
                  disabled={disabled || i === rules.length - 1}
                  icon="↓"
                  onClick={() => edit("Move rule", "rules-move", (n) => moveItem(n.rules ?? [], i, i + 1))}
                />
                <IconButton
                  label={`Remove rule ${i + 1}`}
                  testId={`rule${i}-remove`}
                  disabled={disabled}
                  onClick={() => edit("Remove rule", "rules-remove", (_, m) => removeRule(m, node.id, i))}
                />
              </span>
            </legend>
            {(
              [
                ["contactType", "Contact type", model.contactTypes.map((c) => [c.id, c.name || c.id] as const)],
                ["channel", "Channel", CHANNELS.map((c) => [c, c] as const)],
                ["priority", "Priority", PRIORITIES.map((c) => [c, c] as const)],
              ] as const
            ).map(([key, label, options]) => (
              <Choices
                key={key}
                label={label}
                testId={`rule${i}-${key}`}
                options={options}
                value={rule.if[key]}
                disabled={disabled}
                onChange={(v) => set(key, v)}
              />
            ))}
            <TextInput
              label="Customer tier"
              testId={`rule${i}-customerTier`}
              placeholder="any (e.g. gold, platinum)"
              value={toList(rule.if.customerTier).join(", ")}
              disabled={disabled}
              onCommit={(t) => set("customerTier", splitList(t))}
            />
            <TextInput
              label="Attempts ≥"
              testId={`rule${i}-attempts`}
              placeholder="any"
              value={rule.if.attempts?.gte !== undefined ? formatNumber(rule.if.attempts.gte) : ""}
              disabled={disabled}
              validate={(t) => optionalNumber(t).message}
              onCommit={(t) => {
                const v = optionalNumber(t).value;
                set("attempts", v === undefined ? undefined : { ...rule.if.attempts, gte: v });
              }}
            />
            {Object.entries(rule.if.attributes ?? {}).map(([name, range]) => (
              <div className="insp-range" key={name}>
                <span className="insp-range-name">{name}</span>
                {RANGE_BOUNDS.map(([bound, label]) => (
                  <TextInput
                    key={bound}
                    label={label}
                    testId={`rule${i}-attr-${name}-${bound}`}
                    placeholder="—"
                    value={range[bound] !== undefined ? formatNumber(range[bound]) : ""}
                    disabled={disabled}
                    validate={(t) => optionalNumber(t).message}
                    onCommit={(t) =>
                      set("attributes", {
                        ...rule.if.attributes,
                        [name]: withBound(range, bound, optionalNumber(t).value),
                      })
                    }
                  />
                ))}
                <IconButton
                  label={`Remove test on ${name}`}
                  disabled={disabled}
                  onClick={() => {
                    const { [name]: _, ...rest } = rule.if.attributes ?? {};
                    set("attributes", Object.keys(rest).length ? rest : undefined);
                  }}
                />
              </div>
            ))}
            {attributeNames.some((a) => !(a in (rule.if.attributes ?? {}))) ? (
              <Row label="Attribute">
                <select
                  aria-label="Test an attribute"
                  data-testid={`inspector-rule${i}-attr-add`}
                  value=""
                  disabled={disabled}
                  onChange={(e) => e.target.value && set("attributes", { ...rule.if.attributes, [e.target.value]: {} })}
                >
                  <option value="">Test an attribute…</option>
                  {attributeNames
                    .filter((a) => !(a in (rule.if.attributes ?? {})))
                    .map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                </select>
              </Row>
            ) : null}
            <TextInput
              label="Leaves by port"
              testId={`rule${i}-port`}
              value={humaniseName(rule.port)}
              disabled={disabled}
              validate={(t) => (idFromName(t) ? undefined : "Name the port with a letter or digit, e.g. Tier 1")}
              onCommit={(t) =>
                edit("Change rule port", `rule${i}-port`, (_, m) => setRulePort(m, node.id, i, idFromName(t)))
              }
            />
          </fieldset>
        );
      })}
      <p className="insp-hint">Contacts no rule matches leave by “otherwise”.</p>
      <SmallButton
        testId={`rules-add`}
        disabled={disabled}
        onClick={() => edit("Add rule", "rules-add", (_, m) => addRule(m, node.id))}
      >
        Add rule
      </SmallButton>
    </div>
  );
}

/** Toggle buttons for a set of allowed values; none pressed means "any". */
function Choices({
  label,
  testId,
  options,
  value,
  onChange,
  disabled,
}: {
  label: string;
  testId: string;
  options: readonly (readonly [string, string])[];
  value: string | string[] | undefined;
  onChange: (value: string[]) => void;
  disabled?: boolean;
}) {
  const chosen = toList(value);
  if (options.length === 0) return null;
  return (
    <Row label={label}>
      <fieldset className="insp-chips" aria-label={label}>
        {options.map(([v, text]) => {
          const on = chosen.includes(v);
          return (
            <button
              type="button"
              key={v}
              className="insp-chip"
              aria-pressed={on}
              data-testid={`inspector-${testId}-${v}`}
              disabled={disabled}
              onClick={() =>
                onChange(
                  on
                    ? chosen.filter((c) => c !== v)
                    : options.map(([o]) => o).filter((o) => o === v || chosen.includes(o)),
                )
              }
            >
              {text}
            </button>
          );
        })}
        {chosen.length === 0 ? <span className="insp-hint">any</span> : null}
      </fieldset>
    </Row>
  );
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function splitList(text: string): string[] | undefined {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function optionalNumber(text: string): { value?: number; message?: string } {
  if (text.trim() === "") return {};
  const value = Number(text.trim());
  return Number.isFinite(value) ? { value } : { message: `"${text}" is not a number` };
}

/** The two bounds of an attribute test, each with its label. */
const RANGE_BOUNDS = [
  ["gt", ">"],
  ["lt", "<"],
] as const;

function withBound(range: Condition["attempts"] & object, key: "gt" | "lt", value: number | undefined) {
  const next = { ...range };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
