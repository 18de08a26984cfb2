import { data as withStatus, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePerson } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { parseUnitScope, scopeKey } from '~/industrial-return/ledger/rollup.server'
import { hasWindowErrors, parseDashboardQuery } from '~/industrial-return/views/dashboard-query'
import { allUnits, loadUnitFigures, unitsHeldBy } from '~/industrial-return/views/units.server'
import { formatWindow, statusYearOf } from '~/industrial-return/arithmetic/window'
import { categoryName, categoryTitle, unitLabel } from '~/industrial-return/views/format'
import { UnitReturnTable } from '~/industrial-return/views/unit-return-table'
import { SelectField, YearWindowFields } from '~/industrial-return/views/window-fields'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'

export const handle: RouteHandle = { i18n: 'industrial-return', title: (t) => t('industrial-return:mine.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const db = getDatabase()
  const now = new Date()
  const params = new URL(request.url).searchParams
  const held = await unitsHeldBy(db, person.id, now)
  const seesAll = person.isProcurementOfficer || person.isAdministrator
  const choices = seesAll ? await allUnits(db) : held
  const asked = parseUnitScope(params.get('unit'))
  const unit = (asked && choices.find((u) => scopeKey(u) === scopeKey(asked))) ?? held[0] ?? (seesAll ? choices[0] : undefined) ?? null
  const policy = await loadReturnPolicy(db, now)
  const { window, defaultWindow, windowErrors, askedWindow } = parseDashboardQuery(params, { statusYear: statusYearOf(calendarDateIn(now)), policy })
  // Supplies and services apart unless asked otherwise: each has its own bands (issue 13, point 11).
  const categoryParam = params.get('category')
  const category: CategoryChoice = categoryParam === 'SUPPLIES' || categoryParam === 'SERVICES' || categoryParam === 'ALL' ? categoryParam : 'APART'
  const shown = category === 'APART' ? (['SUPPLIES', 'SERVICES'] as const) : ([category] as const)
  // Computed once per data change (ADR 029): the unit's return, its countries' bands, and whether any of its contracts is demo data.
  const figures = unit ? await Promise.all(shown.map((one) => loadUnitFigures(db, unit, window, one, now))) : null
  // A window that cannot be shown is said so on the page (400), with the years as typed (as on the dashboard).
  return withStatus({
    windowErrors,
    askedWindow,
    // Labels ("Group EN-MME") are written by the page, in its reader's language.
    unit: unit && { key: scopeKey(unit), kind: unit.kind, code: unit.code, name: unit.name, deputyFor: unit.deputyFor ?? null },
    choices: choices.map((u) => ({ key: scopeKey(u), kind: u.kind, code: u.code, name: u.name })),
    heldCount: held.length,
    window,
    isDefaultWindow: window.fromYear === defaultWindow.fromYear && window.toYear === defaultWindow.toYear,
    windowLabel: formatWindow(window),
    category,
    unitReturns: figures?.map((one) => one.unitReturn) ?? null,
    hasDemo: figures?.some((one) => one.hasDemo) ?? false,
    digestFrequency: policy.digestFrequency,
  }, { status: hasWindowErrors(windowErrors) ? 400 : 200 })
}

type CategoryChoice = 'APART' | 'ALL' | 'SUPPLIES' | 'SERVICES'

const CATEGORY_CHOICES: CategoryChoice[] = ['APART', 'ALL', 'SUPPLIES', 'SERVICES']

export default function MyReturnPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('industrial-return')
  const { chf } = useFormats()
  if (!data.unit || !data.unitReturns) {
    return (
      <>
        <PageHeader title={t('mine.title')} />
        <div className="card narrow">
          <p className="empty">{t('mine.nothingToShow')}</p>
        </div>
      </>
    )
  }
  const { unitReturns } = data
  const label = unitLabel(t, data.unit)
  return (
    <>
      <PageHeader title={t('mine.heading', { unit: label })} />
      <p className="hint">
        {data.unit.name}
        {data.unit.deputyFor ? t('mine.asDeputy', { name: data.unit.deputyFor }) : ''}
        {t('mine.awardedIn', { window: data.windowLabel })}
        {data.isDefaultWindow ? t('mine.currentWindow') : ''}
        {t('mine.byCountry', { frequency: t(data.digestFrequency === 'MONTHLY' ? 'mine.everyMonth' : 'mine.everyQuarter') })}
      </p>
      {data.hasDemo ? (
        <Notice>
          <span className="badge warn">{t('demo.badge')}</span> {t('mine.demo')}
        </Notice>
      ) : null}
      {hasWindowErrors(data.windowErrors) ? (
        <Notice tone="error" role="alert">
          {t('window.cannotShow', { window: data.windowLabel })}
        </Notice>
      ) : null}
      <Form method="get" className="card return-filter">
        <div className="row">
          {data.choices.length > 1 ? (
            <SelectField id="unit" label={t('mine.unit')} value={data.unit.key} options={data.choices.map((c) => [c.key, `${unitLabel(t, c)} · ${c.name}`] as const)} />
          ) : (
            <input type="hidden" name="unit" value={data.unit.key} />
          )}
          <YearWindowFields fromYear={data.window.fromYear} toYear={data.window.toYear} errors={data.windowErrors} asked={data.askedWindow} />
          <SelectField id="category" label={t('window.category')} value={data.category} options={CATEGORY_CHOICES.map((choice) => [choice, t(`mine.categories.${choice}`)] as const)} />
        </div>
        <button type="submit">{t('window.show')}</button>
      </Form>
      {unitReturns.map((unitReturn) => {
        const headingId = `unit-return-heading-${unitReturn.category.toLowerCase()}`
        const values = { total: chf(unitReturn.totalValueChfMinor), count: unitReturn.contractCount }
        return (
          <section key={unitReturn.category} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {unitReturn.category === 'ALL' ? t('mine.totalAll', values) : t('mine.totalCategory', { ...values, category: categoryTitle(t, unitReturn.category) })}
            </h2>
            {unitReturn.category === 'ALL' ? <p className="hint">{t('mine.bandsPerCategory')}</p> : null}
            {unitReturn.rows.length === 0 ? (
              <p className="empty">
                {unitReturn.category === 'ALL'
                  ? t('mine.noContract', { unit: label, window: data.windowLabel })
                  : t('mine.noContractOf', { category: categoryName(t, unitReturn.category), unit: label, window: data.windowLabel })}
              </p>
            ) : (
              <UnitReturnTable unitReturn={unitReturn} unitLabel={label} windowLabel={data.windowLabel} />
            )}
          </section>
        )
      })}
    </>
  )
}
