import { Form } from '@remix-run/react'
import { formatDate } from '~/calendar/format-date'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { Pager, SortableTable, sortLinksByKey, type Pagination, type SortLink, type TableColumn } from '~/ui/sortable-table'
import { JUSTIFICATION_STATUSES, statusLabels } from './labels'
import { JustificationLink, QuoteMissingBadge, StatusBadge, SupplierCell, WithHint } from './list-cells'
import { ListFilterField } from './list-filter-field'
import type { JustificationListItem } from './list-item.server'
import type { FilterName } from './list-query'

// Procurement's "All justifications" page: its filter form and its table of every justification.

type Problems = Partial<Record<FilterName, string>>
type Option = { value: string; label: string }
export type AllJustificationsFilterOptions = {
  departments: { id: string; code: string; name: string }[]
  groups: { id: string; code: string; name: string }[]
  countries: { code: string; name: string }[]
}
/**
 * A row of the list, with the industrial return's flag for contracts going to a well balanced
 * country, its number of current documents and whether a quote is expected and missing.
 */
export type AllJustificationsItem = JustificationListItem & { toWellBalancedCountry: boolean; documentCount: number; quoteMissing: boolean }

function ChoiceFilter({ name, label, any, options, value, problems }: { name: FilterName; label: string; any: string; options: Option[]; value: string; problems: Problems }) {
  return (
    <ListFilterField name={name} label={label} problems={problems}>
      {(aria) => (
        <select {...aria} name={name} defaultValue={value}>
          <option value="">{any}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </ListFilterField>
  )
}

const codeAndName = (entry: { code: string; name: string }) => `${entry.code} · ${entry.name}`

export function AllJustificationsFilters({
  values,
  problems,
  options,
  filtered,
  downloads,
}: {
  values: Record<FilterName, string>
  problems: Problems
  options: AllJustificationsFilterOptions
  filtered: boolean
  /** The list as CSV, and its justifications' PDFs as one ZIP while there are at most `zipLimit`. */
  downloads: { csvHref: string; zipHref: string; zipLimit: number; total: number }
}) {
  return (
    <Form method="get" className="card" aria-labelledby="filter-heading">
      <h2 id="filter-heading">Filter</h2>
      <div className="row">
        <ChoiceFilter name="status" label="Status" any="Any status" options={JUSTIFICATION_STATUSES.map((status) => ({ value: status, label: statusLabels[status] }))} value={values.status} problems={problems} />
        <ChoiceFilter name="department" label="Department" any="Any department" options={options.departments.map((d) => ({ value: d.id, label: codeAndName(d) }))} value={values.department} problems={problems} />
        <ChoiceFilter name="group" label="Group that carries it" any="Any group" options={options.groups.map((g) => ({ value: g.id, label: codeAndName(g) }))} value={values.group} problems={problems} />
        <ChoiceFilter name="country" label="Supplier’s country" any="Any country" options={options.countries.map((c) => ({ value: c.code, label: c.name }))} value={values.country.toUpperCase()} problems={problems} />
      </div>
      <div className="row">
        <ListFilterField name="minChf" label="Amount in CHF, from" hint="e.g. 10'000" problems={problems}>
          {(aria) => <input {...aria} name="minChf" type="text" inputMode="decimal" defaultValue={values.minChf} />}
        </ListFilterField>
        <ListFilterField name="maxChf" label="Amount in CHF, up to" hint="inclusive" problems={problems}>
          {(aria) => <input {...aria} name="maxChf" type="text" inputMode="decimal" defaultValue={values.maxChf} />}
        </ListFilterField>
        <ListFilterField name="from" label="Submitted from" hint="first day" problems={problems}>
          {(aria) => <input {...aria} name="from" type="date" defaultValue={values.from} />}
        </ListFilterField>
        <ListFilterField name="to" label="Submitted until" hint="last day, inclusive" problems={problems}>
          {(aria) => <input {...aria} name="to" type="date" defaultValue={values.to} />}
        </ListFilterField>
      </div>
      <div className="row">
        <ListFilterField name="q" label="Words in the reference, title or supplier" problems={problems}>
          {(aria) => <input {...aria} name="q" type="search" defaultValue={values.q} />}
        </ListFilterField>
      </div>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="submit">Filter</button>
        {filtered ? <a href="/procurement/justifications">Clear the filters</a> : null}
        <a href={downloads.csvHref} download>
          Download this list as CSV
        </a>
        {downloads.total > downloads.zipLimit ? (
          <span className="hint">
            Download PDFs (ZIP): this list holds {downloads.total} justifications, one ZIP at most {downloads.zipLimit}; narrow the filters.
          </span>
        ) : downloads.total > 0 ? (
          <a href={downloads.zipHref} download>
            Download PDFs (ZIP)
          </a>
        ) : null}
      </div>
    </Form>
  )
}

function allColumns(sortLinks: readonly SortLink[]): TableColumn<AllJustificationsItem>[] {
  const sort = sortLinksByKey(sortLinks)
  return [
    { header: sort('status'), cell: (item) => <StatusBadge status={item.status} /> },
    { header: sort('reference'), cell: (item) => <JustificationLink item={item} /> },
    { header: sort('title'), cell: (item) => <WithHint hint={`filed by ${item.requesterName}`}>{item.title}</WithHint> },
    { header: 'Group', cell: (item) => <WithHint hint={item.departmentCode}>{item.groupCode}</WithHint> },
    { header: sort('supplier'), cell: (item) => <SupplierCell item={item} /> },
    {
      header: sort('amount'),
      cell: (item) => (
        <>
          {item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : <span className="hint">not submitted</span>}
          {item.currency !== 'CHF' ? (
            <>
              <br />
              <span className="hint">{formatMoney(item.amountMinor, item.currency as Currency)}</span>
            </>
          ) : null}
        </>
      ),
    },
    { header: sort('submitted'), cell: (item) => (item.submittedOn ? formatDate(item.submittedOn) : '—') },
    { header: 'Documents', numeric: true, cell: (item) => item.documentCount },
    { header: 'Waiting on', cell: (item) => item.awaitingPersonName ?? '—' },
    {
      header: 'Flags',
      cell: (item) => (
        <>
          {item.splitPurchaseFlag ? <span className="badge warn">Possible split purchase</span> : null}
          {item.toWellBalancedCountry ? <span className="badge">To a well balanced country</span> : null}
          {item.quoteMissing ? <QuoteMissingBadge /> : null}
          {!item.splitPurchaseFlag && !item.toWellBalancedCountry && !item.quoteMissing ? <span className="hint">None</span> : null}
        </>
      ),
    },
  ]
}

export function AllJustificationsResults({ items, pagination, columns, filtered }: { items: AllJustificationsItem[]; pagination: Pagination; columns: readonly SortLink[]; filtered: boolean }) {
  if (items.length === 0) return <p className="card empty">{filtered ? 'No justification matches these filters.' : 'Nobody has filed a justification yet.'}</p>
  return (
    <>
      <SortableTable caption={`All justifications matching the filters: ${pagination.total}`} columns={allColumns(columns)} rows={items} rowKey={(item) => item.id} />
      <Pager pagination={pagination} counted={(total) => `${total} justifications`} />
    </>
  )
}
