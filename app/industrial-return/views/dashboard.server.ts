/** The procurement dashboard's data: small reads (rollup, scales, countries, open alerts), computed in memory. */
import type { Database } from '~/db/client.server'
import { listAlerts } from '../alerts/list-alerts.server.ts'
import { listImportJobs } from '../ledger/import-jobs.server.ts'
import { loadReturnInputs } from './return-inputs.server.ts'
import { parseDashboardQuery } from './dashboard-query.ts'
import { buildDashboard } from './dashboard-view.ts'

export async function loadDashboard(db: Database, now: Date, params: URLSearchParams) {
  const [inputs, openAlerts, imports] = await Promise.all([loadReturnInputs(db, now), listAlerts(db, { open: true, limit: 50 }), listImportJobs(db, 3)])
  const query = parseDashboardQuery(params, inputs)
  const view = buildDashboard(inputs, query)
  const running = imports.filter((job) => job.status === 'QUEUED' || job.status === 'RUNNING')
  const demo = {
    contracts: (await db.contract.findFirst({ where: { source: 'DEMO' }, select: { id: true } })) !== null,
    scales: inputs.scales.filter((s) => s.isDemo).map((s) => s.year),
  }
  return { view, windowErrors: query.windowErrors, askedWindow: query.askedWindow, openAlerts, runningImports: running, demo }
}
