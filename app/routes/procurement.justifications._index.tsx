import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { wellBalancedCountryCodes } from '~/industrial-return/views/filing-time.server'
import { goesToWellBalancedCountry } from '~/industrial-return/views/filing-time'
import { getDatabase } from '~/db/client.server'
import { JUSTIFICATION_STATUSES, statusBadge, statusLabels } from '~/justifications/labels'
import {
  filterQueryString,
  listAllJustifications,
  parseListQuery,
  procurementFilterOptions,
  PROCUREMENT_LIST_DEFAULT_SORT,
  sortableColumns,
  type FilterName,
} from '~/justifications/lists.server'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { formatDate } from '~/org/describe'

export const meta: MetaFunction = () => [{ title: 'All justifications · Procurement · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireProcurementOfficer(request)
  const db = getDatabase()
  const params = new URL(request.url).searchParams
  const { query, problems, values } = parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT)
  const [{ items: listed, pagination }, options, wellBalanced] = await Promise.all([
    listAllJustifications(db, person, query, params),
    procurementFilterOptions(db),
    wellBalancedCountryCodes(db, new Date()),
  ])
  // Single-source contracts going to well balanced countries are worth a second look (industrial return).
  const items = listed.map((item) => ({ ...item, toWellBalancedCountry: goesToWellBalancedCountry(wellBalanced, item) }))
  const columns = sortableColumns(params, query, [
    { key: 'status', label: 'Status' },
    { key: 'reference', label: 'Reference' },
    { key: 'title', label: 'Title' },
    { key: 'supplier', label: 'Supplier' },
    { key: 'amount', label: 'Amount in CHF' },
    { key: 'submitted', label: 'Submitted' },
  ])
  const filtered = Object.values(values).some((value) => value !== '')
  return { items, pagination, columns, problems, values, options, filtered, csvHref: `/procurement/justifications.csv${filterQueryString(params, { keepSort: true })}` }
}

