/**
 * The suppliers in very poorly balanced countries a submission was shown, as stored with it
 * (Justification.alternativeSuppliers), and the reason the requester gave why none can deliver:
 * what the justification's page, the sign-off page, the signatory's email and the PDF record state
 * (client-safe; ADR 044).
 */

export type StoredAlternative = { name: string; countryCode: string; countryName: string }

export type StatedAlternatives = {
  /** "Lisboa Vácuo Lda (Portugal)", one per supplier. */
  suppliers: string[]
  reason: string | null
}

function isStoredAlternative(value: unknown): value is StoredAlternative {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.name === 'string' && typeof v.countryCode === 'string'
}

/** Null when the submission was shown none (or before submission). */
export function statedAlternativesOf(stored: unknown, reason: string | null): StatedAlternatives | null {
  if (!Array.isArray(stored)) return null
  const suppliers = stored.filter(isStoredAlternative).map((s) => `${s.name} (${typeof s.countryName === 'string' ? s.countryName : s.countryCode})`)
  return suppliers.length === 0 ? null : { suppliers, reason }
}

export const ALTERNATIVES_TERM = 'Suppliers in very poorly balanced countries'
export const ALTERNATIVES_REASON_TERM = 'Why none of them can deliver'
