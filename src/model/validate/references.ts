/**
 * Rules on references by id: a work step names a team that exists; mixes, deflection,
 * per-type handle times and outcomes, and routing rules name contact types that exist;
 * routing rules test channel kinds, priorities and tiers that can occur in this flow.
 */
import { CHANNELS, PRIORITIES, type RouteNode } from "../schema";
import { type Checker, list, listNames, sentence, stepName } from "./context";

/** Checks every reference to a team, contact type, channel kind, priority or tier. */
export function checkReferences(c: Checker): void {
  const teams = new Set(list(c.model.teams).map((t) => t.id));
  const types = new Set(list(c.model.contactTypes).map((t) => t.id));
  const typeList = listNames([...types]);
  list(c.model.nodes).forEach((node, index) => {
    const base = `nodes[${index}]`;
    const place = { nodeId: node.id };
    const checkTypes = (record: object | undefined, field: string, what: string) => {
      for (const type of Object.keys(record ?? {})) {
        if (types.has(type)) continue;
        c.error(
          `${base}.${field}.${type}`,
          `${what} of ${stepName(node)} names contact type "${type}", which does not exist; contact types: ${typeList}.`,
          place,
        );
      }
    };
    switch (node.kind) {
      case "work":
        if (!teams.has(node.team)) {
          c.error(
            `${base}.team`,
            `${sentence(stepName(node))} is handled by team "${node.team}", which does not exist; teams: ${listNames([...teams])}.`,
            { ...place, teamId: node.team },
          );
        }
        checkTypes(node.handleTimeByType, "handleTimeByType", "The handle time by contact type");
        checkTypes(node.outcomesByType, "outcomesByType", "The outcomes by contact type");
        break;
      case "channel":
        checkTypes(node.mix, "mix", "The contact type mix");
        break;
      case "selfService":
        if (typeof node.deflection === "object" && node.deflection !== null) {
          checkTypes(node.deflection, "deflection", "The deflection by contact type");
        }
        break;
      case "route":
        checkRules(c, node, index, types);
        break;
      default:
        break;
    }
  });
}

// helpers

/** Values a rule may test, and whether they can occur in this flow. */
function checkRules(c: Checker, node: RouteNode, index: number, types: ReadonlySet<string>): void {
  const place = { nodeId: node.id };
  const channels = list(c.model.nodes).filter((n) => n.kind === "channel");
  const present = new Set(channels.map((n) => n.channel));
  const tiers = new Set(channels.flatMap((n) => Object.keys(n.customerTier ?? {})));
  const attributes = new Set(list(c.model.contactTypes).flatMap((t) => Object.keys(t.attributes ?? {})));
  (node.rules ?? []).forEach((rule, r) => {
    const path = `nodes[${index}].rules[${r}].if`;
    const who = `Rule ${r + 1} of ${stepName(node)}`;
    const condition = rule.if ?? {};
    for (const type of values(condition.contactType)) {
      if (!types.has(type)) {
        c.error(
          `${path}.contactType`,
          `${who} tests contact type "${type}", which does not exist; contact types: ${listNames([...types])}.`,
          place,
        );
      }
    }
    for (const channel of values(condition.channel)) {
      if (!(CHANNELS as readonly string[]).includes(channel)) {
        c.error(
          `${path}.channel`,
          `${who} tests channel "${channel}", which is not a kind of channel; kinds: ${listNames([...CHANNELS])}.`,
          place,
        );
      } else if (!present.has(channel as (typeof CHANNELS)[number])) {
        c.warning(
          `${path}.channel`,
          `${who} tests channel "${channel}", but no ${channel} channel feeds this flow, so it never matches that way.`,
          place,
        );
      }
    }
    for (const priority of values(condition.priority)) {
      if (!(PRIORITIES as readonly string[]).includes(priority)) {
        c.error(
          `${path}.priority`,
          `${who} tests priority "${priority}", which is not a priority; priorities: ${listNames([...PRIORITIES])}.`,
          place,
        );
      }
    }
    for (const tier of values(condition.customerTier)) {
      if (!tiers.has(tier)) {
        c.warning(
          `${path}.customerTier`,
          `${who} tests customer tier "${tier}", but no channel gives its contacts that tier, so it never matches that way.`,
          place,
        );
      }
    }
    for (const name of Object.keys(condition.attributes ?? {})) {
      if (!attributes.has(name)) {
        c.warning(
          `${path}.attributes.${name}`,
          `${who} tests attribute "${name}", but no contact type has it, so that test never holds.`,
          place,
        );
      }
    }
  });
}

function values(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
