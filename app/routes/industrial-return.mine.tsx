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
  const categoryParam = params.get('category')
  const category = categoryParam === 'SUPPLIES' || categoryParam === 'SERVICES' ? categoryParam : 'ALL'
  // Computed once per data change (ADR 029): the unit's return and whether any of its contracts is demo data.
  const figures = unit ? await loadUnitFigures(db, unit, window, category) : null
  // A window that cannot be shown is said so on the page (400), with the years as typed (as on the dashboard).
  return withStatus({
    windowErrors,
    askedWindow,
    unit: unit && { key: scopeKey(unit), label: unit.label, name: unit.name },
    choices: choices.map((u) => ({ key: scopeKey(u), label: `${u.label} · ${u.name}` })),
    heldCount: held.length,
    window,
    isDefaultWindow: window.fromYear === defaultWindow.fromYear && window.toYear === defaultWindow.toYear,
    windowLabel: formatWindow(window),
    category,
    unitReturn: figures?.unitReturn ?? null,
    hasDemo: figures?.hasDemo ?? false,
    digestFrequency: policy.digestFrequency === 'MONTHLY' ? 'every month' : 'every quarter',
  }, { status: hasWindowErrors(windowErrors) ? 400 : 200 })
}

const CATEGORY_OPTIONS: [string, string][] = [
  ['ALL', 'Supplies and services'],
  ['SUPPLIES', 'Supplies'],
  ['SERVICES', 'Services'],
]

export default function MyReturnPage() {
  const data = useLoaderData<typeof loader>()
  if (!data.unit || !data.unitReturn) {
    return (
      <>
        <PageHeader title="Our industrial return" />
        <div className="card narrow">
          <p className="empty">You lead no group and head no department, so there is no industrial return of your contracts to show. Group leaders and department heads find theirs here.</p>
        </div>
      </>
    )
  }
  const { unitReturn } = data
  return (
    <>
      <PageHeader title={`${data.unit.label}: where the contracts went`} />
      <p className="hint">
        {data.unit.name}. Contracts awarded in {data.windowLabel}
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
      <section className="card" aria-labelledby="unit-return-heading">
        <h2 id="unit-return-heading">
          {formatChf(unitReturn.totalValueChfMinor)} in {unitReturn.contractCount} contract{unitReturn.contractCount === 1 ? '' : 's'}
        </h2>
        {unitReturn.rows.length === 0 ? (
          <p className="empty">No contract of {data.unit.label} in {data.windowLabel}.</p>
        ) : (
          <UnitReturnTable unitReturn={unitReturn} unitLabel={data.unit.label} windowLabel={data.windowLabel} />
        )}
      </section>
    </>
  )
}
