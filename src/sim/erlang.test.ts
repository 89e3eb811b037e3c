import { describe, expect, it } from "vitest";
import {
  erlangA,
  erlangAServiceLevel,
  erlangB,
  erlangC,
  jacksonNetwork,
  mmc,
  mmcServiceLevel,
  solveTrafficEquations,
} from "./erlang";

describe("Erlang B and C", () => {
  it("matches published table values", () => {
    // Erlang C, A = 10 Erlangs on 11 agents: 0.6821 in every Erlang C table.
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
    // Erlang B, A = 5 Erlangs on 10 trunks: 0.01838 (Erlang B tables).
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    // Erlang B, A = 2, c = 5 by hand: (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 32/120) = 0.036697.
    expect(erlangB(5, 2)).toBeCloseTo(0.036697, 6);
  });

  it("agrees with exact rational summation for integer loads", () => {
    for (const [c, a] of [
      [3, 2],
      [11, 10],
      [25, 20],
      [60, 55],
      [120, 100],
    ] as const) {
      const exact = exactErlang(c, a);
      expect(erlangB(c, a)).toBeCloseTo(exact.b, 12);
      expect(erlangC(c, a)).toBeCloseTo(exact.c, 12);
    }
  });

  it("stays exact at 1000 agents (log-space summation as the reference)", () => {
    for (const [c, a] of [
      [1000, 950],
      [1000, 990],
      [800, 700.5],
    ] as const) {
      const expected = logSpaceErlangC(c, a);
      expect(Math.abs(erlangC(c, a) - expected)).toBeLessThan(1e-10);
    }
    // Halfin-Whitt: c = A + beta sqrt(A) gives C ~ 1 / (1 + beta Phi(beta) / phi(beta)) = 0.2234 at beta = 1;
    // an approximation, so within 0.02.
    expect(Math.abs(erlangC(930, 900) - 0.2234)).toBeLessThan(0.02);
  });

  it("reduces to the M/M/1 and M/M/2 closed forms", () => {
    const lambda = 0.8;
    const mu = 1;
    const one = mmc({ arrivalRate: lambda, serviceRate: mu, servers: 1 });
    expect(one.pWait).toBeCloseTo(0.8, 12);
    expect(one.meanWait).toBeCloseTo(lambda / (mu * (mu - lambda)), 10);
    expect(one.meanQueue).toBeCloseTo((lambda * lambda) / (mu * (mu - lambda)), 10);
    expect(mmcServiceLevel({ arrivalRate: lambda, serviceRate: mu, servers: 1 }, 3)).toBeCloseTo(
      1 - 0.8 * Math.exp(-0.2 * 3),
      12,
    );
    const rho = 1.5 / 2;
    const two = mmc({ arrivalRate: 1.5, serviceRate: 1, servers: 2 });
    expect(two.pWait).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    expect(two.meanQueue).toBeCloseTo((2 * rho ** 3) / (1 - rho * rho), 10);
  });

  it("states a contact-centre example in seconds: 100 calls/h, 6 min handle time, 12 agents", () => {
    const queue = { arrivalRate: 100 / 3600, serviceRate: 1 / 360, servers: 12 };
    const m = mmc(queue);
    expect(m.offeredLoad).toBeCloseTo(10, 12);
    expect(m.utilisation).toBeCloseTo(10 / 12, 12);
    // Wq = C / (c mu - lambda) and Lq = lambda Wq, by Little's law.
    expect(m.meanWait).toBeCloseTo(erlangC(12, 10) / (12 / 360 - 100 / 3600), 9);
    expect(m.meanQueue).toBeCloseTo((100 / 3600) * m.meanWait, 12);
    expect(mmcServiceLevel(queue, 0)).toBeCloseTo(1 - m.pWait, 12);
    expect(mmcServiceLevel(queue, 20)).toBeGreaterThan(1 - m.pWait);
  });

  it("treats an overloaded queue as unstable", () => {
    const m = mmc({ arrivalRate: 2, serviceRate: 1, servers: 2 });
    expect(m.pWait).toBe(1);
    expect(m.meanWait).toBe(Number.POSITIVE_INFINITY);
    expect(mmcServiceLevel({ arrivalRate: 2, serviceRate: 1, servers: 2 }, 60)).toBe(0);
  });

  it("rejects nonsense inputs", () => {
    expect(() => erlangB(0, 1)).toThrow(RangeError);
    expect(() => erlangB(2.5, 1)).toThrow(/whole number/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 0, servers: 1 })).toThrow(/service rate/);
  });
});

