import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { formatChf } from '~/money/amount'
import { isoDateIn } from '~/industrial-return/dates'
import { formatPercent } from '~/industrial-return/views/format'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { parseUnitScope, scopeKey } from '~/industrial-return/ledger/rollup.server'
import { parseDashboardQuery } from '~/industrial-return/views/dashboard-query'
import { allUnits, loadUnitReturn, unitsHeldBy } from '~/industrial-return/views/units.server'
import { formatWindow, statusYearOf } from '~/industrial-return/arithmetic/window'

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
  const { window, defaultWindow } = parseDashboardQuery(params, { statusYear: statusYearOf(isoDateIn(now)), policy })
  const categoryParam = params.get('category')
  const category = categoryParam === 'SUPPLIES' || categoryParam === 'SERVICES' ? categoryParam : 'ALL'
  const spread = unit ? await loadUnitReturn(db, unit, window, category) : null
  const hasDemo = unit ? (await db.contract.findFirst({ where: { source: 'DEMO', ...(unit.kind === 'GROUP' ? { groupId: unit.id } : { departmentId: unit.id }) }, select: { id: true } })) !== null : false
  return {
    unit: unit && { key: scopeKey(unit), label: unit.label, name: unit.name },
    choices: choices.map((u) => ({ key: scopeKey(u), label: `${u.label} · ${u.name}` })),
    heldCount: held.length,
    window,
    isDefaultWindow: window.fromYear === defaultWindow.fromYear && window.toYear === defaultWindow.toYear,
    windowLabel: formatWindow(window),
    category,
    spread,
    hasDemo,
    digestFrequency: policy.digestFrequency === 'MONTHLY' ? 'every month' : 'every quarter',
  }
}

export default function MyReturnPage() {
  const data = useLoaderData<typeof loader>()
  if (!data.unit || !data.spread) {
    return (
      <>
        <h1>Our industrial return</h1>
        <div className="card narrow">
          <p className="empty">You lead no group and head no department, so there is no spread of contracts to show you. Group leaders and department heads find theirs here.</p>
        </div>
      </>
    )
  }
  const { spread } = data
  return (
    <>
      <h1>
        {data.unit.label}: where the contracts went
      </h1>
      <p className="hint">
        {data.unit.name}. Contracts awarded in {data.windowLabel}
        {data.isDefaultWindow ? ' (the window of the current status year)' : ''}, by the country they count for in the industrial return (origin of the goods for supplies,
        supplier’s country for services). You also receive this summary by email {data.digestFrequency}.
      </p>
      {data.hasDemo ? (
        <p className="notice">
          <span className="badge warn">demo</span> Contracts numbered DEMO-… are made-up demo data.
        </p>
      ) : null}
      <Form method="get" className="card return-filter">
        <div className="row">
          {data.choices.length > 1 ? (
            <div className="field">
              <label htmlFor="unit">Department or group</label>
              <select id="unit" name="unit" defaultValue={data.unit.key}>
                {data.choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="unit" value={data.unit.key} />
          )}
          <div className="field">
            <label htmlFor="from">From year</label>
            <input id="from" name="from" type="number" min={1950} max={2200} defaultValue={data.window.fromYear} />
          </div>
          <div className="field">
            <label htmlFor="to">To year</label>
            <input id="to" name="to" type="number" min={1950} max={2200} defaultValue={data.window.toYear} />
          </div>
          <div className="field">
            <label htmlFor="category">Category</label>
            <select id="category" name="category" defaultValue={data.category}>
              <option value="ALL">Supplies and services</option>
              <option value="SUPPLIES">Supplies</option>
              <option value="SERVICES">Services</option>
            </select>
          </div>
        </div>
        <button type="submit">Show</button>
      </Form>
      <section className="card" aria-labelledby="unit-spread-heading">
        <h2 id="unit-spread-heading">
          {formatChf(spread.totalValueChfMinor)} in {spread.contractCount} contract{spread.contractCount === 1 ? '' : 's'}
        </h2>
        {spread.rows.length === 0 ? (
          <p className="empty">No contract of {data.unit.label} in {data.windowLabel}.</p>
        ) : (
          <table>
            <caption>
              Contracts of {data.unit.label} by country, {data.windowLabel}, compared with the whole organisation ({formatChf(spread.organisationTotalChfMinor)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col" className="number">Value</th>
                <th scope="col" className="number">Contracts</th>
                <th scope="col" className="number">Share</th>
                <th scope="col" className="number">Organisation’s share</th>
                <th scope="col" className="number">Difference (points)</th>
              </tr>
            </thead>
            <tbody>
              {spread.rows.map((row) => {
                const difference = row.sharePercent - row.organisationSharePercent
                return (
                  <tr key={row.countryCode}>
                    <th scope="row">
                      {row.name} <span className="hint">({row.countryCode})</span>
                    </th>
                    <td className="number">{formatChf(row.valueChfMinor)}</td>
                    <td className="number">{row.contractCount}</td>
                    <td className="number">{formatPercent(row.sharePercent, 1)}</td>
                    <td className="number">{formatPercent(row.organisationSharePercent, 1)}</td>
                    <td className="number">
                      {difference >= 0 ? '+' : '−'}
                      {Math.abs(difference).toFixed(1)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
