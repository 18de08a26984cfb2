/**
 * The procurement dashboard's data: small reads (rollup, scales, countries, open alerts), computed in
 * memory once per data change and calendar day (the policy and the status year follow the date), then
 * served from memory until the data version moves (docs/decisions/029-spread-computed-per-data-change.md).
 * Open alerts and running imports are read on every request: they change without the figures changing.
 */
import { calendarDateIn } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { listAlerts } from '../alerts/list-alerts.server.ts'
import { listImportJobs } from '../ledger/import-jobs.server.ts'
import { computedPerDataChange, readReturnDataVersion } from './computed-per-data-change.server.ts'
import { loadReturnInputs } from './return-inputs.server.ts'
import { parseDashboardQuery } from './dashboard-query.ts'
import { buildDashboard } from './dashboard-view.ts'

async function loadFigures(db: Database, now: Date, params: URLSearchParams) {
  const version = await readReturnDataVersion(db)
  const today = calendarDateIn(now)
  const { inputs, demo } = await computedPerDataChange(db, version, `dashboard-inputs:${today}`, async () => {
    const [inputs, demoContract] = await Promise.all([loadReturnInputs(db, now), db.contract.findFirst({ where: { source: 'DEMO' }, select: { id: true } })])
    return { inputs, demo: { contracts: demoContract !== null, scales: inputs.scales.filter((s) => s.isDemo).map((s) => s.year) } }
  })
  const query = parseDashboardQuery(params, inputs)
  const { window, category, sort, direction } = query
  const view = await computedPerDataChange(db, version, `dashboard-view:${today}:${window.fromYear}-${window.toYear}:${category}:${sort}:${direction}`, async () => buildDashboard(inputs, query))
  return { view, query, demo }
}

export async function loadDashboard(db: Database, now: Date, params: URLSearchParams) {
  const [{ view, query, demo }, openAlerts, imports] = await Promise.all([loadFigures(db, now, params), listAlerts(db, { open: true, limit: 50 }), listImportJobs(db, 3)])
  const running = imports.filter((job) => job.status === 'QUEUED' || job.status === 'RUNNING')
  return { view, windowErrors: query.windowErrors, askedWindow: query.askedWindow, openAlerts, runningImports: running, demo }
}
