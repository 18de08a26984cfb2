// `npm run bench:spread` (`-- --quick` for a smoke run): the /spread part of the bench alone, on PostgreSQL when
// TEST_POSTGRES_URL is set, else on the embedded database (PGlite). `npm run bench` runs it with the rest.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createEmptyTestDatabase, testDatabaseKind } from '../support/database'
import type { BenchContext } from './bench-figure'
import { spreadBench } from './spread-bench'

const root = path.resolve(import.meta.dirname, '../..')

async function main() {
  // The part starts the real server, which serves the built app.
  if (!existsSync(path.join(root, 'build/index.js'))) {
    const build = spawnSync('npx', ['remix', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('remix build failed')
  }
  const context: BenchContext = {
    database: testDatabaseKind(),
    createEmptyDatabase: createEmptyTestDatabase,
    scale: process.argv.includes('--quick') ? 'quick' : 'full',
    progress: (line) => console.log(line),
  }
  const started = performance.now()
  const figures = await spreadBench.run(context)
  console.log(`\n${spreadBench.name} on ${context.database} (${context.scale}, ${((performance.now() - started) / 1000).toFixed(0)} s):`)
  for (const figure of figures) {
    console.log(`  ${figure.path}`)
    console.log(`    measured ${figure.measured}; baseline ${figure.baseline ?? '—'}; ratio ${figure.ratio ?? '—'}x; goal ${figure.goal}: ${figure.met ? 'met' : 'NOT met'}`)
    if (figure.note) console.log(`    ${figure.note}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
