// Decisions by sign-off link, measured over HTTP against the real app process, each figure next to
// the raw database doing the same work in the same run: the very statements the app issued for each
// decision (captured through a recording proxy in a separate, unmeasured run on an identical copy of
// the database), replayed with `pg` at the same concurrency. Also: statements per decision, and the
// decisions while the industrial-return dashboard (/spread) is loaded in a loop.
import os from 'node:os'
import pg from 'pg'
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'
import { sessionCookie, startBenchApp, startEmbeddedDefaultApp, startEmbeddedOnDisk } from './support/bench-app'
import { copyDatabaseRows } from './support/copy-database'
import { captureDecisions, replayDecisions, signByLink, waitForOutboxDrained } from './support/decisions'
import { formatRate, measureThroughput, type Throughput } from './support/load'
import { openSignOffLinks, seedBenchDatabase, useAppSettings } from './support/sign-off-links'
import { isTransactionControl, startStatementRecorder } from './support/statement-recorder'
import { migrate } from '~/db/migrate.server'
import type { RecordedStatement } from './support/statement-recorder'
import { startCpuAccounting, type CpuShares } from './support/cpu-accounting'
import { profilerEnvironment, profileWhile } from './support/cpu-profile'
import { explainThroughputLimit, measureCheapestPage, type CheapestPage } from './support/limits'

/** Runs in the order made: c=8 last, right before the same decisions with the dashboard loaded, so
 * that both find the app in the same state (the outbox worker delivering the previous run's emails). */
type Sizes = { warm: number; byConcurrency: [concurrency: number, count: number][]; loaded: number; profiled: number; cheapestPages: number }

function sizesFor({ database, scale }: BenchContext): Sizes {
  const embedded = database === 'pglite'
  if (scale === 'quick') return { warm: 2, byConcurrency: embedded ? [[1, 4], [32, 32], [8, 16]] : [[8, 16]], loaded: 12, profiled: 8, cheapestPages: 40 }
  return { warm: 10, byConcurrency: embedded ? [[1, 40], [32, 128], [8, 120]] : [[8, 300]], loaded: embedded ? 120 : 200, profiled: embedded ? 60 : 150, cheapestPages: 1000 }
}

/** The tokens cut into the runs that use them, in order: each link is used exactly once. */
function splitLinks(tokens: string[], sizes: Sizes) {
  let next = 0
  const take = (count: number) => tokens.slice(next, (next += count))
  const warm = take(sizes.warm)
  const byConcurrency = sizes.byConcurrency.map(([concurrency, count]) => ({ concurrency, tokens: take(count) }))
  return { warm, byConcurrency, loaded: take(sizes.loaded), profiled: take(sizes.profiled) }
}

/** GETs the dashboard in a loop with `clients` signed-in clients until stopped; returns pages served. */
function loadDashboard(appUrl: string, cookie: string, clients: number) {
  let stopped = false
  let pages = 0
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const response = await fetch(`${appUrl}/spread`, { headers: { cookie, accept: 'text/html' } })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`/spread answered ${response.status}`)
      pages++
    }
  })
  const started = performance.now()
  return async () => {
    stopped = true
    await Promise.all(loops)
    return pages / ((performance.now() - started) / 1000)
  }
}

async function countUsedLinks(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ used: number }>(`SELECT count(*)::int AS used FROM "SignOffToken" WHERE "usedAt" IS NOT NULL`)
    return rows[0]!.used
  } finally {
    await client.end()
  }
}

