// Every part of `npm run bench`, in the order they run. Adding a part is one line here.
// Expected from the other helpers of issue 12, once their branches are merged:
//   outboxBench (tests/bench/outbox-bench.ts), importBench (tests/bench/import-bench.ts),
//   spreadBench (tests/bench/spread-bench.ts, replacing tests/bench/stats.ts).
import type { BenchPart } from './bench-figure'
import { decisionsBench } from './decisions-bench'
import { instancesBench } from './instances-bench'
import { pageWeightBench } from './page-weight-bench'

export const benchParts: BenchPart[] = [decisionsBench, instancesBench, pageWeightBench]
