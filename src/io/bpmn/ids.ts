/**
 * BPMN ids of a flow's elements. XML ids may not start with a digit or "-", which Flowcast
 * ids may, so every id gets a prefix by what it names ("Node_l1-phone", "Flow_e3"); the
 * prefixes keep steps, connections and outcome gateways apart.
 */
import type { Model } from "../../model";

export function bpmnIds(_model: Model) {
  return {
    definitions: "Definitions_flowcast",
    collaboration: "Collaboration_flowcast",
    participant: "Participant_flowcast",
    process: "Process_flowcast",
    laneSet: "LaneSet_flowcast",
    escalation: "Escalation_handoff",
    diagram: "BPMNDiagram_flowcast",
    plane: "BPMNPlane_flowcast",
    node: (id: string) => `Node_${id}`,
    split: (id: string) => `Outcome_${id}`,
    splitFlow: (id: string) => `ToOutcome_${id}`,
    edge: (id: string) => `Flow_${id}`,
    lane: (key: number) => `Lane_${key === 0 ? "intake" : `L${key}`}`,
  };
}
