import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { acknowledgeAlert } from '~/industrial-return/alerts/acknowledge-alert.server'
import { IndustryDaySummary } from '~/industrial-return/industry-days/industry-day-summary'
import { loadIndustryDaySummary } from '~/industrial-return/industry-days/load-industry-day-summary.server'
import { CountryTableSection } from '~/industrial-return/views/country-table'
import { BandMapSection, CoefficientChartSection, MostImbalancedSection, VeryPoorlyTrendSection } from '~/industrial-return/views/dashboard-figures'
import { ActionResultNotice, DemoDataNotice, RunningImportsNotices } from '~/industrial-return/views/dashboard-notices'
import { DashboardWindowSection } from '~/industrial-return/views/dashboard-window'
import { hasWindowErrors } from '~/industrial-return/views/dashboard-query'
import { loadDashboard } from '~/industrial-return/views/dashboard.server'
import { europeShapes, MAP_HEIGHT, MAP_WIDTH } from '~/industrial-return/views/europe-map.server'
import { ReturnStatusSection } from '~/industrial-return/views/return-status'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { readForm } from '~/http/request-body.server'
import { UUID } from '~/http/uuid'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { PageHeader } from '~/ui/page-header'

// The Industry Days summary at the bottom is return-data's (its words are in that namespace).
export const handle: RouteHandle = { i18n: ['industrial-return', 'return-data'], title: (t) => t('industrial-return:dashboard.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const now = new Date()
  const [dashboard, industryDays] = await Promise.all([loadDashboard(getDatabase(), now, new URL(request.url).searchParams), loadIndustryDaySummary(getDatabase(), now)])
  // A window that cannot be shown: the page (default window, messages by the years) answers 400.
  return data({ ...dashboard, industryDays, map: { shapes: europeShapes(), width: MAP_WIDTH, height: MAP_HEIGHT } }, { status: hasWindowErrors(dashboard.windowErrors) ? 400 : 200 })
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const form = await readForm(request)
  const alertId = String(form.get('alertId') ?? '')
  if (form.get('intent') !== 'acknowledge' || !UUID.test(alertId)) return { error: message('industrial-return:dashboard.chooseAlert') }
  const outcome = await acknowledgeAlert(getDatabase(), alertId, { actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  if (outcome === 'NOT_FOUND') return { error: message('industrial-return:dashboard.alertGone') }
  return { ok: message(outcome === 'ALREADY' ? 'industrial-return:dashboard.alreadyAcknowledged' : 'industrial-return:dashboard.acknowledged') }
}

export default function ReturnDashboard() {
  const { view, windowErrors, askedWindow, standing, entries, openAlerts, runningImports, demo, map, industryDays } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('industrial-return')
  const category = view.query.category
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <ReturnNav />
      <DemoDataNotice demo={demo} />
      <ActionResultNotice result={result} />
      <RunningImportsNotices imports={runningImports} />
      <ReturnStatusSection standing={standing} entries={entries} alerts={openAlerts} viewed={{ label: view.windowLabel, isDefault: view.isDefaultWindow }} />
      <DashboardWindowSection view={view} windowErrors={windowErrors} askedWindow={askedWindow} />
      <CountryTableSection view={view} />
      <CoefficientChartSection view={view} />
      <BandMapSection rows={view.rows} map={map} windowLabel={view.windowLabel} category={category} legendBands={view.bands} />
      <div className="row">
        <MostImbalancedSection countries={view.mostImbalanced} category={category} />
        <VeryPoorlyTrendSection trend={view.trend} />
      </div>
      <IndustryDaySummary summary={industryDays} />
    </>
  )
}