async function run(context: BenchContext): Promise<BenchFigure[]> {
  const sizes = sizesFor(context)
  const total = sizes.warm + sizes.byConcurrency.reduce((sum, [, count]) => sum + count, 0) + sizes.loaded + sizes.profiled
  const { progress } = context
  const made: { stop: () => Promise<void> }[] = []
  // The measured app carries the profiler, idle until the profiled run at the end (cpu-profile.ts).
  const profiler = profilerEnvironment()
  made.push({ stop: async () => profiler.cleanUp() })
  const database = async (seeded: string | null) => {
    const created = await context.createEmptyDatabase()
    made.push({ stop: created.drop })
    if (seeded) {
      await migrate(created.url)
      await copyDatabaseRows(seeded, created.url)
    }
    return created
  }
  try {
    useAppSettings('http://localhost:3000')
    // On PGlite, the embedded default itself: the app opens its own database on disk and seeds it;
    // the raw baseline runs on a PGlite on disk too. On the server, the bench seeds the same data.
    const embeddedApp = context.database === 'pglite' ? await startEmbeddedDefaultApp(profiler.env) : null
    if (embeddedApp) made.push(embeddedApp)
    const prepared = embeddedApp ? { url: embeddedApp.databaseUrl } : await database(null)
    if (!embeddedApp) await seedBenchDatabase(prepared.url)
    progress(`opening ${total} sign-off links`)
    const links = splitLinks(await openSignOffLinks(prepared.url, total, progress), sizes)
    const captureCopy = await database(prepared.url)
    const rawCopy = embeddedApp ? await startEmbeddedOnDisk() : await database(null)
    if (embeddedApp) made.push({ stop: rawCopy.drop })
    await migrate(rawCopy.url)
    await copyDatabaseRows(prepared.url, rawCopy.url)

    // The decisions the raw baseline replays: all but those made while the dashboard is loaded.
    const replayed = [...links.warm, ...links.byConcurrency.flatMap((run) => run.tokens)]
    progress(`capture: the statements of each of ${replayed.length} decisions, one at a time, through a recording proxy`)
    const recorder = await startStatementRecorder(captureCopy.url)
    const captureApp = await startBenchApp(recorder.url, { quiet: true })
    let captured: RecordedStatement[][]
    try {
      captured = await captureDecisions(captureApp.url, recorder, replayed, progress)
    } finally {
      await captureApp.stop()
      await recorder.close()
    }
    const typical = captured.slice(links.warm.length).sort((a, b) => a.length - b.length)[Math.floor((captured.length - links.warm.length) / 2)] ?? []
    const statementCount = typical.length
    const controlCount = typical.filter((statement) => isTransactionControl(statement.text)).length
    const begin = typical.findIndex((statement) => /^\s*BEGIN/i.test(statement.text))
    const commit = typical.findLastIndex((statement) => /^\s*COMMIT/i.test(statement.text))
    const phases = begin >= 0 && commit > begin ? `${begin} before the transaction, ${commit - begin + 1} in it, ${typical.length - commit - 1} after` : 'no transaction'
    // BENCH_SHOW_STATEMENTS=1: the statements of one decision, to see where they come from.
    if (process.env.BENCH_SHOW_STATEMENTS) typical.forEach((statement, i) => progress(`  ${String(i + 1).padStart(2)}. ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`))

    progress('measured: decisions over HTTP against the app')
    const app = embeddedApp?.app ?? (await startBenchApp(prepared.url, { env: profiler.env }))
    const measured = new Map<number, Throughput>()
    let alone: Throughput
    let loaded: Throughput
    let dashboardsPerSecond: number
    let cpuAtEight: CpuShares
    let cpuWhileLoaded: CpuShares
    let cheapestPage: CheapestPage
    let profile: Awaited<ReturnType<typeof profileWhile>>
    try {
      await measureThroughput(links.warm.length, 4, (i) => signByLink(app.url, links.warm[i]!))
      progress(`  start-up emails (digests) and the warm-up's delivered after ${(await waitForOutboxDrained(prepared.url)).toFixed(1)} s`)
      for (const { concurrency, tokens } of links.byConcurrency) {
        const stopAccounting = startCpuAccounting(app.pid)
        measured.set(concurrency, await measureThroughput(tokens.length, concurrency, (i) => signByLink(app.url, tokens[i]!)))
        if (concurrency === 8) cpuAtEight = stopAccounting()
        progress(`  c=${concurrency}: ${formatRate(measured.get(concurrency)!)}`)
      }
      alone = measured.get(8)!
      const cookie = await sessionCookie(prepared.url, { isProcurementOfficer: true })
      const stopDashboards = loadDashboard(app.url, cookie, 2)
      const stopLoadedAccounting = startCpuAccounting(app.pid)
      loaded = await measureThroughput(links.loaded.length, 8, (i) => signByLink(app.url, links.loaded[i]!))
      cpuWhileLoaded = stopLoadedAccounting()
      dashboardsPerSecond = await stopDashboards()
      progress(`  c=8 with 2 clients loading /spread: ${formatRate(loaded)}; ${dashboardsPerSecond.toFixed(1)} dashboards/s`)
      // Unmeasured, for the limits printed under the table: the cheapest page, then a profile.
      cheapestPage = await measureCheapestPage(app.url, app.pid, sizes.cheapestPages, 8)
      progress(`  the cheapest page (GET /sign-in), c=8: ${formatRate(cheapestPage.throughput)}`)
      profile = await profileWhile(app.pid, profiler.directory, async () => {
        await measureThroughput(links.profiled.length, 8, (i) => signByLink(app.url, links.profiled[i]!))
      })
      progress(`  profiled ${links.profiled.length} decisions at c=8`)
    } finally {
      await (embeddedApp ?? app).stop()
    }

    progress('raw: the same statements straight through pg, on an identical copy')
    const raw = new Map<number, Throughput>()
    let offset = links.warm.length
    await replayDecisions(rawCopy.url, captured.slice(0, offset), 4)
    const failures: string[] = []
    let rawCpuAtEight: CpuShares
    for (const { concurrency, tokens } of links.byConcurrency) {
      const stopAccounting = startCpuAccounting(null)
      const replay = await replayDecisions(rawCopy.url, captured.slice(offset, (offset += tokens.length)), concurrency)
      if (concurrency === 8) rawCpuAtEight = stopAccounting()
      raw.set(concurrency, replay.throughput)
      failures.push(...replay.failures)
      progress(`  c=${concurrency}: ${formatRate(replay.throughput)}`)
    }
    // A faithful replay uses each link exactly as the app did: as many used links as decisions replayed.
    const usedLinks = await countUsedLinks(rawCopy.url)
    const replayNote =
      (failures.length ? ` ${failures.length} replayed statements failed (first: ${failures[0]}).` : '') +
      (usedLinks !== offset ? ` The replay used ${usedLinks} links for ${offset} decisions.` : '')

    const limitAt = (rawPerSecond: number, goalRatio: number, stated: string) =>
      explainThroughputLimit({
        unit: 'decision',
        measured: alone,
        cpu: cpuAtEight!,
        goalPerSecond: goalRatio * rawPerSecond,
        goalStated: `${stated} ${rawPerSecond.toFixed(0)} /s`,
        cheapestPage,
        raw: { throughput: raw.get(8)!, cpu: rawCpuAtEight! },
        profile: { ...profile, units: links.profiled.length },
      })
    // Both runs keep the cores busy: what the dashboards take, the decisions lose.
    const loadedLimit = () => {
      const cores = os.cpus().length
      const busy = (shares: CpuShares) => 1 - shares.idle / (shares.seconds * cores)
      const perDecision = (cpuAtEight!.app + cpuAtEight!.database + cpuAtEight!.loadGenerator) / alone.count
      const decisionsShare = (loaded.perSecond * perDecision) / cores
      return [
        `Alone, the cores were ${(100 * busy(cpuAtEight!)).toFixed(0)}% busy; with the dashboards, ${(100 * busy(cpuWhileLoaded!)).toFixed(0)}%.`,
        `At ${(1000 * perDecision).toFixed(1)} ms of CPU per decision (alone), the ${loaded.perSecond.toFixed(0)} decisions/s took ${(100 * decisionsShare).toFixed(0)}% of the machine, the ${dashboardsPerSecond.toFixed(1)} dashboards/s and the rest the other ${(100 * (busy(cpuWhileLoaded!) - decisionsShare)).toFixed(0)}%: on saturated cores x0.9 allows the dashboards 10% of the machine at most.`,
      ]
    }
    const figures: BenchFigure[] = []
    const ratioOf = (concurrency: number) => measured.get(concurrency)!.perSecond / raw.get(concurrency)!.perSecond
    if (context.database === 'postgresql-server') {
      const ratio = ratioOf(8)
      figures.push({
        path: 'decision by sign-off link, c=8',
        measured: formatRate(alone),
        baseline: formatRate(raw.get(8)!),
        ratio,
        goal: '>= 0.40, p99 < 100 ms',
        met: ratio >= 0.4 && alone.p99 < 100,
        limit: limitAt(raw.get(8)!.perSecond, 0.4, '0.40 of the raw'),
        note: `raw replays each decision's ${statementCount} captured statements in order on one connection; the app as npm start runs it (WEB_CONCURRENCY unset), its outbox worker delivering the decisions' emails meanwhile (mailbox).${replayNote}`,
      })
    } else {
      for (const concurrency of [1, 8, 32]) {
        const ratio = ratioOf(concurrency)
        figures.push({
          path: `embedded default (PGlite), decisions, c=${concurrency}`,
          measured: formatRate(measured.get(concurrency)!),
          baseline: formatRate(raw.get(concurrency)!),
          ratio,
          goal: '>= 0.50',
          met: ratio >= 0.5,
          limit: concurrency === 8 ? limitAt(raw.get(8)!.perSecond, 0.5, '0.50 of the raw') : undefined,
          note: concurrency === 8 ? `npm start's default: the app's own PGlite on disk in its DATA_DIR; raw on a PGlite on disk holding a copy of the same rows.${replayNote}` : undefined,
        })
      }
    }
    figures.push({
      path: 'statements per decision',
      measured: `${statementCount} (${statementCount - controlCount} without BEGIN/COMMIT)`,
      baseline: null,
      ratio: null,
      goal: '<= 14',
      met: statementCount <= 14,
      note:
        `${phases}; counted on the wire through a recording proxy (median of the captured decisions; BEGIN/COMMIT in the first figure)` +
        (context.database === 'pglite' ? ', on an in-memory copy with the same build: the app\'s own embedded connection cannot be intercepted.' : '.'),
    })
    const throughputRatio = loaded.perSecond / alone.perSecond
    figures.push({
      path: 'decisions while /spread is loaded in a loop',
      measured: `${formatRate(loaded)}; ${dashboardsPerSecond.toFixed(1)} dashboards/s`,
      baseline: `alone: ${formatRate(alone)}`,
      ratio: throughputRatio,
      goal: 'throughput x0.9 or better',
      met: throughputRatio >= 0.9,
      limit: loadedLimit(),
      note: `2 signed-in clients GET /spread (redirect to /industrial-return, demo contracts) in a loop; p99 x${(loaded.p99 / alone.p99).toFixed(2)}.`,
    })
    return figures
  } finally {
    for (const created of made.reverse()) await created.stop().catch(() => {})
  }
}

export const decisionsBench: BenchPart = { name: 'decisions', run }
