import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { categoryTitle, describeMethod } from './format.ts'
import type { DashboardView } from './dashboard-view.ts'
import { Notice } from '~/ui/notice'
import { hasWindowErrors, type AskedWindow, type WindowErrors } from './dashboard-query.ts'
import { SelectField, YearWindowFields } from './window-fields.tsx'

/** The dashboard's window and category form, and what the chosen window holds. */
export function DashboardWindowSection({ view, windowErrors = {}, askedWindow = null }: { view: DashboardView; windowErrors?: WindowErrors; askedWindow?: AskedWindow | null }) {
  const { t } = useTranslation('industrial-return')
  const { chf } = useFormats()
  const { query } = view
  const scales =
    view.scaleYears.length === 0
      ? t('window.scalesNone')
      : view.scaleYears.map((s) => `${s.year}${s.isDemo ? ` ${t('window.scaleDemo')}` : ''}${s.hasBudget ? '' : ` ${t('window.scaleNoBudget')}`}`).join(', ')
  return (
    <section className="card" aria-labelledby="window-heading">
      <h2 id="window-heading">{t('window.heading')}</h2>
      {hasWindowErrors(windowErrors) ? (
        <Notice tone="error" role="alert">
          {t('window.cannotShow', { window: view.windowLabel })}
        </Notice>
      ) : null}
      <Form method="get" className="return-filter">
        <div className="row">
          <YearWindowFields fromYear={query.window.fromYear} toYear={query.window.toYear} errors={windowErrors} asked={askedWindow} />
          <SelectField
            id="category"
            label={t('window.category')}
            value={query.category}
            options={[
              ['SUPPLIES', t('window.categorySupplies')],
              ['SERVICES', t('window.categoryServices')],
            ]}
          />
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.direction} />
        <button type="submit">{t('window.show')}</button> {view.isDefaultWindow ? null : <Link to={`?category=${query.category}`}>{t('window.backToDefault')}</Link>}
      </Form>
      <p>
        {t('window.yearsOf', { category: categoryTitle(t, query.category), window: view.windowLabel })}
        {view.isDefaultWindow ? t('window.defaultOfStatusYear', { statusYear: view.statusYear, nextYear: view.statusYear + 1 }) : ''}
        {t('window.comparedTotal', { previous: view.previousWindowLabel, total: chf(view.totalValueChfMinor), count: view.contractCount })}
      </p>
      <p>{describeMethod(t, view.contributionMethod)}</p>
      <p className="hint">
        {t('window.scalesInWindow', { scales })}
        {view.missingScaleYears.length ? t('window.missingScales', { years: view.missingScaleYears.join(', ') }) : '.'} {t('window.bandsPolicy', { version: view.bandPolicyVersion })}
      </p>
    </section>
  )
}
