// `npm run bench`: builds the app, runs every part (tests/bench/parts.ts) on the embedded database
// (PGlite) and on the PostgreSQL server named by TEST_POSTGRES_URL, and prints one table of figures,
// each next to its raw baseline from the same run. Figures are printed, never asserted: the exit
// code is 0 when a goal is not met, and non-zero only when a part crashed.
//   --quick (or BENCH_SCALE=quick)  a smoke run with small sizes
//   --only <part>                   one part (decisions, instances, page-weight, ...)
//   --skip-build                    reuse build/ as it is
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import type { BenchDatabaseKind, BenchFigure } from './bench-figure'
import { benchParts } from './parts'
import { emptyDatabaseMaker, serverVersion } from './support/databases'
import { printLimits, printTable, type Row } from './support/table'

const args = process.argv.slice(2)
const scale = args.includes('--quick') || process.env.BENCH_SCALE === 'quick' ? 'quick' : 'full'
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
const serverUrl = process.env.TEST_POSTGRES_URL
const root = path.resolve(import.meta.dirname, '../..')
const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`
const say = (line: string) => console.log(`[${elapsed()}] ${line}`)

async function machineFacts() {
  const cpus = os.cpus()
  console.log(`npm run bench (${scale}${only ? `, only ${only}` : ''})`)
  console.log(`  machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log(`  Node ${process.version}`)
  const embedded = await emptyDatabaseMaker('pglite', undefined)()
  try {
    console.log(`  embedded: ${await serverVersion(embedded.url)} (in memory, in its own process)`)
  } finally {
    await embedded.drop()
  }
  console.log(serverUrl ? `  server: ${await serverVersion(serverUrl)} at ${new URL(serverUrl).host}` : '  server: not measured: TEST_POSTGRES_URL is not set')
  console.log('  load is generated in this process, beside the app process(es) it measures, on the same cores')
  if (os.loadavg()[0]! > cpus.length / 2) console.log(`  NOTE: the machine is busy (load ${os.loadavg()[0]!.toFixed(1)} on ${cpus.length} CPUs): figures measured now are noisy, and a ratio pairs runs made one after the other`)
}

function build() {
  if (args.includes('--skip-build')) return say('build: reusing build/ (--skip-build)')
  // `npm run build` is what `npm start` runs: remix build, then the assets precompressed (brotli 11),
  // which is what the page weight must measure.
  say('build: npm run build (remix build and precompressed assets, as npm start serves them)')
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`)
}

async function main() {
  await machineFacts()
  build()
  const parts = benchParts.filter((part) => !only || part.name === only)
  if (parts.length === 0) throw new Error(`no part named ${only}: ${benchParts.map((part) => part.name).join(', ')}`)
  const databases: BenchDatabaseKind[] = serverUrl ? ['pglite', 'postgresql-server'] : ['pglite']
  const rows: Row[] = []
  const crashed: string[] = []
  for (const database of databases) {
    for (const part of parts) {
      say(`${part.name} on ${database} (load average ${os.loadavg()[0]!.toFixed(2)})`)
      try {
        const figures: BenchFigure[] = await part.run({
          database,
          scale,
          createEmptyDatabase: emptyDatabaseMaker(database, serverUrl),
          progress: (line) => say(`  ${part.name}/${database}: ${line}`),
        })
        rows.push(...figures.map((figure) => ({ ...figure, database })))
      } catch (error) {
        crashed.push(`${part.name} on ${database}`)
        say(`  ${part.name} on ${database} CRASHED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      }
    }
  }
  console.log('')
  printTable(rows)
  printLimits(rows)
  console.log(`\nThe load (fetch and pg clients) is generated in this process, on the same ${os.cpus().length} cores as the app process(es) it measures: figures are for the machine as a whole.`)
  if (!serverUrl) console.log('\nThe PostgreSQL server half is not measured: set TEST_POSTGRES_URL to a server the bench may create databases on.')
  const missed = rows.filter((row) => !row.met).length
  console.log(`\n${rows.length} figures, ${rows.length - missed} goals met, ${missed} NOT met; ${crashed.length ? `CRASHED: ${crashed.join(', ')}` : 'no part crashed'} (${elapsed().trim()})`)
  process.exit(crashed.length ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
