import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { JUSTIFICATION_STATUSES, statusBadge, statusLabels } from '~/justifications/labels'
import { listMyJustifications, MY_LIST_DEFAULT_SORT, parseListQuery, sortableColumns } from '~/justifications/lists.server'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { formatDate } from '~/org/describe'

export const meta: MetaFunction = () => [{ title: 'My justifications · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const params = new URL(request.url).searchParams
  const { query, problems, values } = parseListQuery(params, MY_LIST_DEFAULT_SORT)
  const { items, pagination } = await listMyJustifications(getDatabase(), person, query, params)
  const columns = sortableColumns(params, query, [
    { key: 'status', label: 'Status' },
    { key: 'reference', label: 'Reference' },
    { key: 'title', label: 'Title' },
    { key: 'amount', label: 'Amount' },
    { key: 'supplier', label: 'Supplier' },
    { key: 'created', label: 'Filed' },
  ])
  const filtered = Boolean(query.status || query.q)
  return { items, pagination, columns, problems, values: { status: values.status, q: values.q }, filtered, personId: person.id }
}

export default function MyJustificationsPage() {
  const { items, pagination, columns, problems, values, filtered, personId } = useLoaderData<typeof loader>()
  const column = (key: string) => columns.find((c) => c.key === key)!
  return (
    <>
      <h1>My justifications</h1>
      <p>
        Single-source justifications you filed, and those of your group. <a href="/justifications/new">File a new justification</a>
      </p>
      <Form method="get" className="card" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="visually-hidden">
          Filter
        </h2>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" name="status" defaultValue={values.status} aria-invalid={problems.status ? true : undefined} aria-describedby={problems.status ? 'filter-status-error' : undefined}>
              <option value="">Any status</option>
              {JUSTIFICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabels[status]}
                </option>
              ))}
            </select>
            {problems.status ? (
              <p className="error" id="filter-status-error">
                {problems.status}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="filter-q">Words in the reference, title or supplier</label>
            <input id="filter-q" name="q" type="search" defaultValue={values.q} aria-invalid={problems.q ? true : undefined} aria-describedby={problems.q ? 'filter-q-error' : undefined} />
            {problems.q ? (
              <p className="error" id="filter-q-error">
                {problems.q}
              </p>
            ) : null}
          </div>
        </div>
        <div className="row" style={{ alignItems: 'center' }}>
          <div style={{ flex: '0 0 auto' }}>
            <button type="submit">Filter</button>
          </div>
          {filtered ? (
            <div style={{ flex: '0 0 auto' }}>
              <a href="/justifications">Show all</a>
            </div>
          ) : null}
        </div>
      </Form>

      {items.length === 0 ? (
        <div className="card">
          {filtered ? (
            <p className="empty">
              No justification matches these filters. <a href="/justifications">Show all</a>
            </p>
          ) : (
            <>
              <p className="empty">Neither you nor your group has filed a justification yet.</p>
              <p>
                <a className="button" href="/justifications/new">
                  File a justification
                </a>
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          <table>
            <caption className="visually-hidden">My justifications and my group’s: {pagination.total} in all</caption>
            <thead>
              <tr>
                {(['status', 'reference', 'title'] as const).map((key) => (
                  <SortHeader key={key} column={column(key)} />
                ))}
                <SortHeader column={column('amount')} />
                <th scope="col" className="number">
                  In CHF
                </th>
                <SortHeader column={column('supplier')} />
                <th scope="col">Waiting on</th>
                <SortHeader column={column('created')} />
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
                    {item.requesterId !== personId ? <span className="hint"> · filed by {item.requesterName}</span> : null}
                  </td>
                  <td className="number">{formatMoney(item.amountMinor, item.currency as Currency)}</td>
                  <td className="number">
                    {item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : item.currency === 'CHF' ? formatChf(item.amountMinor) : <span className="hint">on submission</span>}
                  </td>
                  <td>{item.supplierName}</td>
                  <td>
                    {item.awaitingPersonName ?? (item.decidedOn ? <span className="hint">decided {formatDate(item.decidedOn)}</span> : <span className="hint">—</span>)}
                  </td>
                  <td>{formatDate(item.createdOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pagination={pagination} />
        </>
      )}
    </>
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

function Pager({ pagination }: { pagination: { page: number; pageCount: number; total: number; previousHref: string | null; nextHref: string | null } }) {
  if (pagination.pageCount <= 1) return null
  return (
    <nav aria-label="Pages" className="row" style={{ marginTop: '1rem' }}>
      <span>{pagination.previousHref ? <a href={pagination.previousHref}>← Previous page</a> : null}</span>
      <span>
        Page {pagination.page} of {pagination.pageCount} ({pagination.total} justifications)
      </span>
      <span>{pagination.nextHref ? <a href={pagination.nextHref}>Next page →</a> : null}</span>
    </nav>
  )
}
