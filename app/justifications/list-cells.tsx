import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { useFormats } from '~/i18n/use-formats'
import { sortLinksByKey, type SortLink } from '~/ui/sortable-table'
import type { JustificationListItem } from './list-item.server'
import { statusBadge, type JustificationStatus } from './labels'

// The cells every justification table shows the same way: the lists, the approvals page.

export function StatusBadge({ status }: { status: JustificationStatus }) {
  const { t } = useTranslation('justifications')
  return <span className={`badge ${statusBadge[status]}`}>{t(`status.${status}`)}</span>
}

/**
 * The loader's sort links (list-columns.ts), their headers in the reader's language: found by key,
 * the label the loader wrote (English) replaced by the column's message. `amountLabel` names the
 * amount column when it is not the plain "Amount" (procurement's list compares in CHF).
 */
export function translatedSortLinks(links: readonly SortLink[], t: TFunction<'justifications'>, amountLabel?: string) {
  const byKey = sortLinksByKey(links)
  return (key: 'status' | 'reference' | 'title' | 'supplier' | 'amount' | 'submitted' | 'created'): SortLink => ({
    ...byKey(key),
    label: key === 'amount' && amountLabel ? amountLabel : t(`columns.${key}`),
  })
}

export function JustificationLink({ item }: { item: Pick<JustificationListItem, 'id' | 'reference'> }) {
  return <a href={`/justifications/${item.id}`}>{item.reference}</a>
}

/** A cell's main text with a quieter second line (who filed it, the supplier's country). */
export function WithHint({ children, hint }: { children: ReactNode; hint: ReactNode }) {
  return (
    <>
      {children}
      <br />
      <span className="hint">{hint}</span>
    </>
  )
}

export function SupplierCell({ item }: { item: Pick<JustificationListItem, 'supplierName' | 'supplierCountryCode' | 'supplierCountryName'> }) {
  const { language } = useFormats()
  return <WithHint hint={countryName(item.supplierCountryCode, item.supplierCountryName, language)}>{item.supplierName}</WithHint>
}

/** Submitted above its policy's quote threshold with no supplier's quote attached. */
export function QuoteMissingBadge() {
  const { t } = useTranslation('justifications')
  return (
    <span className="badge warn" title={t('list.noQuoteTitle')}>
      {t('list.noQuote')}
    </span>
  )
}
