import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { formatChf } from '~/money/amount'
import { acknowledgeAlert } from '~/industrial-return/alerts/alerts.server'
import { BandBadge } from '~/industrial-return/views/band-badge'
import { CoefficientChart, VeryPoorlyTrendChart } from '~/industrial-return/views/charts'
import { loadDashboard } from '~/industrial-return/views/dashboard.server'
import { EuropeMap } from '~/industrial-return/views/europe-map'
import { europeShapes, MAP_HEIGHT, MAP_WIDTH } from '~/industrial-return/views/europe-map.server'
import { CATEGORY_LABELS, describeMethod, formatDateTimeShort, formatPercent, NO_COEFFICIENT_REASONS } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import type { SortKey } from '~/industrial-return/views/return-view'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Industrial return · SoleSource' }]

const EUROPE = new Set(['AT', 'BE', 'BG', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HU', 'IT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'CY', 'HR', 'IE', 'LT', 'LV', 'TR', 'UA', 'IL'])

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const data = await loadDashboard(getDatabase(), new Date(), new URL(request.url).searchParams)
  return { ...data, map: { shapes: europeShapes(), width: MAP_WIDTH, height: MAP_HEIGHT } }
}

export async function action({ request }: ActionFunctionArgs) {
  const officer = await requireProcurementOfficer(request)
  const form = await readForm(request)
  const alertId = String(form.get('alertId') ?? '')
  if (form.get('intent') !== 'acknowledge' || !/^[0-9a-f-]{36}$/i.test(alertId)) return { error: 'Choose an alert to acknowledge.' }
  const outcome = await acknowledgeAlert(getDatabase(), alertId, { actorId: officer.id, now: new Date(), origin: requestOrigin(request) })
  if (outcome === 'NOT_FOUND') return { error: 'This alert no longer exists.' }
  return { ok: outcome === 'ALREADY' ? 'Someone acknowledged this alert already.' : 'Alert acknowledged. It stays in the alert history.' }
}

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'country', label: 'Country', numeric: false },
  { key: 'value', label: 'Contracts (CHF)', numeric: true },
  { key: 'share', label: 'Share of value', numeric: true },
  { key: 'contribution', label: 'Share of contributions', numeric: true },
  { key: 'coefficient', label: 'Coefficient', numeric: true },
  { key: 'change', label: 'Change', numeric: true },
]

