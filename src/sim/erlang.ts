/**
 * Exact queueing formulas the simulator is checked against (DESIGN.md, "How we know the
 * simulator is right"): Erlang B and Erlang C for M/M/c, Erlang A for M/M/c+M (exponential
 * patience), and Jackson's traffic equations for open networks with feedback.
 *
 * Units: every rate is per second and every time is in seconds, like the rest of Flowcast;
 * any other time unit works as long as it is used throughout one call. Offered load is in
 * Erlangs (arrival rate x mean handle time).
 *
 * Numerical stability: nothing here forms A^c or c!, so c up to thousands of agents is safe.
 * Erlang B uses its recursion, Erlang C is derived from B, and the Erlang A chain is summed
 * outward from its most likely state, where every term is at most 1.
 */

/** An M/M/c queue: Poisson arrivals, exponential handle times, `servers` agents. */
export type MmcQueue = {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Completions per second of one busy agent (1 / mean handle time in seconds). */
  serviceRate: number;
  /** Number of agents, a whole number >= 1. */
  servers: number;
};

/** An M/M/c+M queue: M/M/c where a waiting customer hangs up after an exponential patience. */
export type MmcmQueue = MmcQueue & {
  /** Abandonments per second of one waiting customer (1 / mean patience in seconds); 0 = infinite patience. */
  abandonRate: number;
};

/** Steady-state figures of a queue; waits in seconds, lengths in customers. */
export type QueueMetrics = {
  /** Offered load in Erlangs: arrivalRate / serviceRate. */
  offeredLoad: number;
  /** Share of agent time busy (carried load / servers). */
  utilisation: number;
  /** P(W > 0): share of arrivals that find every agent busy. */
  pWait: number;
  /** Share of arrivals that abandon (0 for M/M/c). */
  pAbandon: number;
  /** Mean time in queue over all arrivals (abandoned ones count their time until they hang up), seconds. */
  meanWait: number;
  /** Mean time in queue over served arrivals (zero waits included), seconds. */
  meanWaitServed: number;
  /** Time-average number waiting. */
  meanQueue: number;
};

/**
 * Erlang B: the share of arrivals blocked when `servers` agents serve `offeredLoad` Erlangs
 * with no waiting room (M/M/c/c), by the recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)).
 * Source: A. K. Erlang (1917), "Solution of some problems in the theory of probabilities of
 * significance in automatic telephone exchanges"; Gross & Harris, Fundamentals of Queueing
 * Theory, section 2.5.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers(servers);
  if (!(offeredLoad >= 0)) throw new RangeError(`offered load must be >= 0, not ${offeredLoad}`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C: P(W > 0), the probability that an arrival must wait in an M/M/c queue with
 * `offeredLoad` Erlangs on `servers` agents: C = c B / (c - A (1 - B)). Returns 1 when the
 * queue is unstable (A >= c). Source: Erlang (1917); Gross & Harris, section 2.3.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Steady state of an M/M/c queue (Gross & Harris, section 2.3): P(W > 0) = Erlang C,
 * Wq = C / (c mu - lambda) seconds, Lq = lambda Wq. An unstable queue (lambda >= c mu)
 * gets pWait 1 and infinite wait and queue.
 */
export function mmc(queue: MmcQueue): QueueMetrics {
  const { arrivalRate, serviceRate, servers } = checkQueue(queue);
  const offeredLoad = arrivalRate / serviceRate;
  const pWait = erlangC(servers, offeredLoad);
  const spare = servers * serviceRate - arrivalRate;
  const meanWait = spare > 0 ? pWait / spare : Number.POSITIVE_INFINITY;
  return {
    offeredLoad,
    utilisation: Math.min(1, offeredLoad / servers),
    pWait,
    pAbandon: 0,
    meanWait,
    meanWaitServed: meanWait,
    meanQueue: spare > 0 ? arrivalRate * meanWait : Number.POSITIVE_INFINITY,
  };
}

/**
 * M/M/c service level: P(W <= t) = 1 - C exp(-(c mu - lambda) t), the share of arrivals
 * answered within `seconds`. 0 when the queue is unstable. Source: Gross & Harris, eq. 2.39.
 */
