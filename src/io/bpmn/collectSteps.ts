/**
 * The steps of BPMN processes as one graph, sub-processes flattened: a sub-process becomes
 * a pass-through entry (to its start events) and exit (from its end events), converging
 * gateways, link events and plain intermediate events pass through too, so each real step
 * knows the real steps it leads to. Elements with no Flowcast meaning are listed.
 */
import { describe, list } from "./diagramShapes";
import type { BpmnElement } from "./moddle";

export type StepKind = "channel" | "work" | "route" | "delay" | "escalate" | "end" | "pass";

export interface Step {
  /** Flowcast id (from the BPMN id). */
  id: string;
  /** Key in the graph: the BPMN id, or "<id>#exit" for a sub-process's exit. */
  key: string;
  element: BpmnElement;
  kind: StepKind;
  name: string;
  /** Names of the ways out, in order (set once the graph is complete). */
  outNames: string[];
  /** Condition texts of the sequence flows leaving a gateway. */
  conditions: string[];
  timer?: string;
  unresolved?: boolean;
  message?: boolean;
}

export interface Out {
  target: Step;
  name: string;
  flowId: string;
}

export interface StepGraph {
  steps: Step[];
  ids: Set<string>;
  targets(step: Step): Out[];
}

interface Link {
  to: string;
  name: string;
  flowId: string;
  condition?: string;
}

const TASKS =
  /^bpmn:(Task|UserTask|ManualTask|ServiceTask|ScriptTask|SendTask|ReceiveTask|BusinessRuleTask|CallActivity)$/;
const GATEWAYS = /^bpmn:(ExclusiveGateway|InclusiveGateway|ParallelGateway|ComplexGateway|EventBasedGateway)$/;
const SUB_PROCESSES = /^bpmn:(SubProcess|Transaction|AdHocSubProcess)$/;
const DATA = /^bpmn:(DataObject|DataObjectReference|DataStoreReference)$/;
const UNRESOLVED_NAME = /unresolv|not resolved|fail|abandon|lost|cancel|reject|declin|refus/i;

