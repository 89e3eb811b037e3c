/** bpmn-moddle ships no types for its entry point; moddle.ts types what Flowcast uses. */
declare module "bpmn-moddle" {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
  }
}
