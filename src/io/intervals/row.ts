/** One interval of one channel; durations in seconds, service level a share 0..1. */
export interface IntervalRow {
  line: number;
  /** Wall-clock milliseconds of the interval's start (the report's own local time). */
  startMs: number;
  channel: string;
  offered: number;
  answered?: number;
  abandoned?: number;
  ahtSeconds?: number;
  asaSeconds?: number;
  serviceLevel?: number;
}
