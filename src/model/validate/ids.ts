/**
 * Rule: ids are unique within each collection (steps, connections, teams, contact types,
 * scenarios). Connections, scenario paths and the simulator find things by id, so a second
 * thing with the same id would be silently ignored.
 */
import { type Checker, list, namedName, stepName } from "./context";

/** Reports the second and later holders of an id, pointing at their `id` field. */
export function checkDuplicateIds(c: Checker): void {
  const { model } = c;
  findDuplicates(list(model.nodes), (node, index, first) =>
    c.error(
      `nodes[${index}].id`,
      `Two steps share the id "${node.id}": ${stepName(first)} and ${stepName(node)} (step ${index + 1}); give each step its own id.`,
      { nodeId: node.id },
    ),
  );
  findDuplicates(list(model.edges), (edge, index) =>
    c.error(
      `edges[${index}].id`,
      `Two connections share the id "${edge.id}" (connection ${index + 1}, from "${edge.from}" to "${edge.to}"); give each connection its own id.`,
      { edgeId: edge.id },
    ),
  );
  findDuplicates(list(model.teams), (team, index) =>
    c.error(
      `teams[${index}].id`,
      `Two teams share the id "${team.id}" (the second is ${namedName(team)}); give each team its own id.`,
      { teamId: team.id },
    ),
  );
  findDuplicates(list(model.contactTypes), (type, index) =>
    c.error(
      `contactTypes[${index}].id`,
      `Two contact types share the id "${type.id}" (the second is ${namedName(type)}); give each contact type its own id.`,
    ),
  );
  findDuplicates(list(model.scenarios), (scenario, index) =>
    c.error(
      `scenarios[${index}].id`,
      `Two scenarios share the id "${scenario.id}" (the second is ${namedName(scenario)}); give each scenario its own id.`,
    ),
  );
}

// helpers

function findDuplicates<T extends { id: string }>(
  items: readonly T[],
  report: (item: T, index: number, first: T) => void,
): void {
  const seen = new Map<string, T>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first) report(item, index, first);
    else seen.set(item.id, item);
  });
}
