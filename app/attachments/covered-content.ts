import { createHash } from 'node:crypto'

/**
 * The text of a justification as a submission or a signature covers it: the fields the requester
 * wrote and the signatories read, named as the Justification columns are (a row can be passed as it
 * is). Workflow columns (status, CHF equivalent, rate) are not text: they are recorded beside it.
 */
export type CoveredText = {
  title: string
  description: string
  supplierName: string
  supplierCountryCode: string
  originCountryCode: string | null
  category: string
  amountMinor: bigint | number
  currency: string
  reason: string
  reasonText: string
  marketSurveyReference: string | null
  groupId: string
}

// The explicit field list, in the one order they are serialised: adding a field to the text is a
// deliberate change here (and changes every hash computed afterwards), never a side effect of a
// new column or of the order in which an object's keys were written.
const COVERED_FIELDS = [
  'title',
  'description',
  'supplierName',
  'supplierCountryCode',
  'originCountryCode',
  'category',
  'amountMinor',
  'currency',
  'reason',
  'reasonText',
  'marketSurveyReference',
  'groupId',
] as const satisfies readonly (keyof CoveredText)[]

/**
 * The canonical serialisation: a JSON array of [field, value] pairs in COVERED_FIELDS order. The
 * amount is written as its integer minor units in decimal (a bigint column and a number read alike);
 * an absent optional field is null, never omitted, so "" and null differ.
 */
export function canonicalCoveredText(text: CoveredText): string {
  return JSON.stringify(
    COVERED_FIELDS.map((field) => {
      const value = text[field]
      if (field === 'amountMinor') return [field, BigInt(value as bigint | number).toString()]
      return [field, value ?? null]
    }),
  )
}

/** SHA-256 (lower-case hex) of the canonical text: what the audit trail records as `textSha256`. */
export function coveredTextSha256(text: CoveredText): string {
  return createHash('sha256').update(canonicalCoveredText(text), 'utf8').digest('hex')
}
