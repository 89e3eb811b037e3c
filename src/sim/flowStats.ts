/**
 * How tickets move: every ticket of the run (created, closed, lost, open: the conservation
 * check), and for measured tickets the contacts entering each node and taking each edge.
 */

export class FlowStats {
  /** Every ticket of the run, warm-up included. */
  created = 0;
  closed = 0;
  lost = 0;
  open = 0;
  /** Measured tickets entering each node (index: node). */
  readonly entered: Float64Array;
  /** Measured tickets taking each edge (index: edge). */
  readonly edges: Float64Array;

  constructor(nodes: number, edges: number) {
    this.entered = new Float64Array(nodes);
    this.edges = new Float64Array(edges);
  }
}