export default function ReturnDashboard() {
  const { view, openAlerts, runningImports, demo, map } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const location = useLocation()
  const { query } = view
  const categoryLabel = CATEGORY_LABELS[query.category]
  const params = (changes: Record<string, string>) => {
    const next = new URLSearchParams(location.search)
    for (const [key, value] of Object.entries(changes)) next.set(key, value)
    return `?${next.toString()}`
  }
  const windowParams = new URLSearchParams({ from: String(query.window.fromYear), to: String(query.window.toYear), category: query.category, sort: query.sort, dir: query.direction })
  const bands = Object.fromEntries(view.rows.filter((r) => r.membership !== 'OTHER').map((r) => [r.countryCode, { band: r.band, coefficient: r.coefficient, name: r.name }]))
  const outside = view.rows.filter((r) => r.membership !== 'OTHER' && !EUROPE.has(r.countryCode)).map((r) => ({ countryCode: r.countryCode, name: r.name, band: r.band, coefficient: r.coefficient }))
  const hasCoefficients = view.rows.some((r) => r.coefficient !== null)
  const target = view.trend.find((p) => p.target !== null)

  return (
    <>
      <h1>Industrial return</h1>
      <ReturnNav />
      {demo.contracts || demo.scales.length ? (
        <p className="notice">
          <span className="badge warn">demo</span> This installation holds demo data: {demo.contracts ? 'contracts numbered DEMO-… are made up' : null}
          {demo.contracts && demo.scales.length ? '; ' : null}
          {demo.scales.length ? `the contribution scales of ${demo.scales.join(', ')} are made up` : null}. The 2009 scale is the real published one.
        </p>
      ) : null}
      {result && 'ok' in result ? (
        <p className="notice ok" role="status">
          {result.ok}
        </p>
      ) : null}
      {result && 'error' in result ? (
        <p className="notice danger" role="alert">
          {result.error}
        </p>
      ) : null}
      {runningImports.map((job) => (
        <p className="notice" key={job.id}>
          Import of {job.fileName} in progress ({job.percent}%): <Link to={`/industrial-return/import/${job.id}`}>follow it</Link>. Its contracts count once it is finished.
        </p>
      ))}

      <section className="card" id="alerts" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts ({openAlerts.length})</h2>
        {openAlerts.length === 0 ? (
          <p className="empty">No alert to acknowledge. Alerts appear here when a country enters or leaves “very poorly balanced” for supplies.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Alerts waiting to be acknowledged</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Change</th>
                <th scope="col" className="number">Coefficient</th>
                <th scope="col">Window</th>
                <th scope="col">Cause</th>
                <th scope="col">Raised</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {openAlerts.map((alert) => (
                <tr key={alert.id}>
                  <td>
                    {alert.countryName} ({alert.countryCode})
                  </td>
                  <td>{alert.entered ? <span className="badge danger">entered very poorly balanced</span> : <span className="badge ok">left very poorly balanced</span>}</td>
                  <td className="number">{alert.coefficient ?? '—'}</td>
                  <td>{alert.window}</td>
                  <td>{alert.cause}</td>
                  <td>{formatDateTimeShort(alert.raisedAt)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="alertId" value={alert.id} />
                      <button type="submit" name="intent" value="acknowledge" className="secondary" aria-label={`Acknowledge the alert for ${alert.countryName}`}>
                        Acknowledge
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <Link to="/industrial-return/alerts">Alert history</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="window-heading">
        <h2 id="window-heading">Window and category</h2>
        <Form method="get" className="return-filter">
          <div className="row">
            <div className="field">
              <label htmlFor="from">From year</label>
              <input id="from" name="from" type="number" min={1950} max={2200} defaultValue={query.window.fromYear} />
            </div>
            <div className="field">
              <label htmlFor="to">To year</label>
              <input id="to" name="to" type="number" min={1950} max={2200} defaultValue={query.window.toYear} />
            </div>
            <div className="field">
              <label htmlFor="category">Category</label>
              <select id="category" name="category" defaultValue={query.category}>
                <option value="SUPPLIES">Supplies (country of origin)</option>
                <option value="SERVICES">Services (country of establishment)</option>
              </select>
            </div>
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
          {view.scaleYears.length === 0
            ? 'none'
            : view.scaleYears.map((s) => `${s.year}${s.isDemo ? ' (demo)' : ''}${s.hasBudget ? '' : ' (no budget)'}`).join(', ')}
          {view.missingScaleYears.length ? `. No scale for ${view.missingScaleYears.join(', ')}: those years are left out of the mean.` : '.'} Bands: policy {view.bandPolicyVersion}.
        </p>
      </section>

      <section className="card" aria-labelledby="table-heading">
        <h2 id="table-heading">By country</h2>
        <p>
          <a href={`/industrial-return/export.csv?${windowParams.toString()}`} download>
            Download this table as CSV
          </a>
        </p>
        {view.rows.length === 0 ? (
          <p className="empty">No country yet: add countries, a contribution scale and contracts.</p>
        ) : (
          <div className="table-scroll">
            <table className="return-table">
              <caption>
                Industrial return for {categoryLabel}, {view.windowLabel}, sorted by {COLUMNS.find((c) => c.key === query.sort)?.label.toLowerCase()} ({query.direction === 'asc' ? 'ascending' : 'descending'})
              </caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => {
                    const active = query.sort === column.key
                    const nextDirection = active && query.direction === 'asc' ? 'desc' : 'asc'
                    return (
                      <th key={column.key} scope="col" className={column.numeric ? 'number' : undefined} aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                        <Link to={params({ sort: column.key, dir: nextDirection })} preventScrollReset>
                          {column.label}
                          {active ? (query.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                        </Link>
                      </th>
                    )
                  })}
                  <th scope="col">Band</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={row.countryCode}>
                    <th scope="row">
                      {row.name} <span className="hint">({row.countryCode})</span>
                      {row.membership === 'ASSOCIATE' ? <span className="hint"> associate</span> : null}
                      {row.membership === 'OTHER' ? <span className="hint"> non-member</span> : null}
                    </th>
                    <td className="number">{formatChf(row.valueChfMinor)}</td>
                    <td className="number">{formatPercent(row.contractSharePercent)}</td>
                    <td className="number">{row.membership === 'OTHER' ? '—' : formatPercent(row.contributionSharePercent)}</td>
                    <td className="number">{row.coefficient ?? '—'}</td>
                    <td className="number">{row.change ?? '—'}</td>
                    <td>
                      {row.band ? <BandBadge band={row.band} /> : <span className="hint">{row.noCoefficientReason ? NO_COEFFICIENT_REASONS[row.noCoefficientReason] : 'no coefficient'}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Coefficients</h2>
        <CoefficientChart rows={view.rows} thresholds={view.thresholds} windowLabel={view.windowLabel} categoryLabel={categoryLabel} />
      </section>

      <section className="card" aria-labelledby="map-heading">
        <h2 id="map-heading">Map of bands</h2>
        {hasCoefficients ? (
          <EuropeMap shapes={map.shapes} width={map.width} height={map.height} bands={bands} outside={outside} windowLabel={view.windowLabel} categoryLabel={categoryLabel} />
        ) : (
          <p className="empty">No band to map for {view.windowLabel}: the window needs a contribution scale and at least one contract.</p>
        )}
      </section>

      <div className="row">
        <section className="card" aria-labelledby="imbalanced-heading">
          <h2 id="imbalanced-heading">Six most imbalanced ({categoryLabel})</h2>
          {view.mostImbalanced.length === 0 ? (
            <p className="empty">No coefficient yet.</p>
          ) : (
            <ol>
              {view.mostImbalanced.map((country) => (
                <li key={country.countryCode}>
                  {country.name} ({country.countryCode}): {country.coefficient} <BandBadge band={country.band} />
                </li>
              ))}
            </ol>
          )}
          <p className="hint">For Industry Day planning: 25% of country Industry Days should target these states.</p>
        </section>
        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Very poorly balanced countries per status year</h2>
          <VeryPoorlyTrendChart points={view.trend} targetLabel={target ? 'from the policy' : 'none set'} />
          <table>
            <caption className="visually-hidden">Very poorly balanced countries (supplies) per status year, and the target</caption>
            <thead>
              <tr>
                <th scope="col">Status year</th>
                <th scope="col">Window</th>
                <th scope="col" className="number">Very poorly balanced</th>
                <th scope="col" className="number">Target</th>
              </tr>
            </thead>
            <tbody>
              {view.trend.map((p) => (
                <tr key={p.statusYear}>
                  <th scope="row">{p.statusYear}</th>
                  <td>{p.window}</td>
                  <td className="number">{p.veryPoorlyCount ?? '—'}</td>
                  <td className="number">{p.target ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  )
}
