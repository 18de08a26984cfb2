import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { countryName } from '~/i18n/country-names'
import type { useFormats } from '~/i18n/use-formats'
import type { Currency } from '~/money/currency'
import { formatRate } from '~/money/format-rate'
import type { Fact } from '~/ui/definition-list'
import type { StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'

// The facts the justification page, a sign-off link's page and "Awaiting my signature" state, worded
// once, in the reader's language: from the page data's codes, figures and instants.

type Described = {
  supplier: string
  supplierCountry: string
  supplierCountryCode: string
  originCountry: string | null
  originCountryCode: string | null
  amountMinor: number
  currency: Currency
  amountChfMinor: number | null
  exchangeRate: string | null
  exchangeRateDateIso: string | null
  reasonCode: string
  reasonText: string
  description: string
  alternativeSuppliers?: StatedAlternatives | null
}

/** What the facts are worded with: the page's `t` (justifications) and formats. */
export type Wording = { t: TFunction<'justifications'>; formats: ReturnType<typeof useFormats> }

export const supplierFact = (j: Described, { t, formats }: Wording): Fact => ({
  term: t('details.supplier'),
  details: t('details.supplierEstablishedIn', { name: j.supplier, country: countryName(j.supplierCountryCode, j.supplierCountry, formats.language) }),
})

/** Only supplies have an origin apart from the supplier's country. */
export const originFact = (j: Described, { t, formats }: Wording): Fact | null =>
  j.originCountry ? { term: t('details.origin'), details: j.originCountryCode ? countryName(j.originCountryCode, j.originCountry, formats.language) : j.originCountry } : null

/** The rate a converted amount was fixed at, or null for a CHF amount (or a draft). */
function rateOf(j: Described, { t, formats }: Wording): string | null {
  if (!j.exchangeRate) return null
  return t('details.rate', { rate: formatRate(j.exchangeRate, formats.language), currency: j.currency, date: j.exchangeRateDateIso ? formats.date(j.exchangeRateDateIso) : '—' })
}

/**
 * The amount as a signatory weighs it: first the CHF value the policy counts, then the amount as
 * filed (and at which rate, when known) if it was in another currency. `amountChf` is that CHF value
 * only when the amount was converted; null for a CHF amount (or a draft, not converted yet).
 */
export function ChfFirstAmount({ amount, amountChf, rate }: { amount: string; amountChf: string | null; rate?: string | null }) {
  const { t } = useTranslation('justifications')
  if (amountChf === null) return <strong>{amount}</strong>
  return (
    <>
      <strong>{amountChf}</strong> <span className="hint">{rate ? t('details.amountAtRate', { amount, rate }) : amount}</span>
    </>
  )
}

/** The sign-off page's amount: CHF first. A rate is stated only for an amount in another currency. */
export const chfFirstAmountFact = (j: Described, wording: Wording): Fact => {
  const rate = rateOf(j, wording)
  const amountChf = rate && j.amountChfMinor !== null ? wording.formats.chf(j.amountChfMinor) : null
  return { term: wording.t('details.amount'), details: <ChfFirstAmount amount={wording.formats.money(j.amountMinor, j.currency)} amountChf={amountChf} rate={rate} /> }
}

export const boughtFact = (j: Described, { t }: Wording): Fact => ({ term: t('details.bought'), details: j.description, preWrap: true })

export const reasonFacts = (j: Described, { t }: Wording): Fact[] => [
  { term: t('details.whySingleSource'), details: t(`reason.${j.reasonCode}` as 'reason.OTHER') },
  { term: t('details.justification'), details: j.reasonText, preWrap: true },
]

/** The suppliers in very poorly balanced countries the requester was shown at submission, and why none can deliver (ADR 044). */
export const alternativeSuppliersFacts = (j: Pick<Described, 'alternativeSuppliers'>, { t }: Wording): Fact[] =>
  j.alternativeSuppliers
    ? [
        { term: t('review.alternativesHeading'), details: j.alternativeSuppliers.suppliers.join(', ') },
        { term: t('review.whyNoneCanDeliver'), details: j.alternativeSuppliers.reason ?? '—', preWrap: true },
      ]
    : []
