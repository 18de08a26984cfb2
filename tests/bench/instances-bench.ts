// "decisions/s with 1 and 2 instances" (issue 12, deliverable 2): the same decisions by sign-off link
// at c=8 against `npm start` with WEB_CONCURRENCY=1 and =2 on one PostgreSQL server. The embedded
// database may be opened by one process only, so there is nothing to measure on PGlite.
import os from 'node:os'
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'
import { startBenchApp } from './support/bench-app'
import { describeCpuPerUnit, startCpuAccounting, type CpuShares } from './support/cpu-accounting'
import { signByLink, waitForOutboxDrained } from './support/decisions'
import { formatRate, measureThroughput, type Throughput } from './support/load'
import { openSignOffLinks, seedBenchDatabase, useAppSettings } from './support/sign-off-links'

const CONCURRENCY = 8

async function run(context: BenchContext): Promise<BenchFigure[]> {
  if (context.database !== 'postgresql-server') {
    context.progress('not measured on PGlite: only one process may open the embedded database')
    return []
  }
  const perRun = context.scale === 'quick' ? 16 : 300
  const warm = context.scale === 'quick' ? 2 : 10
  const database = await context.createEmptyDatabase()
  try {
    useAppSettings('http://localhost:3000')
    await seedBenchDatabase(database.url)
    context.progress(`opening ${2 * (perRun + warm)} sign-off links`)
    const tokens = await openSignOffLinks(database.url, 2 * (perRun + warm), context.progress)
    const results = new Map<number, Throughput>()
    const cpu = new Map<number, CpuShares>()
    for (const instances of [1, 2]) {
      const mine = tokens.slice((instances - 1) * (perRun + warm), instances * (perRun + warm))
      const app = await startBenchApp(database.url, { webConcurrency: instances })
      try {
        await measureThroughput(warm, 4, (i) => signByLink(app.url, mine[i]!))
        context.progress(`WEB_CONCURRENCY=${instances}: start-up emails delivered after ${(await waitForOutboxDrained(database.url)).toFixed(1)} s`)
        const stopAccounting = startCpuAccounting(app.pid)
        const measured = await measureThroughput(perRun, CONCURRENCY, (i) => signByLink(app.url, mine[warm + i]!))
        cpu.set(instances, stopAccounting())
        results.set(instances, measured)
        context.progress(`WEB_CONCURRENCY=${instances}: ${formatRate(measured)}`)
      } finally {
        await app.stop()
      }
    }
    const ratio = results.get(2)!.perSecond / results.get(1)!.perSecond
    // With one worker the cores were already this busy: a second worker can only use what was left.
    const one = cpu.get(1)!
    const busyWithOne = 1 - one.idle / (one.seconds * os.cpus().length)
    const limit = [
      `WEB_CONCURRENCY=1: ${describeCpuPerUnit(one, perRun, 'decision').line}.`,
      `WEB_CONCURRENCY=2: ${describeCpuPerUnit(cpu.get(2)!, perRun, 'decision').line}.`,
      `With one worker the ${os.cpus().length} cores were ${(100 * busyWithOne).toFixed(0)}% busy (the worker, the database server and this load generator share them): ` +
        `even at no extra cost per decision a second worker could reach at most x${(1 / busyWithOne).toFixed(2)}; the goal x1.6 needs the load generated on other cores or more cores than ${os.cpus().length}.`,
    ]
    return [
      {
        path: 'decisions/s with 1 and 2 instances, c=8',
        measured: `2: ${formatRate(results.get(2)!)}`,
        baseline: `1: ${formatRate(results.get(1)!)}`,
        ratio,
        goal: '>= 1.6x',
        met: ratio >= 1.6,
        limit,
        note: 'WEB_CONCURRENCY workers of one npm start, on one PostgreSQL database.',
      },
    ]
  } finally {
    await database.drop()
  }
}

export const instancesBench: BenchPart = { name: 'instances', run }
