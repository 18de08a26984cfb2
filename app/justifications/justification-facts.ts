import type { Fact } from '~/ui/definition-list'

// The facts the justification page and a sign-off link's page both state, worded once.

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
}

export const supplierFact = (j: Described): Fact => ({ term: 'Supplier', details: `${j.supplier}, established in ${j.supplierCountry}` })

/** Only supplies have an origin apart from the supplier's country. */
export const originFact = (j: Described): Fact | null => (j.originCountry ? { term: 'Origin of the goods', details: j.originCountry } : null)

/** The amount as filed and, once submitted in another currency, its CHF value at the fixed rate. */
export const amountFact = (j: Described): Fact => ({ term: 'Amount', details: `${j.amount}${j.amountChf && j.rate ? ` = ${j.amountChf} (${j.rate})` : ''}` })

export const boughtFact = (j: Described): Fact => ({ term: 'What is bought', details: j.description, preWrap: true })

export const reasonFacts = (j: Described): Fact[] => [
  { term: 'Why a single source', details: j.reason },
  { term: 'Justification', details: j.reasonText, preWrap: true },
]
