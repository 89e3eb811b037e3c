#!/usr/bin/env node
/**
 * The floor Flowcast's engine is measured against (issue 14): a bare M/M/c event loop in
 * plain JavaScript with nothing but what the queue needs: a binary heap over typed arrays, a
 * FIFO ring of waiting calls, xoshiro128+ uniforms and exponential draws. No tickets, no
 * statistics beyond the mean wait, no model file.
 *
 * Workload as bench/models/mmc-90-agents-1m.json: 1,000 calls/hour, AHT 300 s, 90 agents,
 * 1,000,000 calls (2,000,000 events). Prints one JSON line: events, mean wait, loop time.
 *
 *   node bench/bare-loop.mjs [calls]
 */
const CALLS = Number(process.argv[2] ?? 1_000_000);
const ARRIVALS_PER_SECOND = 1000 / 3600;
const SERVICE_RATE = 1 / 300;
const AGENTS = 90;

// xoshiro128+, uniform in (0, 1)
let s0 = 0x9e3779b9 | 0;
let s1 = 0x243f6a88 | 0;
let s2 = 0xb7e15162 | 0;
let s3 = 0x12345678 | 0;
function uniform() {
  const result = (s0 + s3) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  return (result >>> 8) / 16777216 + 1 / 33554432;
}

// binary min-heap of (time, kind): kind 0 = arrival, 1 = end of service
const heapTime = new Float64Array(1 << 12);
const heapKind = new Int32Array(1 << 12);
let heapSize = 0;
let poppedTime = 0;
let poppedKind = 0;

function push(time, kind) {
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapTime[parent] <= time) break;
    heapTime[i] = heapTime[parent];
    heapKind[i] = heapKind[parent];
    i = parent;
  }
  heapTime[i] = time;
  heapKind[i] = kind;
}

function pop() {
  poppedTime = heapTime[0];
  poppedKind = heapKind[0];
  const time = heapTime[--heapSize];
  const kind = heapKind[heapSize];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heapSize) break;
    if (child + 1 < heapSize && heapTime[child + 1] < heapTime[child]) child++;
    if (time <= heapTime[child]) break;
    heapTime[i] = heapTime[child];
    heapKind[i] = heapKind[child];
    i = child;
  }
  heapTime[i] = time;
  heapKind[i] = kind;
}

// FIFO ring of the arrival times of waiting calls
const RING = 1 << 16;
const ring = new Float64Array(RING);
let ringHead = 0;
let ringTail = 0;

const started = performance.now();
let busy = 0;
let arrived = 0;
let served = 0;
let waitSum = 0;
let events = 0;
push(-Math.log(uniform()) / ARRIVALS_PER_SECOND, 0);
while (heapSize > 0) {
  pop();
  events++;
  const now = poppedTime;
  if (poppedKind === 0) {
    arrived++;
    if (arrived < CALLS) push(now - Math.log(uniform()) / ARRIVALS_PER_SECOND, 0);
    if (busy < AGENTS) {
      busy++;
      served++;
      push(now - Math.log(uniform()) / SERVICE_RATE, 1);
    } else {
      ring[ringTail] = now;
      ringTail = (ringTail + 1) & (RING - 1);
    }
  } else if (ringHead !== ringTail) {
    waitSum += now - ring[ringHead];
    ringHead = (ringHead + 1) & (RING - 1);
    served++;
    push(now - Math.log(uniform()) / SERVICE_RATE, 1);
  } else busy--;
}
const loopSeconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ events, served, meanWaitSeconds: waitSum / served, loopSeconds })}\n`);
