// The import part of the bench alone: `npx tsx tests/bench/import-bench.run.ts [quick|full]`
// on PGlite, or with TEST_POSTGRES_URL on a PostgreSQL server.
import { createEmptyTestDatabase, testDatabaseKind } from '../support/database'
import { importBench } from './import-bench'

const scale = process.argv[2] === 'full' ? 'full' : 'quick'
const figures = await importBench.run({ database: testDatabaseKind(), createEmptyDatabase: createEmptyTestDatabase, scale, progress: (line) => console.log(`  ${line}`) })
for (const figure of figures) console.log(`${figure.path}: ${figure.measured}${figure.baseline ? ` | ${figure.baseline}` : ''}${figure.ratio !== null ? ` | ratio ${figure.ratio.toFixed(2)}` : ''} | goal ${figure.goal} ${figure.met ? 'met' : 'NOT met'}`)
process.exit(0)
