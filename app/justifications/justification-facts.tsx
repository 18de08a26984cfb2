import type { Fact } from '~/ui/definition-list'
import { ALTERNATIVES_REASON_TERM, ALTERNATIVES_TERM, type StatedAlternatives } from '~/industrial-return/suppliers/stated-alternatives'

// The facts the justification page, a sign-off link's page and "Awaiting my signature" state, worded once.

type Described = {
  supplier: string
  supplierCountry: string
  originCountry: string | null
  amount: string
  amountChf: string | null
  rate: string | null
  reason: string
  reasonText: string
  description: string
  alternativeSuppliers?: StatedAlternatives | null
}

export const supplierFact = (j: Described): Fact => ({ term: 'Supplier', details: `${j.supplier}, established in ${j.supplierCountry}` })

/** Only supplies have an origin apart from the supplier's country. */
export const originFact = (j: Described): Fact | null => (j.originCountry ? { term: 'Origin of the goods', details: j.originCountry } : null)

/** The amount as filed and, once submitted in another currency, its CHF value at the fixed rate. */
export const amountFact = (j: Described): Fact => ({ term: 'Amount', details: `${j.amount}${j.amountChf && j.rate ? ` = ${j.amountChf} (${j.rate})` : ''}` })

/**
 * The amount as a signatory weighs it: first the CHF value the policy counts, then the amount as
 * filed (and at which rate, when known) if it was in another currency. `amountChf` is that CHF value
 * only when the amount was converted; null for a CHF amount (or a draft, not converted yet).
 */
export function ChfFirstAmount({ amount, amountChf, rate }: { amount: string; amountChf: string | null; rate?: string | null }) {
  if (amountChf === null) return <strong>{amount}</strong>
  return (
    <>
      <strong>{amountChf}</strong> <span className="hint">{rate ? `${amount} at ${rate}` : amount}</span>
    </>
  )
}

/** The sign-off page's amount: CHF first. A rate is stated only for an amount in another currency. */
export const chfFirstAmountFact = (j: Pick<Described, 'amount' | 'amountChf' | 'rate'>): Fact => ({
  term: 'Amount',
  details: <ChfFirstAmount amount={j.amount} amountChf={j.rate ? j.amountChf : null} rate={j.rate} />,
})

export const boughtFact = (j: Described): Fact => ({ term: 'What is bought', details: j.description, preWrap: true })

export const reasonFacts = (j: Described): Fact[] => [
  { term: 'Why a single source', details: j.reason },
  { term: 'Justification', details: j.reasonText, preWrap: true },
]

/** The suppliers in very poorly balanced countries the requester was shown at submission, and why none can deliver (ADR 044). */
export const alternativeSuppliersFacts = (j: Pick<Described, 'alternativeSuppliers'>): Fact[] =>
  j.alternativeSuppliers
    ? [
        { term: ALTERNATIVES_TERM, details: j.alternativeSuppliers.suppliers.join(', ') },
        { term: ALTERNATIVES_REASON_TERM, details: j.alternativeSuppliers.reason ?? '—', preWrap: true },
      ]
    : []
