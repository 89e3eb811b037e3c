/**
 * Edits one distribution: its kind (every kind in DIST_KINDS), its parameters (durations or
 * plain numbers), and a small preview of its shape with the mean marked. Switching the kind
 * keeps the mean. Parameter text that does not parse stays in its field with a message.
 */
import { DIST_KINDS, type Dist, type DistKind, describeSeconds, distMean, parseDuration } from "../../model";
import { RemovableLegend, SmallButton } from "./buttons";
import { DurationInput, formatDurationText } from "./DurationInput";
import { distShape } from "./distShape";
import { formatNumber, NumberInput, SelectInput, TextInput } from "./fields";
import { convertDist } from "./ops";

const KIND_TEXT: Record<DistKind, string> = {
  fixed: "Fixed value",
  exponential: "Exponential",
  lognormal: "Lognormal",
  gamma: "Gamma",
  erlang: "Erlang",
  triangular: "Triangular",
  uniform: "Uniform",
  normal: "Normal (truncated at 0)",
  empirical: "Empirical values",
  mixture: "Mixture",
};

export interface DistributionEditorProps {
  label: string;
  /** Test ids are `inspector-<testId>-dist` for the kind and `inspector-<testId>-<param>`. */
  testId: string;
  value: Dist;
  onCommit: (dist: Dist) => void;
  /** Parameters are durations (seconds) rather than plain numbers. */
  duration?: boolean;
  disabled?: boolean;
  /** Nesting depth (mixture parts), to stop the preview repeating inside parts. */
  depth?: number;
  /** Shows a remove button in the legend (optional distributions). */
  onRemove?: () => void;
}

/** A distribution editor with its shape preview. */
export function DistributionEditor(props: DistributionEditorProps) {
  const { label, testId, value, onCommit, duration, disabled, depth = 0, onRemove } = props;
  const problem = checkDist(value);
  return (
    <fieldset className="insp-dist" data-testid={`inspector-${testId}`}>
      <RemovableLegend label={label} testId={testId} disabled={disabled} onRemove={onRemove} />
      <SelectInput
        label="Distribution"
        testId={`${testId}-dist`}
        value={value.dist}
        options={DIST_KINDS.map((k) => [k, KIND_TEXT[k]] as const)}
        disabled={disabled}
        onChange={(kind) => onCommit(convertDist(value, kind))}
      />
      <DistParams {...props} />
      {problem ? (
        <div className="insp-error" role="alert">
          {problem}
        </div>
      ) : null}
      {depth === 0 && value.dist !== "fixed" ? <DistPreview dist={value} duration={duration} /> : null}
      {depth === 0 && value.dist !== "fixed" ? (
        <div className="insp-hint" data-testid={`inspector-${testId}-meantext`}>
          mean {formatValue(distMean(value), duration)}
        </div>
      ) : null}
    </fieldset>
  );
}

/** A small SVG of the density (or point masses) over [0, a high quantile], mean marked. */
export function DistPreview({ dist, duration }: { dist: Dist; duration?: boolean }) {
  const width = 280;
  const height = 56;
  const shape = distShape(dist);
  const peak = Math.max(...shape.density, 1e-12);
  const sx = (x: number) => (x / shape.xMax) * width;
  const points = shape.xs.map(
    (x, i) => `${sx(x).toFixed(1)},${(height - ((shape.density[i] ?? 0) / peak) * (height - 6)).toFixed(1)}`,
  );
  const area = shape.density.some((d) => d > 0) ? `0,${height} ${points.join(" ")} ${width},${height}` : undefined;
  const maxSpike = Math.max(...shape.spikes.map((s) => s.p), 1e-12);
  return (
    <svg
      className="insp-preview"
      viewBox={`0 0 ${width} ${height + 12}`}
      width="100%"
      role="img"
      aria-label={`Shape of the distribution, mean ${formatValue(shape.mean, duration)}`}
    >
      {area ? <polygon points={area} className="insp-preview-area" /> : null}
      {shape.spikes.map((s, i) => (
        <line
          // biome-ignore lint/suspicious/noArrayIndexKey: spikes have no identity but their order
          key={i}
          x1={sx(s.x)}
          x2={sx(s.x)}
          y1={height}
          y2={height - (s.p / maxSpike) * (height - 6) * (area ? 0.8 : 1)}
          className="insp-preview-spike"
        />
      ))}
      {Number.isFinite(shape.mean) ? (
        <line x1={sx(shape.mean)} x2={sx(shape.mean)} y1={0} y2={height} className="insp-preview-mean" />
      ) : null}
      <line x1={0} x2={width} y1={height} y2={height} className="insp-preview-axis" />
      <text x={0} y={height + 11} className="insp-preview-text">
        0
      </text>
      <text x={width} y={height + 11} textAnchor="end" className="insp-preview-text">
        {formatValue(shape.xMax, duration)}
      </text>
    </svg>
  );
}

