import { Form } from '@remix-run/react'
import { formatDate } from '~/calendar/format-date'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { Pager, SortableTable, sortLinksByKey, type Pagination, type SortLink, type TableColumn } from '~/ui/sortable-table'
import { JUSTIFICATION_STATUSES, statusLabels } from './labels'
import { JustificationLink, StatusBadge } from './list-cells'
import { ListFilterField } from './list-filter-field'
import type { JustificationListItem } from './list-item.server'
import type { FilterName } from './list-query'

// The "My justifications" page's pieces: its filter form and its table of a requester's and their group's justifications.

export function MyJustificationsFilters({ values, problems, filtered }: { values: { status: string; q: string }; problems: Partial<Record<FilterName, string>>; filtered: boolean }) {
  return (
    <Form method="get" className="card" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="visually-hidden">
        Filter
      </h2>
      <div className="row">
        <ListFilterField name="status" label="Status" problems={problems}>
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
        </ListFilterField>
        <ListFilterField name="q" label="Words in the reference, title or supplier" problems={problems}>
          {(aria) => <input {...aria} name="q" type="search" defaultValue={values.q} />}
        </ListFilterField>
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
  )
}

function myColumns(sortLinks: readonly SortLink[], personId: string): TableColumn<JustificationListItem>[] {
  const sort = sortLinksByKey(sortLinks)
  return [
    { header: sort('status'), cell: (item) => <StatusBadge status={item.status} /> },
    { header: sort('reference'), cell: (item) => <JustificationLink item={item} /> },
    {
      header: sort('title'),
      cell: (item) => (
        <>
          {item.title}
          {item.requesterId !== personId ? <span className="hint"> · filed by {item.requesterName}</span> : null}
        </>
      ),
    },
    { header: sort('amount'), cell: (item) => formatMoney(item.amountMinor, item.currency as Currency) },
    {
      header: 'In CHF',
      numeric: true,
      // Before submission no rate is fixed yet, unless the amount already is in CHF.
      cell: (item) => (item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : item.currency === 'CHF' ? formatChf(item.amountMinor) : <span className="hint">on submission</span>),
    },
    { header: sort('supplier'), cell: (item) => item.supplierName },
    {
      header: 'Waiting on',
      cell: (item) => item.awaitingPersonName ?? (item.decidedOn ? <span className="hint">decided {formatDate(item.decidedOn)}</span> : <span className="hint">—</span>),
    },
    { header: sort('created'), cell: (item) => formatDate(item.createdOn) },
  ]
}

export function MyJustificationsResults({
  items,
  pagination,
  columns,
  filtered,
  personId,
}: {
  items: JustificationListItem[]
  pagination: Pagination
  columns: readonly SortLink[]
  filtered: boolean
  personId: string
}) {
  if (items.length === 0) {
    return (
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
    )
  }
  return (
    <>
      <SortableTable caption={`My justifications and my group’s: ${pagination.total} in all`} columns={myColumns(columns, personId)} rows={items} rowKey={(item) => item.id} />
      <Pager pagination={pagination} counted={(total) => `${total} justifications`} />
    </>
  )
}
