import { Form } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import type { Currency } from '~/money/currency'
import { Pager, SortableTable, type Pagination, type SortLink, type TableColumn } from '~/ui/sortable-table'
import { JUSTIFICATION_STATUSES } from './labels'
import { JustificationLink, StatusBadge, translatedSortLinks } from './list-cells'
import { ListFilterField } from './list-filter-field'
import type { JustificationListItem } from './list-item.server'
import type { FilterName } from './list-query'

// The "My justifications" page's pieces: its filter form and its table of a requester's and their group's justifications.

export function MyJustificationsFilters({ values, problems, filtered }: { values: { status: string; q: string }; problems: Partial<Record<FilterName, string>>; filtered: boolean }) {
  const { t } = useTranslation('justifications')
  return (
    <Form method="get" className="card" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="visually-hidden">
        {t('filters.heading')}
      </h2>
      <div className="row">
        <ListFilterField name="status" label={t('filters.status')} problems={problems}>
          {(aria) => (
            <select {...aria} name="status" defaultValue={values.status}>
              <option value="">{t('filters.anyStatus')}</option>
              {JUSTIFICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </ListFilterField>
        <ListFilterField name="q" label={t('filters.words')} problems={problems}>
          {(aria) => <input {...aria} name="q" type="search" defaultValue={values.q} />}
        </ListFilterField>
      </div>
      <div className="row" style={{ alignItems: 'center' }}>
        <div style={{ flex: '0 0 auto' }}>
          <button type="submit">{t('filters.filter')}</button>
        </div>
        {filtered ? (
          <div style={{ flex: '0 0 auto' }}>
            <a href="/justifications">{t('filters.showAll')}</a>
          </div>
        ) : null}
      </div>
    </Form>
  )
}

function myColumns(sortLinks: readonly SortLink[], personId: string, t: TFunction<'justifications'>, formats: ReturnType<typeof useFormats>): TableColumn<JustificationListItem>[] {
  const sort = translatedSortLinks(sortLinks, t)
  return [
    { header: sort('status'), cell: (item) => <StatusBadge status={item.status} /> },
    { header: sort('reference'), cell: (item) => <JustificationLink item={item} /> },
    {
      header: sort('title'),
      cell: (item) => (
        <>
          {item.title}
          {item.requesterId !== personId ? <span className="hint">{t('list.filedBy', { name: item.requesterName })}</span> : null}
        </>
      ),
    },
    { header: sort('amount'), cell: (item) => formats.money(item.amountMinor, item.currency as Currency) },
    {
      header: t('columns.inChf'),
      numeric: true,
      // Before submission no rate is fixed yet, unless the amount already is in CHF.
      cell: (item) =>
        item.amountChfMinor !== null ? formats.chf(item.amountChfMinor) : item.currency === 'CHF' ? formats.chf(item.amountMinor) : <span className="hint">{t('list.onSubmission')}</span>,
    },
    { header: sort('supplier'), cell: (item) => item.supplierName },
    {
      header: t('columns.waitingOn'),
      cell: (item) => item.awaitingPersonName ?? (item.decidedOn ? <span className="hint">{t('list.decidedOn', { date: formats.date(item.decidedOn) })}</span> : <span className="hint">—</span>),
    },
    { header: sort('created'), cell: (item) => formats.date(item.createdOn) },
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
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  if (items.length === 0) {
    return (
      <div className="card">
        {filtered ? (
          <p className="empty">
            {t('filters.noMatch')} <a href="/justifications">{t('filters.showAll')}</a>
          </p>
        ) : (
          <>
            <p className="empty">{t('list.noneYet')}</p>
            <p>
              <a className="button" href="/justifications/new">
                {t('list.fileOne')}
              </a>
            </p>
          </>
        )}
      </div>
    )
  }
  return (
    <>
      <SortableTable caption={t('list.myCaption', { count: pagination.total })} columns={myColumns(columns, personId, t, formats)} rows={items} rowKey={(item) => item.id} />
      <Pager pagination={pagination} counted={(total) => t('list.count', { count: total })} />
    </>
  )
}
