/** Timing helpers: throughput over a batch, and per-call latency percentiles. */

export interface Measurement {
  readonly name: string;
  /** The median of the timed samples. */
  readonly decisionsPerSecond: number;
  /** The slowest and the fastest sample, for the spread a shared machine gives. */
  readonly slowestPerSecond: number;
  readonly fastestPerSecond: number;
  readonly p50Micros: number;
  readonly p99Micros: number;
  readonly calls: number;
}

/** Runs `fn` over every input, `rounds` times, and returns calls per second. */
export function throughput<T>(inputs: readonly T[], fn: (input: T) => unknown, rounds: number): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < inputs.length; i++) if (fn(inputs[i]!) !== undefined) sink++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) throw new Error('unreachable');
  return (inputs.length * rounds) / seconds;
}

/**
 * Times each call on its own and returns the 50th and 99th percentiles in microseconds. The clock read itself
 * costs tens of nanoseconds, which is included (see `clockOverheadMicros`).
 */
export function latency<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  rounds: number,
): { p50: number; p99: number } {
  const samples = new Float64Array(inputs.length * rounds);
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < inputs.length; i++) {
      const start = process.hrtime.bigint();
      fn(inputs[i]!);
      samples[n++] = Number(process.hrtime.bigint() - start) / 1000;
    }
  }
  samples.sort();
  return { p50: samples[Math.floor(n * 0.5)]!, p99: samples[Math.floor(n * 0.99)]! };
}

/** The cost of one timed empty call, in microseconds (the floor under every latency figure). */
export function clockOverheadMicros(): number {
  const { p50 } = latency(new Array<number>(100_000).fill(0), () => 0, 1);
  return p50;
}

/**
 * Warms the JIT, then measures throughput and latency. Throughput is timed in `samples` samples of `rounds` rounds
 * each and reported as their median, with the slowest and fastest: on a shared machine one sample can lose a third to
 * another tenant, and the median is what the code does, not what the neighbours did.
 */
export function measure<T>(
  name: string,
  inputs: readonly T[],
  fn: (input: T) => unknown,
  rounds = 5,
  samples = 1,
): Measurement {
  // Enough warm-up for the JIT to finish optimizing (it compiles on the other core), so the figure is the steady state.
  throughput(inputs, fn, 6);
  const timed = Array.from({ length: samples }, () => throughput(inputs, fn, rounds)).sort((a, b) => a - b);
  const { p50, p99 } = latency(inputs, fn, Math.max(1, Math.floor(rounds / 2)));
  return {
    name,
    decisionsPerSecond: timed[Math.floor(samples / 2)]!,
    slowestPerSecond: timed[0]!,
    fastestPerSecond: timed[samples - 1]!,
    p50Micros: p50,
    p99Micros: p99,
    calls: inputs.length * rounds * samples,
  };
}