/** Why a distribution cannot be sampled as meant (a bound out of order), or undefined. */
export function checkDist(dist: Dist): string | undefined {
  switch (dist.dist) {
    case "triangular":
      return dist.min <= dist.mode && dist.mode <= dist.max ? undefined : "Needs min ≤ mode ≤ max";
    case "uniform":
      return dist.min <= dist.max ? undefined : "Needs min ≤ max";
    case "empirical":
      if (dist.weights && dist.weights.length !== dist.values.length) return "Needs one weight per value";
      return undefined;
    case "mixture":
      return dist.parts.reduce((a, p) => a + p.weight, 0) > 0 ? undefined : "Weights must not all be 0";
    default:
      return undefined;
  }
}

// helpers

type ParamRules = { integer?: boolean; min?: number };

const MEAN_SD = [
  ["mean", "Mean"],
  ["sd", "Std dev", { min: 0 }],
] as const;

/** The parameters of the kinds that are a few numbers: name, label, rules. */
const SIMPLE_PARAMS: Partial<Record<DistKind, readonly (readonly [string, string, ParamRules?])[]>> = {
  fixed: [["value", "Value"]],
  exponential: [["mean", "Mean"]],
  lognormal: MEAN_SD,
  gamma: MEAN_SD,
  normal: MEAN_SD,
  erlang: [
    ["k", "Phases k", { integer: true, min: 1 }],
    ["mean", "Mean"],
  ],
  triangular: [
    ["min", "Min"],
    ["mode", "Mode"],
    ["max", "Max"],
  ],
  uniform: [
    ["min", "Min"],
    ["max", "Max"],
  ],
};

function DistParams({ testId, value, onCommit, duration, disabled, depth = 0 }: DistributionEditorProps) {
  const param = (name: string, text: string, current: number, rules: ParamRules = {}) => {
    const common = {
      label: text,
      testId: `${testId}-${name}`,
      value: current,
      onCommit: (v: number) => onCommit({ ...value, [name]: v } as Dist),
      disabled,
    };
    return duration && !rules.integer ? (
      <DurationInput key={name} {...common} />
    ) : (
      <NumberInput key={name} {...common} min={rules.min ?? (duration ? 0 : undefined)} integer={rules.integer} />
    );
  };
  const simple = SIMPLE_PARAMS[value.dist as keyof typeof SIMPLE_PARAMS];
  if (simple) {
    const params = value as unknown as Record<string, number>;
    return <>{simple.map(([name, text, rules]) => param(name, text, params[name] ?? 0, rules))}</>;
  }
  switch (value.dist) {
    case "empirical":
      return (
        <>
          <TextInput
            label="Values"
            testId={`${testId}-values`}
            value={value.values.map((v) => formatValue(v, duration, true)).join(", ")}
            disabled={disabled}
            validate={(t) => parseList(t, duration).message}
            onCommit={(t) => {
              const list = parseList(t, duration).values;
              if (list) onCommit({ ...value, values: list });
            }}
          />
          <TextInput
            label="Weights"
            testId={`${testId}-weights`}
            placeholder="equal"
            value={(value.weights ?? []).map((w) => formatNumber(w)).join(", ")}
            disabled={disabled}
            validate={(t) => (t.trim() === "" ? undefined : parseList(t, false).message)}
            onCommit={(t) => {
              if (t.trim() === "") {
                const { weights: _, ...rest } = value;
                onCommit(rest);
                return;
              }
              const list = parseList(t, false).values;
              if (list) onCommit({ ...value, weights: list });
            }}
          />
        </>
      );
    case "mixture":
      return (
        <div className="insp-parts">
          {value.parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: mixture parts are identified by position
            <div key={i} className="insp-part">
              <NumberInput
                label={`Part ${i + 1} weight`}
                testId={`${testId}-part${i}-weight`}
                value={part.weight}
                min={0}
                disabled={disabled}
                onCommit={(w) =>
                  onCommit({ ...value, parts: value.parts.map((p, j) => (j === i ? { ...p, weight: w } : p)) })
                }
              />
              <DistributionEditor
                label={`Part ${i + 1}`}
                testId={`${testId}-part${i}`}
                value={part.dist}
                duration={duration}
                disabled={disabled}
                depth={depth + 1}
                onCommit={(d) =>
                  onCommit({ ...value, parts: value.parts.map((p, j) => (j === i ? { ...p, dist: d } : p)) })
                }
              />
              <SmallButton
                disabled={disabled || value.parts.length === 1}
                onClick={() => onCommit({ ...value, parts: value.parts.filter((_, j) => j !== i) })}
              >
                Remove part
              </SmallButton>
            </div>
          ))}
          <SmallButton
            testId={`${testId}-addpart`}
            disabled={disabled}
            onClick={() =>
              onCommit({ ...value, parts: [...value.parts, { weight: 0.1, dist: { dist: "fixed", value: 0 } }] })
            }
          >
            Add part
          </SmallButton>
        </div>
      );
  }
}

function parseList(text: string, duration?: boolean): { values?: number[]; message?: string } {
  const items = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) return { message: "Needs at least one value" };
  const values: number[] = [];
  for (const item of items) {
    const parsed = duration ? parseDuration(item) : Number(item);
    if (parsed === undefined || !Number.isFinite(parsed) || parsed < 0)
      return { message: `"${item}" is not a valid value` };
    values.push(parsed);
  }
  return { values };
}

function formatValue(value: number, duration?: boolean, typed?: boolean): string {
  if (!duration) return formatNumber(value);
  if (typed) return formatDurationText(value);
  return describeSeconds(value);
}
