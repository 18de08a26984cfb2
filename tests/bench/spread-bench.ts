// The /spread rows of `npm run bench`: the industrial-return dashboard (reached by GET /spread, which
// redirects to it) and the department and group pages, measured over HTTP from a running app on a
// ledger of 1 000 000 contracts (50 000 quick), each against a plain GROUP BY over the raw contracts
// on the same database in the same run. Figures are printed by the runner, never asserted.
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'
import { procurementOfficerCookie, serverTimes, startBenchApp } from './spread-app'
import { describeShares, profilerEnvironment, profileWhile } from './support/cpu-profile'
import { measureCheapestPage } from './support/limits'
import { allYearsGroupBy, seedSpreadLedger, windowGroupBy } from './spread-seed'

const SIZES = { full: { contracts: 1_000_000, requests: 200, warmUps: 10, baselineRuns: 15 }, quick: { contracts: 50_000, requests: 40, warmUps: 5, baselineRuns: 7 } }

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`

async function timesOf(runs: number, warmUps: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmUps; i++) await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times
}

/** One full GET as a browser makes it: redirects followed, the whole page read. */
async function getPage(url: string, cookie: string, expectedPath: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie } })
  const body = await response.text()
  if (response.status !== 200 || new URL(response.url).pathname !== expectedPath) {
    throw new Error(`GET ${url} answered ${response.status} at ${response.url}: ${body.slice(0, 300)}`)
  }
}

export const spreadBench: BenchPart = {
  name: 'spread',
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const size = SIZES[context.scale]
    const contracts = size.contracts.toLocaleString('en-GB').replace(/,/g, ' ')
    context.progress(`spread: starting the app on ${context.database}`)
    const profiler = profilerEnvironment()
    const bench = await startBenchApp(context, profiler.env)
    try {
      const { app, db } = bench
      context.progress(`spread: seeding ${contracts} contracts`)
      await seedSpreadLedger(db, size.contracts, context.progress)
      const cookie = await procurementOfficerCookie(db)
      const department = await db.department.findFirstOrThrow({ orderBy: { code: 'asc' } })
      const group = await db.group.findFirstOrThrow({ orderBy: { code: 'asc' } })

      const page = async (pathname: string, search: string, finalPath: string) => {
        const fromLog = app.logs.length
        const times = await timesOf(size.requests, size.warmUps, () => getPage(`${app.url}${pathname}${search}`, cookie, finalPath))
        const server = serverTimes(app, fromLog, finalPath).slice(size.warmUps)
        return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), serverP50: server.length ? percentile(server, 0.5) : NaN }
      }
      const baseline = async (work: () => Promise<unknown>) => percentile(await timesOf(size.baselineRuns, 2, work), 0.5)

      context.progress(`spread: ${size.requests} GETs of each page, after ${size.warmUps} warm-ups`)
      const dashboard = await page('/spread', '', '/industrial-return')
      const dashboardDirect = await page('/industrial-return', '', '/industrial-return')
      const departmentPage = await page('/industrial-return/mine', `?unit=DEPARTMENT:${department.id}`, '/industrial-return/mine')
      const groupPage = await page('/industrial-return/mine', `?unit=GROUP:${group.id}`, '/industrial-return/mine')

      context.progress('spread: the same sums as plain GROUP BYs over the raw contracts')
      const windowed = await baseline(() => windowGroupBy(db))
      const allYears = await baseline(() => allYearsGroupBy(db))
      // A unit's page shows its contracts by country and the organisation's share of each, for the window.
      const windowOf = (column: 'departmentId' | 'groupId', id: string) =>
        db.$queryRawUnsafe(
          `SELECT "returnCountryCode", SUM("amountChfMinor"), COUNT(*) FROM "Contract" WHERE "${column}" = $1::uuid AND "awardedOn" >= DATE '2022-01-01' AND "awardedOn" < DATE '2026-01-01' GROUP BY 1`,
          id,
        )
      const departmentGroupBy = await baseline(async () => Promise.all([windowOf('departmentId', department.id), windowGroupBy(db)]))
      const groupGroupBy = await baseline(async () => Promise.all([windowOf('groupId', group.id), windowGroupBy(db)]))

      // Unmeasured, for the limit printed when the dashboard's goal is not met: the cheapest page one
      // request at a time, and a profile of the app over more dashboard GETs.
      const cheapestPage = await measureCheapestPage(app.url, app.pid, size.requests, 1)
      const profiled = Math.ceil(size.requests / 2)
      const profile = await profileWhile(app.pid, profiler.directory, async () => {
        await timesOf(profiled, 0, () => getPage(`${app.url}/spread`, cookie, '/industrial-return'))
      })
      const needed = allYears / 20
      const dashboardLimit = [
        `20x the GROUP BY (${ms(allYears)}) is a full GET in ${ms(needed)}: two requests (the /spread redirect, then the page), each through the sign-in check, Remix and React.`,
        `The cheapest page of the same app (GET /sign-in: no database, no session), one request at a time: p50 ${ms(cheapestPage.throughput.p50)}, p99 ${ms(cheapestPage.throughput.p99)}; /industrial-return itself p50 ${ms(dashboardDirect.p50)} (server p50 ${ms(dashboardDirect.serverP50)}).`,
        `Floor: two requests at the cheapest page's p50 take ${ms(2 * cheapestPage.throughput.p50)}, one ${ms(cheapestPage.throughput.p50)}: ` +
          (2 * cheapestPage.throughput.p50 > needed
            ? `above the ${ms(needed)} that 20x allows, before the page reads or renders anything: the goal is out of reach for a full GET of /spread on this machine.`
            : cheapestPage.throughput.p50 > needed
              ? `even without the redirect one request is above the ${ms(needed)} that 20x allows: out of reach on this machine.`
              : `below the ${ms(needed)} that 20x allows: what is over it is the page's own work (the profile below).`),
        `Profile of the app over ${profiled} more GETs of /spread (self time, ${(profile.app.busyMs / profiled).toFixed(1)} ms per GET while profiled): ${describeShares(profile.app)}.`,
        ...(profile.database ? [`The embedded database's process over the same GETs: ${(profile.database.busyMs / profiled).toFixed(1)} ms per GET.`] : []),
      ]

      const measured = (figures: { p50: number; p99: number; serverP50: number }) => `p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)} (server p50 ${ms(figures.serverP50)})`
      const ratioOf = (groupBy: number, figures: { p50: number }) => Math.round((groupBy / figures.p50) * 10) / 10
      const unitRow = (path: string, figures: { p50: number; p99: number; serverP50: number }, groupBy: number, what: string): BenchFigure => ({
        path,
        measured: measured(figures),
        baseline: `GROUP BY ${ms(groupBy)} (${what} and the organisation, default window)`,
        ratio: ratioOf(groupBy, figures),
        goal: 'p50 < 50 ms (as the dashboard)',
        met: figures.p50 < 50,
      })
      return [
        {
          path: `/spread with ${contracts} contracts, full GET`,
          measured: measured(dashboard),
          baseline: `GROUP BY ${ms(allYears)} (every year: the page shows ten status years)`,
          ratio: ratioOf(allYears, dashboard),
          goal: 'p50 < 50 ms, >= 20x faster than the GROUP BY',
          met: dashboard.p50 < 50 && allYears / dashboard.p50 >= 20,
          limit: dashboardLimit,
          note:
            `GET /spread and its redirect to /industrial-return, page read whole; /industrial-return itself p50 ${ms(dashboardDirect.p50)}; the default window alone takes ${ms(windowed)} as a GROUP BY (${ratioOf(windowed, dashboard)}x).` +
            ' What is left is per request, not per contract: the redirect, each request\'s sign-in check, Remix route matching and React rendering ~1 000 elements (profile in docs/decisions/029).',
        },
        unitRow(`department page with ${contracts} contracts, full GET`, departmentPage, departmentGroupBy, `department ${department.code}`),
        unitRow(`group page with ${contracts} contracts, full GET`, groupPage, groupGroupBy, `group ${group.code}`),
      ]
    } finally {
      await bench.stop()
      profiler.cleanUp()
    }
  },
}