export function collectSteps(processes: BpmnElement[], report: { notes: string[]; unmapped: string[] }): StepGraph {
  const byKey = new Map<string, Step>();
  const links = new Map<string, Link[]>();
  const ids = new Set<string>();
  const flows: { flow: BpmnElement }[] = [];
  const exitOf = new Map<BpmnElement, string>();
  const linkThrows: { key: string; name: string }[] = [];
  const linkCatches = new Map<string, string>();
  let dataCount = 0;
  let anonymous = 0;
  const keyOf = (element: BpmnElement): string => element.id ?? `anonymous-${anonymous++}`;
  const link = (from: string, to: string, extra: Partial<Link> = {}) => {
    const list = links.get(from) ?? [];
    list.push({ to, name: "", flowId: `${from}-${to}`, ...extra });
    links.set(from, list);
  };
  const add = (element: BpmnElement, kind: StepKind, key = keyOf(element)): Step => {
    const step: Step = {
      id: kind === "pass" ? key : uniqueId(element.id ?? "step", ids),
      key,
      element,
      kind,
      name: typeof element.name === "string" ? element.name.replace(/\s+/g, " ").trim() : "",
      outNames: [],
      conditions: [],
    };
    byKey.set(key, step);
    return step;
  };
  const walk = (elements: BpmnElement[], inside: boolean): { starts: string[]; ends: string[] } => {
    const starts: string[] = [];
    const ends: string[] = [];
    for (const element of elements) {
      const type = element.$type;
      const definitions = list(element.eventDefinitions).map((d) => d.$type);
      if (type === "bpmn:SequenceFlow") flows.push({ flow: element });
      else if (SUB_PROCESSES.test(type)) {
        if (element.triggeredByEvent) {
          report.unmapped.push(
            `event sub-process ${describe(element)}: it runs beside the flow on a trigger, which Flowcast does not model`,
          );
          continue;
        }
        const entry = add(element, "pass");
        const exit = `${entry.key}#exit`;
        add(element, "pass", exit);
        exitOf.set(element, exit);
        const inner = walk(list(element.flowElements), true);
        for (const start of inner.starts) link(entry.key, start);
        for (const end of inner.ends) link(end, exit);
        report.notes.push(`sub-process ${describe(element)} was flattened: its steps join the main flow`);
      } else if (type === "bpmn:StartEvent") {
        const step = add(element, inside ? "pass" : "channel");
        step.message = definitions.includes("bpmn:MessageEventDefinition");
        if (inside) starts.push(step.key);
      } else if (TASKS.test(type)) {
        if (element.isForCompensation) {
          report.unmapped.push(`compensation task ${describe(element)}: compensation is not modelled`);
          continue;
        }
        add(element, "work");
      } else if (GATEWAYS.test(type)) {
        const step = add(element, "route");
        if (type === "bpmn:ParallelGateway" || type === "bpmn:InclusiveGateway")
          step.conditions.push("parallel branches: a ticket takes one of them");
      } else if (type === "bpmn:IntermediateCatchEvent") {
        if (definitions.includes("bpmn:LinkEventDefinition")) {
          const step = add(element, "pass");
          linkCatches.set(linkName(element), step.key);
          continue;
        }
        const step = add(element, "delay");
        const timer = list(element.eventDefinitions).find((d) => d.$type === "bpmn:TimerEventDefinition");
        const expression = (timer?.timeDuration ?? timer?.timeCycle ?? timer?.timeDate) as BpmnElement | undefined;
        if (typeof expression?.body === "string") step.timer = expression.body.trim();
        if (!timer) report.notes.push(`${describe(element)} waits for a ${eventKind(definitions)}: read as a delay`);
      } else if (type === "bpmn:IntermediateThrowEvent") {
        if (definitions.includes("bpmn:EscalationEventDefinition")) add(element, "escalate");
        else {
          const step = add(element, "pass");
          if (definitions.includes("bpmn:LinkEventDefinition"))
            linkThrows.push({ key: step.key, name: linkName(element) });
          if (definitions.includes("bpmn:CompensateEventDefinition")) {
            report.unmapped.push(`compensation event ${describe(element)}: compensation is not modelled`);
          }
        }
      } else if (type === "bpmn:EndEvent") {
        const step = add(element, inside ? "pass" : "end");
        if (inside) ends.push(step.key);
        step.unresolved =
          definitions.includes("bpmn:ErrorEventDefinition") ||
          definitions.includes("bpmn:CancelEventDefinition") ||
          UNRESOLVED_NAME.test(step.name);
      } else if (type === "bpmn:BoundaryEvent") {
        const what = definitions.includes("bpmn:CompensateEventDefinition") ? "compensation" : eventKind(definitions);
        report.unmapped.push(
          `${what} boundary event ${describe(element)} on ${describe(element.attachedToRef as BpmnElement)}: the path it starts is not imported`,
        );
      } else if (DATA.test(type)) dataCount++;
      else report.unmapped.push(`${type.replace(/^bpmn:/, "")} ${describe(element)}: no Flowcast equivalent`);
    }
    if (inside && starts.length === 0) {
      // A sub-process without a start event starts at its steps nothing leads to.
      const targets = new Set(
        elements.filter((e) => e.$type === "bpmn:SequenceFlow").map((f) => (f.targetRef as BpmnElement)?.id),
      );
      for (const element of elements) {
        if (element.$type !== "bpmn:SequenceFlow" && element.id && byKey.has(element.id) && !targets.has(element.id))
          starts.push(element.id);
      }
    }
    return { starts, ends };
  };
  for (const process of processes) walk(list(process.flowElements), false);
  if (dataCount > 0)
    report.unmapped.push(
      `${dataCount} data object${dataCount === 1 ? "" : "s"} and stores: not part of a Flowcast flow`,
    );
  for (const { flow } of flows) {
    const source = flow.sourceRef as BpmnElement | undefined;
    const target = flow.targetRef as BpmnElement | undefined;
    if (!source || !target) continue;
    const from = exitOf.get(source) ?? keyOf(source);
    const to = keyOf(target);
    if (!byKey.has(from) || !byKey.has(to)) continue;
    const condition = (flow.conditionExpression as BpmnElement | undefined)?.body;
    const name = typeof flow.name === "string" ? flow.name.replace(/\s+/g, " ").trim() : "";
    link(from, to, {
      name,
      flowId: uniqueId(flow.id ?? `${from}-${to}`, new Set()),
      ...(typeof condition === "string" && condition.trim() ? { condition: condition.trim() } : {}),
    });
  }
  for (const thrown of linkThrows) {
    const caught = linkCatches.get(thrown.name);
    if (caught) link(thrown.key, caught);
    else report.notes.push(`link event "${thrown.name}" has no matching catch event; its path ends there`);
  }
  // A gateway with one way out only joins paths.
  for (const step of byKey.values())
    if (step.kind === "route" && (links.get(step.key)?.length ?? 0) <= 1) step.kind = "pass";
  const targets = (step: Step): Out[] => {
    const outs: Out[] = [];
    for (const first of links.get(step.key) ?? []) {
      const seen = new Set<string>([step.key]);
      const stack: { key: string; name: string; flowId: string }[] = [
        { key: first.to, name: first.name, flowId: first.flowId },
      ];
      while (stack.length > 0) {
        const at = stack.pop() as { key: string; name: string; flowId: string };
        if (seen.has(at.key)) continue;
        seen.add(at.key);
        const target = byKey.get(at.key);
        if (!target) continue;
        if (target.kind !== "pass") {
          outs.push({ target, name: at.name, flowId: at.flowId });
          continue;
        }
        for (const next of links.get(at.key) ?? [])
          stack.push({ key: next.to, name: at.name || next.name, flowId: at.flowId });
      }
    }
    return outs;
  };
  const steps = [...byKey.values()];
  for (const step of steps) {
    if (step.kind === "pass") continue;
    const outs = targets(step);
    step.outNames = outs.map((o) => o.name || (outs.length === 1 ? "" : `to ${o.target.name || o.target.id}`));
    if (step.kind === "route") {
      for (const l of links.get(step.key) ?? [])
        if (l.condition) step.conditions.push(`${l.name || l.to}: ${l.condition}`);
    }
  }
  return { steps, ids, targets };
}

// helpers

/** A Flowcast id from a BPMN id: letters, digits, - and _ only, unique. */
function uniqueId(raw: string, used: Set<string>): string {
  const base = raw.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^-/, "_") || "step";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function linkName(element: BpmnElement): string {
  const definition = list(element.eventDefinitions).find((d) => d.$type === "bpmn:LinkEventDefinition");
  return String(definition?.name ?? element.name ?? "");
}

function eventKind(definitions: string[]): string {
  const first = definitions[0];
  return first
    ? first
        .replace(/^bpmn:/, "")
        .replace(/EventDefinition$/, "")
        .toLowerCase()
    : "plain";
}