export function mmcServiceLevel(queue: MmcQueue, seconds: number): number {
  const { arrivalRate, serviceRate, servers } = checkQueue(queue);
  const spare = servers * serviceRate - arrivalRate;
  if (spare <= 0) return 0;
  return 1 - erlangC(servers, arrivalRate / serviceRate) * Math.exp(-spare * Math.max(0, seconds));
}

/**
 * Steady state of the Erlang A queue M/M/c+M, solved exactly as a birth-death chain on the
 * number of customers n: births at lambda, deaths at min(n, c) mu + max(0, n - c) theta.
 * Source: Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient
 * customers", Manufacturing & Service Operations Management 4(3).
 *
 * - pWait = P(N >= c) (arrivals see time averages, PASTA);
 * - meanQueue = E[(N - c)+]; pAbandon = theta Lq / lambda; meanWait = Lq / lambda (Little);
 * - meanWaitServed: an arrival with k customers ahead (FIFO) moves up at rate c mu + j theta
 *   while j are ahead and hangs up at rate theta, so it is served with probability
 *   c mu / (c mu + (k + 1) theta) and, if served, waits sum_{i=1..k+1} 1 / (c mu + i theta).
 *
 * Truncation: terms are summed outward from the most likely state m, so each is <= 1 times
 * p_m. Above m every ratio p_{n+1}/p_n = lambda / death(n+1) is at most q = lambda / death(n+1)
 * of the current n, so the neglected tail is below p_n q / (1 - q); the sum stops once that
 * bound is under 1e-17 p_m. With theta = 0 this is Erlang C (which must be stable).
 */
export function erlangA(queue: MmcmQueue): QueueMetrics {
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = checkQueue(queue);
  const theta = queue.abandonRate;
  if (!(theta >= 0) || !Number.isFinite(theta)) throw new RangeError(`abandon rate must be >= 0, not ${theta}`);
  if (theta === 0 && lambda >= c * mu) return mmc(queue);
  if (lambda === 0) return { ...mmc(queue), pAbandon: 0 };
  const chain = solveChain(lambda, mu, c, theta);
  let normaliser = 0;
  let waiting = 0; // P(N >= c)
  let queueLength = 0; // E[(N - c)+]
  let servedWaitSum = 0; // E[W; served]
  let harmonic = 0; // sum_{i=1..k+1} 1 / (c mu + i theta), grown with k
  for (let n = 0; n < chain.weights.length; n++) {
    const w = chain.weights[n] ?? 0;
    normaliser += w;
    if (n < c) continue;
    const k = n - c;
    const rate = c * mu + (k + 1) * theta;
    harmonic += 1 / rate;
    waiting += w;
    queueLength += k * w;
    servedWaitSum += w * ((c * mu) / rate) * harmonic;
  }
  const meanQueue = queueLength / normaliser;
  const pAbandon = (theta * meanQueue) / lambda;
  return {
    offeredLoad: lambda / mu,
    utilisation: (lambda * (1 - pAbandon)) / (mu * c),
    pWait: waiting / normaliser,
    pAbandon,
    meanWait: meanQueue / lambda,
    meanWaitServed: servedWaitSum / normaliser / (1 - pAbandon),
    meanQueue,
  };
}

/**
 * Erlang A service level: P(W <= t and served), the share of all arrivals answered within
 * `seconds` (those who hang up count as missed, as in DESIGN.md's `serviceLevel`). The
 * arrival's progress through the queue is a pure-death chain (k ahead -> k - 1 -> ... ->
 * served, or abandoned at rate theta), evaluated at time t by uniformisation (Jensen's
 * method) over every starting position at once; Poisson weights below 1e-17 are dropped.
 */
