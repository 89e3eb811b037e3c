/**
 * Routing rules in words, as a trainer would say them: "refund above 500", "third contact
 * on the same issue (or later)", "contact type Formal complaint and priority urgent".
 */
import type { Condition, Model } from "../../model";

/** One rule's condition in words; every part given must hold, so parts join with "and". */
export function describeCondition(condition: Condition, model: Model): string {
  const parts: string[] = [];
  if (condition.contactType !== undefined) {
    const names = list(condition.contactType).map((id) => model.contactTypes.find((t) => t.id === id)?.name || id);
    parts.push(`contact type ${names.join(" or ")}`);
  }
  if (condition.channel !== undefined) parts.push(`arrived by ${list(condition.channel).join(" or ")}`);
  if (condition.priority !== undefined) parts.push(`priority ${list(condition.priority).join(" or ")}`);
  if (condition.customerTier !== undefined) parts.push(`customer tier ${list(condition.customerTier).join(" or ")}`);
  if (condition.attempts) parts.push(describeAttempts(condition.attempts));
  for (const [name, range] of Object.entries(condition.attributes ?? {})) parts.push(`${name} ${describeRange(range)}`);
  return parts.length > 0 ? parts.join(" and ") : "every contact";
}

// helpers

type Range = NonNullable<Condition["attempts"]>;

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function describeAttempts(range: Range): string {
  const from = range.gte ?? (range.gt !== undefined ? range.gt + 1 : undefined);
  const upTo = range.lte ?? (range.lt !== undefined ? range.lt - 1 : undefined);
  if (from !== undefined && upTo === undefined) {
    return from <= 1 ? "any contact" : `${ordinal(from)} contact on the same issue (or later)`;
  }
  if (from === undefined && upTo !== undefined) return `${ordinal(upTo)} contact on the same issue or earlier`;
  if (from !== undefined && upTo !== undefined) {
    return from === upTo
      ? `${ordinal(from)} contact on the same issue`
      : `${ordinal(from)} to ${ordinal(upTo)} contact on the same issue`;
  }
  return "any contact";
}

function describeRange(range: Range): string {
  const low =
    range.gt !== undefined ? `above ${range.gt}` : range.gte !== undefined ? `${range.gte} or more` : undefined;
  const high =
    range.lt !== undefined ? `below ${range.lt}` : range.lte !== undefined ? `${range.lte} or less` : undefined;
  if (low && high) return `${low} and ${high}`;
  return low ?? high ?? "of any value";
}

const ORDINALS = [
  "zeroth",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

function ordinal(n: number): string {
  if (ORDINALS[n]) return ORDINALS[n]!;
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? "st"
      : n % 10 === 2 && n % 100 !== 12
        ? "nd"
        : n % 10 === 3 && n % 100 !== 13
          ? "rd"
          : "th";
  return `${n}${suffix}`;
}