describe("Erlang A (M/M/c+M)", () => {
  it("matches a brute-force solve of the truncated generator", () => {
    const queue = { arrivalRate: 1.2, serviceRate: 0.4, servers: 3, abandonRate: 0.25 };
    const p = bruteForceStationary(queue, 150);
    const c = queue.servers;
    const pWait = p.slice(c).reduce((s, x) => s + x, 0);
    const lq = p.reduce((s, x, n) => s + Math.max(0, n - c) * x, 0);
    // mean wait of all arrivals by stages: k ahead waits (k+1) / (c mu + (k+1) theta) on average
    const waitByStages = p.reduce(
      (s, x, n) => (n < c ? s : s + (x * (n - c + 1)) / (c * queue.serviceRate + (n - c + 1) * queue.abandonRate)),
      0,
    );
    const m = erlangA(queue);
    expect(m.pWait).toBeCloseTo(pWait, 10);
    expect(m.meanQueue).toBeCloseTo(lq, 10);
    expect(m.pAbandon).toBeCloseTo((queue.abandonRate * lq) / queue.arrivalRate, 10);
    expect(m.meanWait).toBeCloseTo(waitByStages, 10);
    expect(m.utilisation).toBeCloseTo((queue.arrivalRate * (1 - m.pAbandon)) / (c * queue.serviceRate), 12);
  });

  it("with patience equal to handle time is the M/M/infinity (Poisson) queue", () => {
    const a = 8;
    const c = 10;
    const m = erlangA({ arrivalRate: a / 300, serviceRate: 1 / 300, servers: c, abandonRate: 1 / 300 });
    let pmf = Math.exp(-a);
    let tail = 0;
    let lq = 0;
    for (let n = 0; n < 200; n++) {
      if (n >= c) {
        tail += pmf;
        lq += (n - c) * pmf;
      }
      pmf *= a / (n + 1);
    }
    expect(m.pWait).toBeCloseTo(tail, 12);
    expect(m.meanQueue).toBeCloseTo(lq, 12);
  });

  it("tends to Erlang C as patience grows without bound", () => {
    for (const [c, a] of [
      [11, 10],
      [50, 45],
      [1000, 950],
    ] as const) {
      const base = { arrivalRate: a / 360, serviceRate: 1 / 360, servers: c };
      const patient = erlangA({ ...base, abandonRate: 1e-12 });
      const exact = mmc(base);
      // relative tolerance 1e-6: the abandonment term is theta * Lq ~ 1e-12 of the rates
      expect(patient.pWait).toBeCloseTo(exact.pWait, 6);
      expect(patient.meanWait / exact.meanWait).toBeCloseTo(1, 6);
      expect(patient.meanWaitServed / exact.meanWait).toBeCloseTo(1, 6);
      expect(patient.pAbandon).toBeLessThan(1e-6);
      expect(erlangAServiceLevel({ ...base, abandonRate: 1e-12 }, 20)).toBeCloseTo(mmcServiceLevel(base, 20), 6);
      expect(erlangA({ ...base, abandonRate: 0 }).pWait).toBeCloseTo(exact.pWait, 12);
    }
  });

  it("stays finite and stable when overloaded (patience keeps it stable)", () => {
    // 120% load on 1000 agents: at least 1/6 of callers must abandon for the rest to be served.
    const m = erlangA({ arrivalRate: 1200 / 300, serviceRate: 1 / 300, servers: 1000, abandonRate: 1 / 180 });
    expect(m.pAbandon).toBeGreaterThan(1 / 6 - 1e-3);
    expect(m.pAbandon).toBeLessThan(0.25);
    expect(m.pWait).toBeGreaterThan(0.99);
    expect(m.utilisation).toBeLessThanOrEqual(1 + 1e-9);
    expect(m.utilisation).toBeGreaterThan(0.99);
  });

  it("serves with probability 1 - pAbandon, and served customers wait less than all", () => {
    const queue = { arrivalRate: 30 / 3600, serviceRate: 1 / 420, servers: 4, abandonRate: 1 / 120 };
    const m = erlangA(queue);
    expect(m.pAbandon).toBeGreaterThan(0);
    expect(erlangAServiceLevel(queue, 1e6)).toBeCloseTo(1 - m.pAbandon, 9);
    expect(erlangAServiceLevel(queue, 0)).toBeCloseTo(1 - m.pWait, 12);
    // every abandoned customer waited, and long waits are the ones that end in abandonment
    expect(m.meanWaitServed).toBeLessThan(m.meanWait / (1 - m.pAbandon));
  });

  it("service level matches the closed-form hypoexponential per queue position", () => {
    const queue = { arrivalRate: 0.5, serviceRate: 0.5, servers: 2, abandonRate: 0.5 };
    const t = 1.5;
    const p = bruteForceStationary(queue, 60);
    const cmu = queue.servers * queue.serviceRate;
    let expected = p.slice(0, queue.servers).reduce((s, x) => s + x, 0);
    for (let k = 0; k <= 15; k++) {
      const rates = Array.from({ length: k + 1 }, (_, i) => cmu + (i + 1) * queue.abandonRate);
      const served = cmu / (cmu + (k + 1) * queue.abandonRate);
      expected += (p[queue.servers + k] ?? 0) * served * hypoexponentialCdf(rates, t);
    }
    expect(erlangAServiceLevel(queue, t)).toBeCloseTo(expected, 9);
  });
  it("mean wait of served customers equals the integral of the service-level gap", () => {
    // E[W; served] = integral over t of P(served) - P(W <= t and served): links the closed form
    // of meanWaitServed to the uniformised service level. Simpson's rule on [0, 40] in steps
    // of 0.05 (the gap at t = 40 is below 1e-15); tolerance 1e-7.
    const queue = { arrivalRate: 0.9, serviceRate: 0.5, servers: 2, abandonRate: 0.3 };
    const m = erlangA(queue);
    const served = 1 - m.pAbandon;
    const gap = (t: number) => served - erlangAServiceLevel(queue, t);
    const h = 0.05;
    const steps = 800;
    let integral = gap(0) + gap(steps * h);
    for (let i = 1; i < steps; i++) integral += (i % 2 === 1 ? 4 : 2) * gap(i * h);
    integral *= h / 3;
    expect(integral / served).toBeCloseTo(m.meanWaitServed, 7);
  });
});

