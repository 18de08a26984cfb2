import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { readUploadForm } from '~/http/request-body.server'
import { formatChf } from '~/money/amount'
import { budgetMinorOf } from '~/industrial-return/ledger/scale-form'
import { importContributionScalesCsv } from '~/industrial-return/ledger/scales.server'
import { formatPercent } from '~/industrial-return/views/format'
import { loadScales } from '~/industrial-return/views/return-inputs.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'
import { UploadField, UploadForm } from '~/ui/upload-field'

export const meta: MetaFunction = () => [{ title: 'Contribution scales · Industrial return · SoleSource' }]

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
  if (!upload.ok) return { errors: ['A scale file is small: this one is larger than 1 MB.'], warnings: [] }
  const { form } = upload
  const file = form.get('file')
  const source = String(form.get('source') ?? '').trim()
  const budgetText = String(form.get('budget') ?? '').trim()
  const errors: string[] = []
  if (!file || typeof file === 'string' || file.size === 0) errors.push('Choose a CSV file.')
  if (source.length < 3) errors.push('Say where the figures come from.')
  const budgetChfMinor = budgetText === '' ? null : budgetMinorOf(budgetText)
  if (budgetText !== '' && budgetChfMinor === null) errors.push('Enter the budget in CHF (e.g. 1234567890.00) or leave it empty.')
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
  return (
    <>
      <PageHeader title="Contribution scales" />
      <ReturnNav />
      {result && 'saved' in result && result.saved ? (
        <Notice tone="success" role="status">
          Saved the scale of {result.saved.join(', ')}. Coefficients and alerts were recomputed.
        </Notice>
      ) : null}
      {result?.errors.length ? <Notice tone="error" role="alert" title="Nothing was saved:" items={result.errors} /> : null}
      {result?.warnings.length ? <Notice title="Please check:" items={result.warnings} /> : null}
      <section className="card" aria-labelledby="scales-heading">
        <h2 id="scales-heading">Scales by year</h2>
        {scales.length === 0 ? (
          <p className="empty">No scale yet. Without one, no coefficient can be computed.</p>
        ) : (
          <SortableTable
            rows={scales}
            rowKey={(s) => String(s.year)}
            columns={[
              {
                header: 'Year',
                rowHeader: true,
                cell: (s) => (
                  <>
                    <Link to={`/industrial-return/scales/${s.year}`}>{s.year}</Link> {s.isDemo ? <span className="badge warn">demo</span> : null}
                  </>
                ),
              },
              { header: 'Countries', numeric: true, cell: (s) => s.countries },
              { header: 'Total', numeric: true, cell: (s) => formatPercent(s.total) },
              { header: 'Budget', numeric: true, cell: (s) => (s.budgetChfMinor ? formatChf(s.budgetChfMinor) : <span className="hint">unknown</span>) },
              { header: 'Source', cell: (s) => s.source },
            ]}
          />
        )}
        <Form method="get" action="/industrial-return/scales/go" className="row return-inline">
          <div className="field">
            <label htmlFor="year">Enter or change the scale of year</label>
            <input id="year" name="year" type="number" min={1950} max={2200} defaultValue={thisYear} required />
          </div>
          <div>
            <button type="submit">Open</button>
          </div>
        </Form>
      </section>
      <section className="card narrow" aria-labelledby="csv-heading">
        <h2 id="csv-heading">Import a scale file</h2>
        <p className="hint">
          Columns <code>year,country_iso2,country,contribution_pct</code> (one row per country, several years allowed).{' '}
          <a href="/industrial-return/scales/template.csv" download>
            Download the template
          </a>
          . Every scale is checked (known countries, members only, no duplicates, total 100% within 0.05 points); if any fails, none is saved.
        </p>
        <UploadForm submitLabel="Import scale">
          <UploadField id="scale-file" label="CSV file" />
          <div className="field">
            <label htmlFor="source">Source of the figures</label>
            <input id="source" name="source" type="text" required minLength={3} placeholder="e.g. Council document CERN/SPC/…" />
          </div>
          <div className="field">
            <label htmlFor="budget">Total budget in CHF (optional, single-year files only)</label>
            <p className="hint" id="budget-hint">
              With a budget for every year of a window, shares are budget-weighted; otherwise the plain mean is used.
            </p>
            <input id="budget" name="budget" type="text" inputMode="decimal" aria-describedby="budget-hint" />
          </div>
        </UploadForm>
      </section>
    </>
  )
}
