/**
 * The procurement dashboard's data: small reads (rollup, scales, countries, open alerts), computed in
 * memory once per data change and calendar day (the policy and the status year follow the date), then
 * served from memory until the data versions move (docs/decisions/029-spread-computed-per-data-change.md).
 * The notices (open alerts, running imports) have a version of their own: an import's progress or an
 * acknowledgement does not make the figures be computed again. The standing status (countries very
 * poorly balanced in the published status year) is computed with the inputs: it does not depend on
 * the window the page shows.
 */
import { calendarDateIn } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { latestEntries } from '../alerts/latest-entries.server.ts'
import { listAlerts } from '../alerts/list-alerts.server.ts'
import { listImportJobs } from '../ledger/import-jobs.server.ts'
import { computedPerDataChange, readReturnDataVersions } from './computed-per-data-change.server.ts'
import { loadReturnInputs } from './return-inputs.server.ts'
import { parseDashboardQuery } from './dashboard-query.ts'
import { buildDashboard } from './dashboard-view.ts'
import { standingStatus } from './standing-status.ts'

export async function loadDashboard(db: Database, now: Date, params: URLSearchParams) {
  const versions = await readReturnDataVersions(db)
  const today = calendarDateIn(now)
  const { inputs, demo, standing } = await computedPerDataChange(db, versions.figures, `dashboard-inputs:${today}`, async () => {
    const [inputs, demoContract] = await Promise.all([loadReturnInputs(db, now), db.contract.findFirst({ where: { source: 'DEMO' }, select: { id: true } })])
    // The standing status of the published status year: the same whatever window the page shows.
    return { inputs, standing: standingStatus(inputs), demo: { contracts: demoContract !== null, scales: inputs.scales.filter((s) => s.isDemo).map((s) => s.year) } }
  })
  // Alerts name their countries: kept under both versions (both only grow, so their sum moves with either).
  const noticesVersion = versions.figures < 0n || versions.notices < 0n ? -1n : versions.figures + versions.notices
  const { openAlerts, runningImports, entries } = await computedPerDataChange(db, noticesVersion, `dashboard-notices:${today}`, async () => {
    const [openAlerts, imports, entries] = await Promise.all([
      listAlerts(db, { open: true, limit: 50, bands: inputs.policy.bands }),
      listImportJobs(db, 3),
      latestEntries(db, standing.window, standing.countries.map((country) => country.countryCode)),
    ])
    return { openAlerts, entries, runningImports: imports.filter((job) => job.status === 'QUEUED' || job.status === 'RUNNING') }
  })
  const query = parseDashboardQuery(params, inputs)
  const { window, category, sort, direction } = query
  const viewKey = `dashboard-view:${today}:${window.fromYear}-${window.toYear}:${category}:${sort}:${direction}`
  const view = await computedPerDataChange(db, versions.figures, viewKey, async () => buildDashboard(inputs, query))
  return { view, windowErrors: query.windowErrors, askedWindow: query.askedWindow, standing, entries, openAlerts, runningImports, demo }
}