describe("Jackson networks", () => {
  it("solves a tandem line and a single queue with reopen feedback", () => {
    expect(
      solveTrafficEquations(
        [2, 0],
        [
          [0, 1],
          [0, 0],
        ],
      ),
    ).toEqual([2, 2]);
    const [reopened] = solveTrafficEquations([10], [[0.2]]);
    expect(reopened).toBeCloseTo(12.5, 12);
  });

  it("solves a three-tier desk with escalation and bounce-back, matching fixed-point iteration", () => {
    const external = [40, 5, 0];
    const routing = [
      [0.05, 0.2, 0], // L1: 5% repeat contact, 20% escalate to L2
      [0.1, 0, 0.25], // L2: 10% bounce back to L1, 25% to L3
      [0.05, 0.1, 0], // L3: some go back down
    ];
    const lambda = solveTrafficEquations(external, routing);
    let iterate = [...external];
    for (let step = 0; step < 500; step++) {
      iterate = external.map((g, j) => g + iterate.reduce((s, x, i) => s + x * (routing[i]?.[j] ?? 0), 0));
    }
    for (const [i, x] of lambda.entries()) expect(x).toBeCloseTo(iterate[i] ?? Number.NaN, 9);
    // conservation: what enters equals what leaves
    const leaving = lambda.reduce((s, x, i) => s + x * (1 - (routing[i] ?? []).reduce((a, b) => a + b, 0)), 0);
    expect(leaving).toBeCloseTo(45, 9);
  });

  it("gives utilisation per station and the time in the network by Little's law", () => {
    const mu = 1 / 300;
    const net = jacksonNetwork([{ servers: 1, serviceRate: mu }], [0.8 * mu * 0.75], [[0.25]]);
    const lambda = 0.8 * mu; // gamma / (1 - 0.25)
    expect(net.arrivalRates[0]).toBeCloseTo(lambda, 15);
    expect(net.utilisation[0]).toBeCloseTo(0.8, 12);
    expect(net.stable).toBe(true);
    // each visit is an M/M/1 sojourn 1 / (mu - lambda); a customer makes 1 / (1 - 0.25) visits
    expect(net.meanTimeInNetwork).toBeCloseTo(1 / (mu - lambda) / 0.75, 6);
    const overloaded = jacksonNetwork([{ servers: 2, serviceRate: 1 }], [1.9], [[0.5]]);
    expect(overloaded.stable).toBe(false);
    expect(overloaded.utilisation[0]).toBeCloseTo(1.9, 12);
  });

  it("refuses routing that traps customers or is not a probability", () => {
    expect(() =>
      solveTrafficEquations(
        [1, 0],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toThrow(/loop/);
    expect(() => solveTrafficEquations([1], [[1.2]])).toThrow(/more than 1/);
    expect(() => solveTrafficEquations([1], [[-0.1]])).toThrow(/probability/);
  });
});

// helpers

/** Erlang B and C with exact BigInt arithmetic for an integer load: everything times c! (c - A). */
function exactErlang(c: number, a: number): { b: number; c: number } {
  const A = BigInt(a);
  const C = BigInt(c);
  // term k = A^k / k!, scaled by c!: A^k * c! / k!
  let sumBelow = 0n; // sum_{k < c} A^k c!/k!
  let term = 1n;
  for (let k = c; k > 0; k--) term *= BigInt(k); // c!
  let scaled = term; // A^0 c!/0!
  for (let k = 0; k < c; k++) {
    sumBelow += scaled;
    scaled = (scaled * A) / BigInt(k + 1); // exact: c!/(k+1)! is an integer for k+1 <= c
  }
  const top = scaled; // A^c
  const ratio = (num: bigint, den: bigint) => Number((num * 10n ** 30n) / den) / 1e30;
  return {
    b: ratio(top, sumBelow + top),
    c: ratio(top * C, sumBelow * (C - A) + top * C),
  };
}

/** Erlang C by log-space summation of A^k / k! (an independent route to the same number). */
function logSpaceErlangC(c: number, a: number): number {
  const logTerms: number[] = [];
  let logTerm = 0;
  for (let k = 0; k < c; k++) {
    logTerms.push(logTerm);
    logTerm += Math.log(a) - Math.log(k + 1);
  }
  const logTop = logTerm + Math.log(c / (c - a));
  const max = Math.max(logTop, ...logTerms);
  const below = logTerms.reduce((s, l) => s + Math.exp(l - max), 0);
  const top = Math.exp(logTop - max);
  return top / (below + top);
}

/** Stationary distribution of the M/M/c+M chain on 0..size-1 by solving pi Q = 0 directly. */
function bruteForceStationary(
  q: { arrivalRate: number; serviceRate: number; servers: number; abandonRate: number },
  size: number,
): number[] {
  // Rows of Q^T with the last equation replaced by sum(pi) = 1.
  const a = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  const death = (n: number) => Math.min(n, q.servers) * q.serviceRate + Math.max(0, n - q.servers) * q.abandonRate;
  for (let n = 0; n < size; n++) {
    const up = n + 1 < size ? q.arrivalRate : 0;
    const down = death(n);
    (a[n] as number[])[n] = -(up + down);
    if (n + 1 < size) (a[n + 1] as number[])[n] = up;
    if (n > 0) (a[n - 1] as number[])[n] = down;
  }
  a[size - 1] = new Array<number>(size + 1).fill(1);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = col + 1; r < size; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k <= size; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let s = a[r]![size]!;
    for (let k = r + 1; k < size; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/** CDF of a sum of independent exponentials with distinct rates (closed form). */
function hypoexponentialCdf(rates: number[], t: number): number {
  let survival = 0;
  rates.forEach((ri, i) => {
    let coefficient = 1;
    rates.forEach((rj, j) => {
      if (j !== i) coefficient *= rj / (rj - ri);
    });
    survival += coefficient * Math.exp(-ri * t);
  });
  return 1 - survival;
}
