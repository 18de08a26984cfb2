import { data as withStatus, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { formatChf } from '~/money/amount'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { parseUnitScope, scopeKey } from '~/industrial-return/ledger/rollup.server'
import { hasWindowErrors, parseDashboardQuery } from '~/industrial-return/views/dashboard-query'
import { allUnits, loadUnitFigures, unitsHeldBy } from '~/industrial-return/views/units.server'
import { formatWindow, statusYearOf } from '~/industrial-return/arithmetic/window'
import { UnitReturnTable } from '~/industrial-return/views/unit-return-table'
import { SelectField, YearWindowFields } from '~/industrial-return/views/window-fields'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Our industrial return · SoleSource' }]

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
    unit: unit && { key: scopeKey(unit), label: unit.label, name: unit.name, deputyFor: unit.deputyFor ?? null },
    choices: choices.map((u) => ({ key: scopeKey(u), label: `${u.label} · ${u.name}` })),
    heldCount: held.length,
    window,
    isDefaultWindow: window.fromYear === defaultWindow.fromYear && window.toYear === defaultWindow.toYear,
    windowLabel: formatWindow(window),
    category,
    unitReturns: figures?.map((one) => one.unitReturn) ?? null,
    hasDemo: figures?.some((one) => one.hasDemo) ?? false,
    digestFrequency: policy.digestFrequency === 'MONTHLY' ? 'every month' : 'every quarter',
  }, { status: hasWindowErrors(windowErrors) ? 400 : 200 })
}

type CategoryChoice = 'APART' | 'ALL' | 'SUPPLIES' | 'SERVICES'

const CATEGORY_OPTIONS: [CategoryChoice, string][] = [
  ['APART', 'Supplies and services apart'],
  ['ALL', 'Supplies and services together'],
  ['SUPPLIES', 'Supplies'],
  ['SERVICES', 'Services'],
]

export default function MyReturnPage() {
  const data = useLoaderData<typeof loader>()
  if (!data.unit || !data.unitReturns) {
    return (
      <>
        <PageHeader title="Our industrial return" />
        <div className="card narrow">
          <p className="empty">
            You lead no group, head no department and stand in for nobody who does, so there is no industrial return of your contracts to show. Group leaders, department heads and
            their deputies find theirs here.
          </p>
        </div>
      </>
    )
  }
  const { unitReturns } = data
  return (
    <>
      <PageHeader title={`${data.unit.label}: where the contracts went`} />
      <p className="hint">
        {data.unit.name}
        {data.unit.deputyFor ? ` (you see it as the deputy of ${data.unit.deputyFor})` : ''}. Contracts awarded in {data.windowLabel}
        {data.isDefaultWindow ? ' (the window of the current status year)' : ''}, by the country they count for in the industrial return (origin of the goods for supplies,
        supplier’s country for services). You also receive this summary by email {data.digestFrequency}.
      </p>
      {data.hasDemo ? (
        <Notice>
          <span className="badge warn">demo</span> Contracts numbered DEMO-… are made-up demo data.
        </Notice>
      ) : null}
      {hasWindowErrors(data.windowErrors) ? (
        <Notice tone="error" role="alert">
          The window you asked for cannot be shown (see the years below): the figures are those of the default window, {data.windowLabel}.
        </Notice>
      ) : null}
      <Form method="get" className="card return-filter">
        <div className="row">
          {data.choices.length > 1 ? (
            <SelectField id="unit" label="Department or group" value={data.unit.key} options={data.choices.map((c) => [c.key, c.label] as const)} />
          ) : (
            <input type="hidden" name="unit" value={data.unit.key} />
          )}
          <YearWindowFields fromYear={data.window.fromYear} toYear={data.window.toYear} errors={data.windowErrors} asked={data.askedWindow} />
          <SelectField id="category" label="Category" value={data.category} options={CATEGORY_OPTIONS} />
        </div>
        <button type="submit">Show</button>
      </Form>
      {unitReturns.map((unitReturn) => {
        const headingId = `unit-return-heading-${unitReturn.category.toLowerCase()}`
        const categoryLabel = unitReturn.category === 'ALL' ? 'Supplies and services' : unitReturn.category === 'SUPPLIES' ? 'Supplies' : 'Services'
        return (
          <section key={unitReturn.category} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {categoryLabel}: {formatChf(unitReturn.totalValueChfMinor)} in {unitReturn.contractCount} contract{unitReturn.contractCount === 1 ? '' : 's'}
            </h2>
            {unitReturn.category === 'ALL' ? <p className="hint">Bands are per category: show supplies and services apart to see each country’s band.</p> : null}
            {unitReturn.rows.length === 0 ? (
              <p className="empty">
                No {unitReturn.category === 'ALL' ? '' : `${categoryLabel.toLowerCase()} `}contract of {data.unit!.label} in {data.windowLabel}.
              </p>
            ) : (
              <UnitReturnTable unitReturn={unitReturn} unitLabel={data.unit!.label} windowLabel={data.windowLabel} />
            )}
          </section>
        )
      })}
    </>
  )
}
