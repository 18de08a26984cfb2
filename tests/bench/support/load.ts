// Load generation for the bench: a pool of `concurrency` workers taking the next task until none is
// left, timing each. It runs in the bench process (on this 2-core machine, beside the app it loads).

export type Timed<T> = { value: T; ms: number }

export async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<Timed<T>[]> {
  const results: Timed<T>[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      const started = performance.now()
      const value = await task(index)
      results[index] = { value, ms: performance.now() - started }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return results
}

export type Throughput = { perSecond: number; p50: number; p99: number; count: number; seconds: number }

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN
}

/** Runs `count` tasks at `concurrency` and reports tasks per second and latency percentiles. */
export async function measureThroughput(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<Throughput> {
  const started = performance.now()
  const results = await runPool(count, concurrency, task)
  const seconds = (performance.now() - started) / 1000
  const times = results.map((result) => result.ms)
  return { perSecond: count / seconds, p50: percentile(times, 0.5), p99: percentile(times, 0.99), count, seconds }
}

export const formatRate = (t: Throughput, unit = '/s') => `${t.perSecond.toFixed(t.perSecond < 10 ? 1 : 0)} ${unit}, p50 ${t.p50.toFixed(0)} ms, p99 ${t.p99.toFixed(0)} ms`
