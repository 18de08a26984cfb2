// Every part of `npm run bench`, in the order they run. Adding a part is one line here;
// `npm run bench -- --only <name>` runs one of them.
import type { BenchPart } from './bench-figure'
import { decisionsBench } from './decisions-bench'
import { importBench } from './import-bench'
import { instancesBench } from './instances-bench'
import { outboxBench } from './outbox-bench'
import { pageWeightBench } from './page-weight-bench'
import { spreadBench } from './spread-bench'

export const benchParts: BenchPart[] = [decisionsBench, instancesBench, pageWeightBench, outboxBench, importBench, spreadBench]
