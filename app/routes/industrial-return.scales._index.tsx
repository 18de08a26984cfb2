import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readUploadForm } from '~/http/request-body.server'
import { message } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { translateList } from '~/industrial-return/ledger/message-list'
import { budgetMinorOf } from '~/industrial-return/ledger/scale-form'
import { importContributionScalesCsv } from '~/industrial-return/ledger/scales.server'
import { formatPercent } from '~/industrial-return/views/format'
import { loadScales } from '~/industrial-return/views/return-inputs.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:scales.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const scales = await loadScales(getDatabase())
  return {
    thisYear: yearOf(calendarDateIn(new Date())),
    scales: scales
      .map((s) => ({
        year: s.year,
        countries: s.shares.length,
        total: s.shares.reduce((sum, share) => sum + Math.round(Number(share.percent) * 10_000), 0) / 10_000,
        budgetChfMinor: s.budgetChfMinor,
        source: s.source,
        isDemo: s.isDemo,
      }))
      .reverse(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const upload = await readUploadForm(request, { maxFileBytes: 1024 * 1024 })
  if (!upload.ok) return { errors: [message('return-data:scales.errors.tooLarge', { megabytes: 1 })], warnings: [] }
  const { form } = upload
  const file = form.get('file')
  const source = String(form.get('source') ?? '').trim()
  const budgetText = String(form.get('budget') ?? '').trim()
  const errors: string[] = []
  if (!file || typeof file === 'string' || file.size === 0) errors.push(message('return-data:scales.errors.chooseFile'))
  if (source.length < 3) errors.push(message('return-data:scales.errors.source'))
  const budgetChfMinor = budgetText === '' ? null : budgetMinorOf(budgetText)
  if (budgetText !== '' && budgetChfMinor === null) errors.push(message('return-data:scales.errors.budget'))
  if (errors.length || !file || typeof file === 'string') return { errors, warnings: [] }
  const outcome = await importContributionScalesCsv(getDatabase(), await file.text(), { source, budgetChfMinor }, {
    actorId: officer.id,
    now: new Date(),
    origin: requestOrigin(request),
    appUrl: getEnv().APP_URL,
  })
  if (!outcome.ok) return { errors: outcome.errors.map((e) => e.message), warnings: outcome.warnings.map((w) => w.message) }
  return { saved: outcome.years, errors: [], warnings: outcome.warnings.map((w) => w.message) }
}

export default function ScalesPage() {
  const { scales, thisYear } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('return-data')
  const { chf } = useFormats()
  const translated = (texts: readonly string[]) => texts.map((text) => translateList(t, text))
  return (
    <>
      <PageHeader title={t('scales.title')} />
      <ReturnNav />
      {result && 'saved' in result && result.saved ? (
        <Notice tone="success" role="status">
          {t('scales.saved', { count: result.saved.length, years: result.saved.join(', ') })}
        </Notice>
      ) : null}
      {result?.errors.length ? <Notice tone="error" role="alert" title={t('scales.nothingSaved')} items={translated(result.errors)} /> : null}
      {result?.warnings.length ? <Notice title={t('scales.pleaseCheck')} items={translated(result.warnings)} /> : null}
      <section className="card" aria-labelledby="scales-heading">
        <h2 id="scales-heading">{t('scales.byYear')}</h2>
        {scales.length === 0 ? (
          <p className="empty">{t('scales.none')}</p>
        ) : (
          <SortableTable
            rows={scales}
            rowKey={(s) => String(s.year)}
            columns={[
              {
                header: t('scales.columns.year'),
                rowHeader: true,
                cell: (s) => (
                  <>
                    <Link to={`/industrial-return/scales/${s.year}`}>{s.year}</Link> {s.isDemo ? <span className="badge warn">{t('demo')}</span> : null}
                  </>
                ),
              },
              { header: t('scales.columns.countries'), numeric: true, cell: (s) => s.countries },
              { header: t('scales.columns.total'), numeric: true, cell: (s) => formatPercent(s.total) },
              { header: t('scales.columns.budget'), numeric: true, cell: (s) => (s.budgetChfMinor ? chf(s.budgetChfMinor) : <span className="hint">{t('scales.unknownBudget')}</span>) },
              { header: t('scales.columns.source'), cell: (s) => s.source },
            ]}
          />
        )}
        <Form method="get" action="/industrial-return/scales/go" className="row return-inline">
          <div className="field">
            <label htmlFor="year">{t('scales.openYear')}</label>
            <input id="year" name="year" type="number" min={1950} max={2200} defaultValue={thisYear} required />
          </div>
          <div>
            <button type="submit">{t('scales.open')}</button>
          </div>
        </Form>
      </section>
      <section className="card narrow" aria-labelledby="csv-heading">
        <h2 id="csv-heading">{t('scales.csv.heading')}</h2>
        <p className="hint">
          {t('scales.csv.columns')} <code>year,country_iso2,country,contribution_pct</code> {t('scales.csv.rows')}{' '}
          <a href="/industrial-return/scales/template.csv" download>
            {t('scales.csv.template')}
          </a>
          {t('scales.csv.checked')}
        </p>
        <UploadForm submitLabel={t('scales.csv.submit')}>
          <UploadField id="scale-file" label={t('scales.csv.file')} />
          <div className="field">
            <label htmlFor="source">{t('scales.source')}</label>
            <input id="source" name="source" type="text" required minLength={3} placeholder={t('scales.csv.sourcePlaceholder')} />
          </div>
          <div className="field">
            <label htmlFor="budget">{t('scales.csv.budget')}</label>
            <p className="hint" id="budget-hint">
              {t('scales.csv.budgetHint')}
            </p>
            <input id="budget" name="budget" type="text" inputMode="decimal" aria-describedby="budget-hint" />
          </div>
        </UploadForm>
      </section>
    </>
  )
}
