import { Form } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { useFormats } from '~/i18n/use-formats'
import type { Currency } from '~/money/currency'
import { Pager, SortableTable, type Pagination, type SortLink, type TableColumn } from '~/ui/sortable-table'
import { JUSTIFICATION_STATUSES } from './labels'
import { JustificationLink, QuoteMissingBadge, StatusBadge, SupplierCell, translatedSortLinks, WithHint } from './list-cells'
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
  const { t } = useTranslation('justifications')
  const { language } = useFormats()
  return (
    <Form method="get" className="card" aria-labelledby="filter-heading">
      <h2 id="filter-heading">{t('filters.heading')}</h2>
      <div className="row">
        <ChoiceFilter name="status" label={t('filters.status')} any={t('filters.anyStatus')} options={JUSTIFICATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} value={values.status} problems={problems} />
        <ChoiceFilter name="department" label={t('all.department')} any={t('all.anyDepartment')} options={options.departments.map((d) => ({ value: d.id, label: codeAndName(d) }))} value={values.department} problems={problems} />
        <ChoiceFilter name="group" label={t('all.groupCarrying')} any={t('all.anyGroup')} options={options.groups.map((g) => ({ value: g.id, label: codeAndName(g) }))} value={values.group} problems={problems} />
        <ChoiceFilter name="country" label={t('all.supplierCountry')} any={t('all.anyCountry')} options={options.countries.map((c) => ({ value: c.code, label: countryName(c.code, c.name, language) }))} value={values.country.toUpperCase()} problems={problems} />
      </div>
      <div className="row">
        <ListFilterField name="minChf" label={t('all.minChf')} hint={t('all.minChfHint')} problems={problems}>
          {(aria) => <input {...aria} name="minChf" type="text" inputMode="decimal" defaultValue={values.minChf} />}
        </ListFilterField>
        <ListFilterField name="maxChf" label={t('all.maxChf')} hint={t('all.maxChfHint')} problems={problems}>
          {(aria) => <input {...aria} name="maxChf" type="text" inputMode="decimal" defaultValue={values.maxChf} />}
        </ListFilterField>
        <ListFilterField name="from" label={t('all.from')} hint={t('all.fromHint')} problems={problems}>
          {(aria) => <input {...aria} name="from" type="date" defaultValue={values.from} />}
        </ListFilterField>
        <ListFilterField name="to" label={t('all.to')} hint={t('all.toHint')} problems={problems}>
          {(aria) => <input {...aria} name="to" type="date" defaultValue={values.to} />}
        </ListFilterField>
      </div>
      <div className="row">
        <ListFilterField name="q" label={t('filters.words')} problems={problems}>
          {(aria) => <input {...aria} name="q" type="search" defaultValue={values.q} />}
        </ListFilterField>
      </div>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="submit">{t('filters.filter')}</button>
        {filtered ? <a href="/procurement/justifications">{t('all.clear')}</a> : null}
        <a href={downloads.csvHref} download>
          {t('all.csv')}
        </a>
        {downloads.total > downloads.zipLimit ? (
          <span className="hint">
            {t('all.zipTooMany', { total: downloads.total, limit: downloads.zipLimit })}
          </span>
        ) : downloads.total > 0 ? (
          <a href={downloads.zipHref} download>
            {t('all.zip')}
          </a>
        ) : null}
      </div>
    </Form>
  )
}

function allColumns(sortLinks: readonly SortLink[], t: TFunction<'justifications'>, formats: ReturnType<typeof useFormats>): TableColumn<AllJustificationsItem>[] {
  const sort = translatedSortLinks(sortLinks, t, t('columns.amountChf'))
  return [
    { header: sort('status'), cell: (item) => <StatusBadge status={item.status} /> },
    { header: sort('reference'), cell: (item) => <JustificationLink item={item} /> },
    { header: sort('title'), cell: (item) => <WithHint hint={t('all.filedBy', { name: item.requesterName })}>{item.title}</WithHint> },
    { header: t('all.group'), cell: (item) => <WithHint hint={item.departmentCode}>{item.groupCode}</WithHint> },
    { header: sort('supplier'), cell: (item) => <SupplierCell item={item} /> },
    {
      header: sort('amount'),
      cell: (item) => (
        <>
          {item.amountChfMinor !== null ? formats.chf(item.amountChfMinor) : <span className="hint">{t('all.notSubmitted')}</span>}
          {item.currency !== 'CHF' ? (
            <>
              <br />
              <span className="hint">{formats.money(item.amountMinor, item.currency as Currency)}</span>
            </>
          ) : null}
        </>
      ),
    },
    { header: sort('submitted'), cell: (item) => (item.submittedOn ? formats.date(item.submittedOn) : '—') },
    { header: t('all.documents'), numeric: true, cell: (item) => item.documentCount },
    { header: t('columns.waitingOn'), cell: (item) => item.awaitingPersonName ?? '—' },
    {
      header: t('all.flags'),
      cell: (item) => (
        <>
          {item.splitPurchaseFlag ? <span className="badge warn">{t('page.possibleSplit')}</span> : null}
          {item.toWellBalancedCountry ? <span className="badge">{t('all.toWellBalanced')}</span> : null}
          {item.quoteMissing ? <QuoteMissingBadge /> : null}
          {!item.splitPurchaseFlag && !item.toWellBalancedCountry && !item.quoteMissing ? <span className="hint">{t('all.none')}</span> : null}
        </>
      ),
    },
  ]
}

export function AllJustificationsResults({ items, pagination, columns, filtered }: { items: AllJustificationsItem[]; pagination: Pagination; columns: readonly SortLink[]; filtered: boolean }) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  if (items.length === 0) return <p className="card empty">{filtered ? t('list.noMatch') : t('all.nobodyYet')}</p>
  return (
    <>
      <SortableTable caption={t('all.caption', { count: pagination.total })} columns={allColumns(columns, t, formats)} rows={items} rowKey={(item) => item.id} />
      <Pager pagination={pagination} counted={(total) => t('list.count', { count: total })} />
    </>
  )
}
