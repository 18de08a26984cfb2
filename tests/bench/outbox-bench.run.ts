// Runs the outbox part of the bench alone: `npx tsx tests/bench/outbox-bench.run.ts [quick|full]`,
// on PostgreSQL when TEST_POSTGRES_URL is set, else on the embedded PostgreSQL (PGlite) in memory.
import { createEmptyTestDatabase, testDatabaseKind } from '../support/database'
import { outboxBench } from './outbox-bench'

const scale = process.argv[2] === 'quick' ? 'quick' : 'full'
const figures = await outboxBench.run({
  database: testDatabaseKind(),
  createEmptyDatabase: createEmptyTestDatabase,
  scale,
  progress: (line) => console.log(`  ${line}`),
})
for (const figure of figures) console.log(JSON.stringify(figure, null, 2))
process.exit(0)
