/**
 * The procurement dashboard's data: small reads (rollup, scales, countries, open alerts), computed in
 * memory once per data change and calendar day (the policy and the status year follow the date), then
 * served from memory until the data versions move (docs/decisions/029-spread-computed-per-data-change.md).
 * The notices (open alerts, running imports) have a version of their own: an import's progress or an
 * acknowledgement does not make the figures be computed again.
 */
import { calendarDateIn } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { listAlerts } from '../alerts/list-alerts.server.ts'
import { listImportJobs } from '../ledger/import-jobs.server.ts'
import { computedPerDataChange, readReturnDataVersions } from './computed-per-data-change.server.ts'
import { loadReturnInputs } from './return-inputs.server.ts'
import { parseDashboardQuery } from './dashboard-query.ts'
import { buildDashboard } from './dashboard-view.ts'

export async function loadDashboard(db: Database, now: Date, params: URLSearchParams) {
  const versions = await readReturnDataVersions(db)
  const today = calendarDateIn(now)
  const [{ inputs, demo }, { openAlerts, runningImports }] = await Promise.all([
    computedPerDataChange(db, versions.figures, `dashboard-inputs:${today}`, async () => {
      const [inputs, demoContract] = await Promise.all([loadReturnInputs(db, now), db.contract.findFirst({ where: { source: 'DEMO' }, select: { id: true } })])
      return { inputs, demo: { contracts: demoContract !== null, scales: inputs.scales.filter((s) => s.isDemo).map((s) => s.year) } }
    }),
    // Alerts name their countries: kept under both versions (both only grow, so their sum moves with either).
    computedPerDataChange(db, versions.figures < 0n || versions.notices < 0n ? -1n : versions.figures + versions.notices, 'dashboard-notices', async () => {
      const [openAlerts, imports] = await Promise.all([listAlerts(db, { open: true, limit: 50 }), listImportJobs(db, 3)])
      return { openAlerts, runningImports: imports.filter((job) => job.status === 'QUEUED' || job.status === 'RUNNING') }
    }),
  ])
  const query = parseDashboardQuery(params, inputs)
  const { window, category, sort, direction } = query
  const viewKey = `dashboard-view:${today}:${window.fromYear}-${window.toYear}:${category}:${sort}:${direction}`
  const view = await computedPerDataChange(db, versions.figures, viewKey, async () => buildDashboard(inputs, query))
  return { view, windowErrors: query.windowErrors, askedWindow: query.askedWindow, openAlerts, runningImports, demo }
}