export default function ProcurementJustificationsPage() {
  const { items, pagination, columns, problems, values, options, filtered, csvHref } = useLoaderData<typeof loader>()
  const column = (key: string) => columns.find((c) => c.key === key)!
  return (
    <>
      <h1>All justifications</h1>
      <Form method="get" className="card" aria-labelledby="filter-heading">
        <h2 id="filter-heading">Filter</h2>
        <div className="row">
          <Filter name="status" label="Status" problems={problems}>
            {(aria) => (
              <select {...aria} name="status" defaultValue={values.status}>
                <option value="">Any status</option>
                {JUSTIFICATION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {statusLabels[status]}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter name="department" label="Department" problems={problems}>
            {(aria) => (
              <select {...aria} name="department" defaultValue={values.department}>
                <option value="">Any department</option>
                {options.departments.map((department) => (
                  <option key={department.id} value={department.id}>
                    {department.code} · {department.name}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter name="group" label="Group that carries it" problems={problems}>
            {(aria) => (
              <select {...aria} name="group" defaultValue={values.group}>
                <option value="">Any group</option>
                {options.groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.code} · {group.name}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter name="country" label="Supplier’s country" problems={problems}>
            {(aria) => (
              <select {...aria} name="country" defaultValue={values.country.toUpperCase()}>
                <option value="">Any country</option>
                {options.countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Filter>
        </div>
        <div className="row">
          <Filter name="minChf" label="Amount in CHF, from" hint="e.g. 10'000" problems={problems}>
            {(aria) => <input {...aria} name="minChf" type="text" inputMode="decimal" defaultValue={values.minChf} />}
          </Filter>
          <Filter name="maxChf" label="Amount in CHF, up to" hint="inclusive" problems={problems}>
            {(aria) => <input {...aria} name="maxChf" type="text" inputMode="decimal" defaultValue={values.maxChf} />}
          </Filter>
          <Filter name="from" label="Submitted from" hint="first day" problems={problems}>
            {(aria) => <input {...aria} name="from" type="date" defaultValue={values.from} />}
          </Filter>
          <Filter name="to" label="Submitted until" hint="last day, inclusive" problems={problems}>
            {(aria) => <input {...aria} name="to" type="date" defaultValue={values.to} />}
          </Filter>
        </div>
        <div className="row">
          <Filter name="q" label="Words in the reference, title or supplier" problems={problems}>
            {(aria) => <input {...aria} name="q" type="search" defaultValue={values.q} />}
          </Filter>
        </div>
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <button type="submit">Filter</button>
          {filtered ? <a href="/procurement/justifications">Clear the filters</a> : null}
          <a href={csvHref} download>
            Download this list as CSV
          </a>
        </div>
      </Form>

      {items.length === 0 ? (
        <p className="card empty">{filtered ? 'No justification matches these filters.' : 'Nobody has filed a justification yet.'}</p>
      ) : (
        <>
          <table>
            <caption className="visually-hidden">All justifications matching the filters: {pagination.total}</caption>
            <thead>
              <tr>
                <SortHeader column={column('status')} />
                <SortHeader column={column('reference')} />
                <SortHeader column={column('title')} />
                <th scope="col">Group</th>
                <SortHeader column={column('supplier')} />
                <SortHeader column={column('amount')} />
                <SortHeader column={column('submitted')} />
                <th scope="col">Waiting on</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <span className={`badge ${statusBadge[item.status]}`}>{statusLabels[item.status]}</span>
                  </td>
                  <td>
                    <a href={`/justifications/${item.id}`}>{item.reference}</a>
                  </td>
                  <td>
                    {item.title}
                    <br />
                    <span className="hint">filed by {item.requesterName}</span>
                  </td>
                  <td>
                    {item.groupCode}
                    <br />
                    <span className="hint">{item.departmentCode}</span>
                  </td>
                  <td>
                    {item.supplierName}
                    <br />
                    <span className="hint">{item.supplierCountryName}</span>
                  </td>
                  <td className="number">
                    {item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : <span className="hint">not submitted</span>}
                    {item.currency !== 'CHF' ? (
                      <>
                        <br />
                        <span className="hint">{formatMoney(item.amountMinor, item.currency as Currency)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{item.submittedOn ? formatDate(item.submittedOn) : '—'}</td>
                  <td>{item.awaitingPersonName ?? '—'}</td>
                  <td>
                    {item.splitPurchaseFlag ? <span className="badge warn">Possible split purchase</span> : null}
                    {item.toWellBalancedCountry ? <span className="badge">To a well balanced country</span> : null}
                    {!item.splitPurchaseFlag && !item.toWellBalancedCountry ? <span className="hint">None</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pagination.pageCount > 1 ? (
            <nav aria-label="Pages" style={{ display: 'flex', gap: '1.5rem', marginTop: '1rem' }}>
              {pagination.previousHref ? <a href={pagination.previousHref}>← Previous page</a> : null}
              <span>
                Page {pagination.page} of {pagination.pageCount} ({pagination.total} justifications)
              </span>
              {pagination.nextHref ? <a href={pagination.nextHref}>Next page →</a> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  )
}

function Filter({
  name,
  label,
  hint,
  problems,
  children,
}: {
  name: FilterName
  label: string
  hint?: string
  problems: Partial<Record<FilterName, string>>
  children: (aria: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode
}) {
  const id = `filter-${name}`
  const problem = problems[name]
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy })}
      {problem ? (
        <p className="error" id={`${id}-error`}>
          {problem}
        </p>
      ) : null}
    </div>
  )
}

type Column = { key: string; label: string; href: string; ariaSort?: 'ascending' | 'descending' | undefined; numeric: boolean }

function SortHeader({ column }: { column: Column }) {
  const arrow = column.ariaSort === 'ascending' ? ' ▲' : column.ariaSort === 'descending' ? ' ▼' : ''
  return (
    <th scope="col" aria-sort={column.ariaSort} className={column.numeric ? 'number' : undefined}>
      <a href={column.href}>
        {column.label}
        <span aria-hidden="true">{arrow}</span>
        <span className="visually-hidden">{column.ariaSort ? `, sorted ${column.ariaSort}; click to reverse` : ', click to sort'}</span>
      </a>
    </th>
  )
}