export function erlangAServiceLevel(queue: MmcmQueue, seconds: number): number {
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = checkQueue(queue);
  const theta = queue.abandonRate;
  if (theta === 0) return mmcServiceLevel(queue, seconds);
  if (!(theta > 0) || !Number.isFinite(theta)) throw new RangeError(`abandon rate must be >= 0, not ${theta}`);
  const { weights } = solveChain(lambda, mu, c, theta);
  const total = weights.reduce((a, b) => a + b, 0);
  let answered = 0; // answered at once
  const ahead = new Float64Array(Math.max(1, weights.length - c)); // mass with j customers ahead
  for (let n = 0; n < weights.length; n++) {
    const p = (weights[n] ?? 0) / total;
    if (n < c) answered += p;
    else ahead[n - c] = p;
  }
  if (seconds <= 0) return answered;
  const top = ahead.length - 1;
  const uniform = c * mu + (top + 1) * theta;
  const mean = uniform * seconds;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 40);
  // Poisson(mean) weights in log space: e^-mean underflows once mean passes ~745.
  let logWeight = -mean;
  let reached = 0; // mass that has entered service after m uniformised steps
  let answeredWithin = 0;
  for (let m = 0; m <= steps; m++) {
    if (m > 0) {
      logWeight += Math.log(mean / m);
      reached += (ahead[0] ?? 0) * ((c * mu) / uniform);
      for (let j = 0; j <= top; j++) {
        const stay = 1 - (c * mu + (j + 1) * theta) / uniform;
        const moveUp = j < top ? ((ahead[j + 1] ?? 0) * (c * mu + (j + 1) * theta)) / uniform : 0;
        ahead[j] = (ahead[j] ?? 0) * stay + moveUp;
      }
    }
    answeredWithin += Math.exp(logWeight) * reached;
  }
  return answered + answeredWithin;
}

/** One station of an open Jackson network: `servers` agents, each completing `serviceRate` per second. */
export type JacksonStation = { servers: number; serviceRate: number };

/** Per-station and network figures of an open Jackson network. */
export type JacksonResult = {
  /** Total arrival rate into each station, per second (solution of the traffic equations). */
  arrivalRates: number[];
  /** lambda_i / (c_i mu_i) for each station. */
  utilisation: number[];
  /** M/M/c figures of each station at its total arrival rate. */
  stations: QueueMetrics[];
  /** Whether every station has utilisation < 1. */
  stable: boolean;
  /** Mean time a customer spends in the network (queues and service, every visit), seconds: sum L_i / sum gamma_i. */
  meanTimeInNetwork: number;
};

/**
 * Solves Jackson's traffic equations lambda_j = gamma_j + sum_i lambda_i P[i][j] for the total
 * arrival rate into every station, by Gaussian elimination with partial pivoting on
 * (I - P^T) lambda = gamma. `routing[i][j]` is the probability that a customer leaving
 * station i goes next to station j (feedback allowed); the rest of row i leaves the network.
 * Throws when rows are not probabilities or some customers could never leave.
 * Source: J. R. Jackson (1957), "Networks of waiting lines", Operations Research 5(4).
 */
export function solveTrafficEquations(external: readonly number[], routing: readonly (readonly number[])[]): number[] {
  const n = external.length;
  if (routing.length !== n) throw new RangeError(`routing has ${routing.length} rows for ${n} stations`);
  const a: number[][] = [];
  for (let j = 0; j < n; j++) a.push(new Array<number>(n + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const row = routing[i] ?? [];
    if (row.length !== n) throw new RangeError(`routing row ${i} has ${row.length} entries for ${n} stations`);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const p = row[j] ?? 0;
      if (!(p >= 0)) throw new RangeError(`routing[${i}][${j}] must be a probability, not ${p}`);
      sum += p;
      (a[j] as number[])[i] = (j === i ? 1 : 0) - p;
    }
    if (sum > 1 + 1e-9) throw new RangeError(`routing row ${i} adds up to ${sum}, more than 1`);
    const gamma = external[i] ?? 0;
    if (!(gamma >= 0)) throw new RangeError(`external arrival rate ${i} must be >= 0, not ${gamma}`);
    (a[i] as number[])[n] = gamma;
  }
  const solution = gaussianSolve(a);
  if (!solution || solution.some((x) => !(x >= -1e-9))) {
    throw new RangeError("the routing traps customers in a loop they can never leave");
  }
  return solution.map((x) => Math.max(0, x));
}

