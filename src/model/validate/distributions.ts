/**
 * Rule: every distribution can be drawn from. Parameters are finite numbers; durations are
 * not negative; a mean that defines the shape (exponential, lognormal, gamma, erlang) is
 * more than 0; triangular has min <= mode <= max, uniform min <= max; empirical weights
 * match the values; a mixture has weight. Handle times must take some time.
 */
import { type Dist, distMean } from "../distribution";
import { describeSeconds } from "../duration";
import { type Checker, formatNumber, isNumber, list, type Place, stepName } from "./context";

/** What is known about where a distribution sits. */
interface DistSite {
  path: string;
  /** e.g. `Handle time of "L1 answers" (l1-phone)`. */
  what: string;
  place: Place;
  /** Parameters are seconds (so not negative). */
  duration: boolean;
}

/** The duration fields of the timed steps other than work, with their names in words, in check order. */
const TIMED_FIELDS: Record<"selfService" | "escalate" | "followUp" | "delay", readonly [string, string][]> = {
  selfService: [["duration", "Duration"]],
  escalate: [
    ["noteTime", "Note time"],
    ["reexplainTime", "Re-explain time"],
  ],
  followUp: [["wait", "Wait"]],
  delay: [["duration", "Duration"]],
};

/** Checks the distributions of every step and contact type attribute. */
export function checkDistributions(c: Checker): void {
  list(c.model.nodes).forEach((node, index) => {
    const base = `nodes[${index}]`;
    const place = { nodeId: node.id };
    const name = stepName(node);
    const site = (field: string, what: string): DistSite => ({
      path: `${base}.${field}`,
      what: `${what} of ${name}`,
      place,
      duration: true,
    });
    switch (node.kind) {
      case "work":
        checkHandleTime(c, node.handleTime, site("handleTime", "Handle time"));
        for (const [type, dist] of Object.entries(node.handleTimeByType ?? {})) {
          checkHandleTime(c, dist, site(`handleTimeByType.${type}`, `Handle time for contact type "${type}"`));
        }
        for (const [priority, dist] of Object.entries(node.handleTimeByPriority ?? {})) {
          if (dist)
            checkHandleTime(
              c,
              dist,
              site(`handleTimeByPriority.${priority}`, `Handle time for priority "${priority}"`),
            );
        }
        if (node.queue?.patience) checkDist(c, node.queue.patience, site("queue.patience", "Patience"));
        if (node.queue?.slaSeconds !== undefined && !(isNumber(node.queue.slaSeconds) && node.queue.slaSeconds >= 0)) {
          c.error(
            `${base}.queue.slaSeconds`,
            `The SLA of ${name} is ${node.queue.slaSeconds}; give seconds, 0 or more.`,
            place,
          );
        }
        break;
      case "selfService":
      case "escalate":
      case "followUp":
      case "delay":
        for (const [field, what] of TIMED_FIELDS[node.kind]) {
          checkDist(c, (node as unknown as Record<string, Dist>)[field]!, site(field, what));
        }
        break;
      case "channel":
        if (node.arrivals?.dayFactor)
          checkDayFactor(c, node.arrivals.dayFactor, { ...site("arrivals.dayFactor", "Day factor"), duration: false });
        break;
      default:
        break;
    }
  });
  list(c.model.contactTypes).forEach((type, index) => {
    for (const [attribute, dist] of Object.entries(type.attributes ?? {})) {
      checkDist(c, dist, {
        path: `contactTypes[${index}].attributes.${attribute}`,
        what: `Attribute "${attribute}" of contact type "${type.name || type.id}" (${type.id})`,
        place: {},
        duration: false,
      });
    }
  });
}

/** Checks one distribution (and the parts of a mixture); returns whether it can be drawn from. */
export function checkDist(c: Checker, dist: Dist, site: DistSite): boolean {
  const problem = describeProblem(dist, site);
  if (problem) {
    c.error(problem.path, `${site.what} ${problem.text}`, site.place);
    return false;
  }
  if (dist.dist === "mixture") {
    return dist.parts.every((part, j) =>
      checkDist(c, part.dist, { ...site, path: `${site.path}.parts[${j}].dist`, what: `${site.what}, part ${j + 1},` }),
    );
  }
  if ((dist.dist === "lognormal" || dist.dist === "gamma") && dist.sd > 10 * dist.mean) {
    c.warning(
      site.path,
      `${site.what} has an sd more than ten times its mean (${show(dist.sd, site)} against ${show(dist.mean, site)}); check the units.`,
      site.place,
    );
  }
  return true;
}

// helpers

