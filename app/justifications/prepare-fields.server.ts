import type { DatabaseOrTransaction } from '~/db/client.server'
import { minorToColumn } from '~/money/minor-units'
import type { JustificationFormInput } from './justification-form-schema'
import { supplierKeyOf } from './supplier-name'
import type { TransitionFailure } from './transition.server'
import { message } from '~/i18n/message'

// What creating and editing a justification share: the form's fields, checked against the
// database and turned into the columns they are stored in.

export type JustificationFields = Omit<JustificationFormInput, 'intent'>

export function invalid(fieldErrors: Record<string, string[]>, said = message('forms:justification.someFields')): TransitionFailure {
  return { ok: false, kind: 'INVALID', message: said, fieldErrors }
}

/** What the form cannot know: the countries and group exist. Checked before anything is written. */
export async function checkReferences(db: DatabaseOrTransaction, fields: JustificationFields): Promise<TransitionFailure | null> {
  const codes = [fields.supplierCountryCode, ...(fields.originCountryCode ? [fields.originCountryCode] : [])]
  const [countries, group] = await Promise.all([
    db.country.findMany({ where: { code: { in: codes } }, select: { code: true } }),
    db.group.findUnique({ where: { id: fields.groupId }, select: { id: true } }),
  ])
  const known = new Set(countries.map((c) => c.code))
  const errors: Record<string, string[]> = {}
  if (!known.has(fields.supplierCountryCode)) errors.supplierCountryCode = [message('forms:justification.countryUnknown')]
  if (fields.originCountryCode && !known.has(fields.originCountryCode)) errors.originCountryCode = [message('forms:justification.countryUnknown')]
  if (!group) errors.groupId = [message('forms:justification.group.notInList')]
  return Object.keys(errors).length ? invalid(errors) : null
}

/** The columns the fields are stored in. */
export function columnsOf(fields: JustificationFields) {
  return {
    title: fields.title,
    description: fields.description,
    supplierName: fields.supplierName,
    supplierKey: supplierKeyOf(fields.supplierName),
    supplierCountryCode: fields.supplierCountryCode,
    // Services have no country of origin: only the supplier's establishment counts for them.
    originCountryCode: fields.category === 'SUPPLIES' ? (fields.originCountryCode ?? null) : null,
    category: fields.category,
    amountMinor: minorToColumn(fields.amount),
    currency: fields.currency,
    groupId: fields.groupId,
    reason: fields.reason,
    reasonText: fields.reasonText,
    marketSurveyReference: fields.marketSurveyReference ?? null,
    activityCode: fields.activityCode ?? null,
    alternativeSuppliersReason: fields.alternativeSuppliersReason ?? null,
  }
}
