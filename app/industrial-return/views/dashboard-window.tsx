import { Form, Link } from '@remix-run/react'
import { formatChf } from '~/money/amount'
import { CATEGORY_LABELS, describeMethod } from './format.ts'
import type { DashboardView } from './dashboard-view.ts'
import { Notice } from '~/ui/notice'
import { hasWindowErrors, type AskedWindow, type WindowErrors } from './dashboard-query.ts'
import { SelectField, YearWindowFields } from './window-fields.tsx'

const CATEGORY_OPTIONS: [string, string][] = [
  ['SUPPLIES', 'Supplies (country of origin)'],
  ['SERVICES', 'Services (country of establishment)'],
]

/** The dashboard's window and category form, and what the chosen window holds. */
export function DashboardWindowSection({ view, windowErrors = {}, askedWindow = null }: { view: DashboardView; windowErrors?: WindowErrors; askedWindow?: AskedWindow | null }) {
  const { query } = view
  const categoryLabel = CATEGORY_LABELS[query.category]
  return (
    <section className="card" aria-labelledby="window-heading">
      <h2 id="window-heading">Window and category</h2>
      {hasWindowErrors(windowErrors) ? (
        <Notice tone="error" role="alert">
          The window you asked for cannot be shown (see the years below): the figures are those of the default window, {view.windowLabel}.
        </Notice>
      ) : null}
      <Form method="get" className="return-filter">
        <div className="row">
          <YearWindowFields fromYear={query.window.fromYear} toYear={query.window.toYear} errors={windowErrors} asked={askedWindow} />
          <SelectField id="category" label="Category" value={query.category} options={CATEGORY_OPTIONS} />
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.direction} />
        <button type="submit">Show</button> {view.isDefaultWindow ? null : <Link to={`?category=${query.category}`}>Back to the default window</Link>}
      </Form>
      <p>
        {categoryLabel[0]!.toUpperCase() + categoryLabel.slice(1)}, calendar years {view.windowLabel}
        {view.isDefaultWindow ? ` — the default window of status year ${view.statusYear} (1 March ${view.statusYear} to end of February ${view.statusYear + 1})` : ''}. Compared with{' '}
        {view.previousWindowLabel}. Total {formatChf(view.totalValueChfMinor)} in {view.contractCount} contract{view.contractCount === 1 ? '' : 's'} (every country, members or not).
      </p>
      <p>{describeMethod(view.contributionMethod)}</p>
      <p className="hint">
        Scales in the window:{' '}
        {view.scaleYears.length === 0 ? 'none' : view.scaleYears.map((s) => `${s.year}${s.isDemo ? ' (demo)' : ''}${s.hasBudget ? '' : ' (no budget)'}`).join(', ')}
        {view.missingScaleYears.length ? `. No scale for ${view.missingScaleYears.join(', ')}: those years are left out of the mean.` : '.'} Bands: policy {view.bandPolicyVersion}.
      </p>
    </section>
  )
}