/**
 * An open Jackson network of M/M/c stations: traffic equations, then each station as an
 * independent M/M/c queue at its total arrival rate (Jackson's product-form theorem), and the
 * mean time in the network by Little's law. Source: Jackson (1957); Gross & Harris, section 4.1.
 */
export function jacksonNetwork(
  stations: readonly JacksonStation[],
  external: readonly number[],
  routing: readonly (readonly number[])[],
): JacksonResult {
  if (stations.length !== external.length) {
    throw new RangeError(`${stations.length} stations but ${external.length} external arrival rates`);
  }
  const arrivalRates = solveTrafficEquations(external, routing);
  const metrics = stations.map((s, i) =>
    mmc({ arrivalRate: arrivalRates[i] ?? 0, serviceRate: s.serviceRate, servers: s.servers }),
  );
  const utilisation = stations.map((s, i) => (arrivalRates[i] ?? 0) / (s.servers * s.serviceRate));
  const inNetwork = metrics.reduce(
    (sum, m, i) => sum + m.meanQueue + (arrivalRates[i] ?? 0) / (stations[i]?.serviceRate ?? 1),
    0,
  );
  const entering = external.reduce((a, b) => a + b, 0);
  return {
    arrivalRates,
    utilisation,
    stations: metrics,
    stable: utilisation.every((u) => u < 1),
    meanTimeInNetwork: entering > 0 ? inNetwork / entering : 0,
  };
}

// helpers

/** Largest chain the Erlang A solver will build (a guard against a near-zero theta at overload). */
const MAX_STATES = 20_000_000;
/** Neglected tail of the Erlang A chain, relative to its most likely state. */
const TAIL = 1e-17;

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 1)
    throw new RangeError(`servers must be a whole number >= 1, not ${servers}`);
}

function checkQueue<Q extends MmcQueue>(queue: Q): Q {
  checkServers(queue.servers);
  if (!(queue.arrivalRate >= 0) || !Number.isFinite(queue.arrivalRate)) {
    throw new RangeError(`arrival rate must be >= 0, not ${queue.arrivalRate}`);
  }
  if (!(queue.serviceRate > 0) || !Number.isFinite(queue.serviceRate)) {
    throw new RangeError(`service rate must be > 0, not ${queue.serviceRate}`);
  }
  return queue;
}

/**
 * Unnormalised stationary weights p_n / p_m of the M/M/c+M chain, m the most likely state
 * (see erlangA for the truncation rule). Requires theta > 0 or lambda < c mu.
 */
function solveChain(lambda: number, mu: number, c: number, theta: number): { weights: number[] } {
  const death = (n: number) => Math.min(n, c) * mu + Math.max(0, n - c) * theta;
  let mode = 0;
  while (lambda >= death(mode + 1)) {
    mode++;
    if (mode > MAX_STATES) throw new RangeError("the queue is too overloaded for an exact solution");
  }
  const weights: number[] = new Array<number>(mode + 1).fill(0);
  weights[mode] = 1;
  for (let n = mode; n > 0; n--) weights[n - 1] = ((weights[n] ?? 0) * death(n)) / lambda;
  let w = 1;
  for (let n = mode; ; n++) {
    const q = lambda / death(n + 1);
    if ((w * q) / (1 - q) < TAIL || n > MAX_STATES) break;
    w *= q;
    weights.push(w);
  }
  return { weights };
}

/** Solves an augmented n x (n+1) system in place; undefined when it is singular. */
function gaussianSolve(a: number[][]): number[] | undefined {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const pivotRow = a[pivot] as number[];
    if (Math.abs(pivotRow[col] ?? 0) < 1e-12) return undefined;
    [a[col], a[pivot]] = [pivotRow, a[col] as number[]];
    for (let r = col + 1; r < n; r++) {
      const row = a[r] as number[];
      const factor = (row[col] ?? 0) / (pivotRow[col] ?? 1);
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) row[k] = (row[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let sum = row[n] ?? 0;
    for (let k = r + 1; k < n; k++) sum -= (row[k] ?? 0) * (x[k] ?? 0);
    x[r] = sum / (row[r] ?? 1);
  }
  return x;
}
