/**
 * Figures per interval of the week as a heat map: one row per day, one cell per interval
 * (clock.intervalMinutes), for one work step and one measure at a time: service level,
 * answered, abandoned, ASA or occupancy. Shown when the run has figures per interval (the
 * flow sets clock.intervalMinutes or holds a per-interval target). Data-testid
 * `interval-heatmap`; cells `interval-cell-<index>` with the value in their title.
 */
import { useMemo, useState } from "react";
import type { Model } from "../../model";
import type { IntervalResults, Results } from "../../sim/results";
import "./intervals.css";

type Measure = "serviceLevel" | "answered" | "abandoned" | "asa" | "occupancy";

const MEASURES: { id: Measure; label: string; higherIsBetter: boolean }[] = [
  { id: "serviceLevel", label: "Service level", higherIsBetter: true },
  { id: "answered", label: "Answered", higherIsBetter: true },
  { id: "abandoned", label: "Abandoned", higherIsBetter: false },
  { id: "asa", label: "ASA (mean wait)", higherIsBetter: false },
  { id: "occupancy", label: "Occupancy", higherIsBetter: false },
];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function IntervalHeatMap({ results, model }: { results: Results; model: Model }) {
  const intervals = results.intervals;
  const steps = useMemo(
    () =>
      model.nodes
        .filter((n) => n.kind === "work" && intervals?.nodes[n.id] !== undefined)
        .map((n) => ({ id: n.id, label: n.label?.trim() || n.id })),
    [model, intervals],
  );
  const [step, setStep] = useState<string | undefined>(undefined);
  const [measure, setMeasure] = useState<Measure>("serviceLevel");
  if (!intervals || steps.length === 0) return null;
  const stepId = steps.some((s) => s.id === step) ? (step as string) : steps[0]!.id;
  const node = intervals.nodes[stepId]!;
  const available = MEASURES.filter((m) => m.id !== "serviceLevel" || node.serviceLevel !== undefined);
  const current = available.find((m) => m.id === measure) ?? available[0]!;
  const values = valuesOf(node, current.id);
  const finite = values.filter((v): v is number => v !== null);
  const low = Math.min(...finite, current.id === "serviceLevel" || current.id === "occupancy" ? 0 : Infinity);
  const high = Math.max(...finite, current.id === "serviceLevel" || current.id === "occupancy" ? 1 : -Infinity);
  const minutes = intervals.intervalMinutes;
  const perDay = 1440 / minutes;
  return (
    <section className="interval-heatmap" data-testid="interval-heatmap" aria-label="Figures per interval of the week">
      <div className="interval-heatmap-head">
        <strong>Per {minutes}-minute interval</strong>
        <Picker label="Step" testId="interval-step" value={stepId} options={steps} onPick={setStep} />
        <Picker
          label="Measure"
          testId="interval-measure"
          value={current.id}
          options={available}
          onPick={(id) => setMeasure(id as Measure)}
        />
        <span className="interval-legend">
          {format(low, current.id)} <span className={`interval-ramp ${current.higherIsBetter ? "up" : "down"}`} />{" "}
          {format(high, current.id)}
        </span>
      </div>
      <div className="interval-grid" style={{ gridTemplateColumns: `3em repeat(${perDay}, minmax(4px, 1fr))` }}>
        <span />
        {Array.from({ length: perDay }, (_, i) => clock(i * minutes)).map((at) => (
          <span key={at} className="interval-hour">
            {Number(at.slice(0, 2)) % 3 === 0 && at.endsWith(":00") ? at.slice(0, 2) : ""}
          </span>
        ))}
        {DAYS.map((day, d) => [
          <span key={day} className="interval-day">
            {day}
          </span>,
          ...Array.from({ length: perDay }, (_, i) => {
            const k = d * perDay + i;
            const v = values[k] ?? null;
            const t = v === null || high <= low ? 0.5 : (v - low) / (high - low);
            const good = current.higherIsBetter ? t : 1 - t;
            const from = clock(i * minutes);
            const to = clock((i + 1) * minutes);
            return (
              <span
                key={k}
                className={`interval-cell${v === null ? " empty" : ""}`}
                data-testid={`interval-cell-${k}`}
                style={v === null ? undefined : { background: `hsl(${Math.round(good * 120)} 65% 55%)` }}
                title={`${day} ${from}-${to}: ${v === null ? "nothing measured" : format(v, current.id)}`}
              />
            );
          }),
        ])}
      </div>
    </section>
  );
}

// helpers

function valuesOf(node: IntervalResults["nodes"][string], measure: Measure): (number | null)[] {
  switch (measure) {
    case "serviceLevel":
      return node.serviceLevel ?? [];
    case "answered":
      return node.answered.map((v, k) => ((node.offered[k] ?? 0) > 0 ? v : null));
    case "abandoned":
      return node.abandoned.map((v, k) => ((node.offered[k] ?? 0) > 0 ? v : null));
    case "asa":
      return node.asa;
    case "occupancy":
      return node.occupancy;
  }
}

function format(v: number, measure: Measure): string {
  if (!Number.isFinite(v)) return "—";
  if (measure === "serviceLevel" || measure === "occupancy") return `${Math.round(v * 100)}%`;
  if (measure === "asa") return `${Number(v.toPrecision(3))} s`;
  return `${Number(v.toPrecision(3))} a week`;
}

function clock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** A labelled select of the heat map's head: one of `options` by id. */
function Picker(props: {
  label: string;
  testId: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onPick: (id: string) => void;
}) {
  return (
    <label>
      {props.label}{" "}
      <select value={props.value} onChange={(e) => props.onPick(e.target.value)} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