function checkHandleTime(c: Checker, dist: Dist, site: DistSite): void {
  if (!checkDist(c, dist, site)) return;
  const mean = distMean(dist);
  if (!(mean > 0)) {
    c.error(
      site.path,
      `${site.what} has a mean of ${show(mean, site)}; an agent always takes some time, so give the average time the work takes.`,
      site.place,
    );
  }
}

function checkDayFactor(c: Checker, dist: Dist, site: DistSite): void {
  if (!checkDist(c, dist, site)) return;
  const mean = distMean(dist);
  if (Math.abs(mean - 1) > 1e-3) {
    c.warning(
      site.path,
      `${site.what} has a mean of ${formatNumber(mean)}; a day factor should average 1, otherwise it changes the volume as well as its spread.`,
      site.place,
    );
  }
}

/** What is wrong with a distribution's own parameters (not its parts), if anything. */
function describeProblem(dist: Dist, site: DistSite): { path: string; text: string } | undefined {
  if (dist === null || typeof dist !== "object") return { path: site.path, text: "is missing." };
  const at = (field: string, text: string) => ({ path: `${site.path}.${field}`, text });
  const params = numericParams(dist);
  for (const [field, value] of params) {
    if (!isNumber(value)) return at(field, `has ${field} ${String(value)}; it must be a number.`);
    if (site.duration && value < 0 && isTimeField(field))
      return at(field, `has a negative ${field} (${value} s); a time cannot be negative.`);
  }
  switch (dist.dist) {
    case "fixed":
      return undefined;
    case "exponential":
    case "lognormal":
    case "gamma":
    case "erlang":
      if (!(dist.mean > 0)) return at("mean", `has a mean of ${show(dist.mean, site)}; it must be more than 0.`);
      if ("sd" in dist && dist.sd < 0) return at("sd", "has a negative sd.");
      if (dist.dist === "erlang" && !(Number.isInteger(dist.k) && dist.k >= 1)) {
        return at("k", `has k = ${dist.k}; it must be a whole number, 1 or more.`);
      }
      return undefined;
    case "normal":
      return dist.sd < 0 ? at("sd", "has a negative sd.") : undefined;
    case "triangular":
      if (!(dist.min <= dist.mode && dist.mode <= dist.max)) {
        return {
          path: site.path,
          text: `has min ${show(dist.min, site)}, mode ${show(dist.mode, site)} and max ${show(dist.max, site)}; they must be in order min <= mode <= max.`,
        };
      }
      return undefined;
    case "uniform":
      return dist.min <= dist.max
        ? undefined
        : { path: site.path, text: `has min ${show(dist.min, site)} above max ${show(dist.max, site)}.` };
    case "empirical": {
      if (!Array.isArray(dist.values) || dist.values.length === 0) return at("values", "has no values to draw from.");
      const weights = dist.weights;
      if (weights === undefined) return undefined;
      if (weights.length !== dist.values.length) {
        return at(
          "weights",
          `has ${weights.length} weights for ${dist.values.length} values; give one weight per value.`,
        );
      }
      if (weights.some((w) => w < 0)) return at("weights", "has a negative weight.");
      return weights.reduce((a, b) => a + b, 0) > 0 ? undefined : at("weights", "has weights that are all 0.");
    }
    case "mixture": {
      if (!Array.isArray(dist.parts) || dist.parts.length === 0) return at("parts", "is a mixture with no parts.");
      if (dist.parts.some((p) => !isNumber(p.weight) || p.weight < 0)) {
        return at("parts", "is a mixture with a negative or missing weight.");
      }
      return dist.parts.reduce((a, p) => a + p.weight, 0) > 0
        ? undefined
        : at("parts", "is a mixture whose weights are all 0.");
    }
    default:
      return {
        path: site.path,
        text: `has an unknown kind of distribution "${String((dist as { dist?: unknown }).dist)}".`,
      };
  }
}

/** The plain-number parameters of a distribution, by field name. */
function numericParams(dist: Dist): [string, unknown][] {
  switch (dist.dist) {
    case "empirical":
      return [
        ...(Array.isArray(dist.values) ? dist.values : []).map((v, i): [string, unknown] => [`values[${i}]`, v]),
        ...(dist.weights ?? []).map((w, i): [string, unknown] => [`weights[${i}]`, w]),
      ];
    case "mixture":
      return [];
    default:
      return Object.entries(dist).filter(([key]) => key !== "dist");
  }
}

/** Weights and erlang k are counts, not times. */
function isTimeField(field: string): boolean {
  return field !== "k" && !field.startsWith("weights");
}

function show(value: number, site: DistSite): string {
  return site.duration ? describeSeconds(value) : formatNumber(value);
}
