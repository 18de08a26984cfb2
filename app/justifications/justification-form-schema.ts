import * as z from 'zod/mini'
import { message } from '~/i18n/message'
import { parseAmount } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { ACTIVITY_CODE } from '~/industrial-return/suppliers/activity-code'
import { CATEGORIES, MIN_JUSTIFICATION_LENGTH, SINGLE_SOURCE_REASONS, type Category } from './labels'

// The filing form's one schema, shared by the browser (Conform) and the action. Country codes and
// the group are checked against the database by the server as well (see prepare-fields.server.ts).
// Messages are keys of the forms messages (forms:justification.*), said in the reader's language by
// the field that shows them; each field has its own, so French can say "le titre" and "la description".

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: message(`forms:justification.${field}.missing`) })
    .check(z.trim(), z.minLength(min, message(`forms:justification.${field}.tooShort`, { min })), z.maxLength(max, message(`forms:justification.${field}.tooLong`, { max })))

const countryCode = (field: string) =>
  z.string({ error: message(`forms:justification.${field}.missing`) }).check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, message(`forms:justification.${field}.notInList`)))

const atMost = (max: number) => message('forms:atMost', { max })

/** Said on a sign or withdraw comment that is too long (zod/mini has no default message to fall back on). */
const COMMENT_MAX_LENGTH = 2000
const comment = () => z.string().check(z.trim(), z.maxLength(COMMENT_MAX_LENGTH, atMost(COMMENT_MAX_LENGTH)))

/** The filing as the supplier suggestions read it (app/industrial-return/suppliers/supplier-suggestions.ts). */
export type FilingForSuggestions = { supplierName: string; supplierCountryCode: string; category: Category; activityCode?: string | undefined }

export const ALTERNATIVE_SUPPLIERS_REASON_MIN = 10
export const alternativeSuppliersReasonMissing = message('forms:justification.alternativeSuppliers.missing')

/** The form's fields, unchecked across fields: the JSON API (app/api) takes them without `intent`. */
export const justificationFields = z.object({
    intent: z._default(z.enum(['save', 'submit']), 'save'),
    title: text('title', 5, 200),
    description: text('description', 10, 5000),
    supplierName: text('supplierName', 2, 200),
    supplierCountryCode: countryCode('supplierCountry'),
    originCountryCode: z.optional(countryCode('originCountry')),
    category: z.enum(CATEGORIES, { error: message('forms:justification.category') }),
    amount: z.pipe(
      z.string({ error: message('forms:justification.amountMissing') }),
      z.transform((value: string, ctx) => {
        const parsed = parseAmount(value)
        if (!parsed.ok) {
          ctx.issues.push({ code: 'custom', message: parsed.message, input: value })
          return z.NEVER
        }
        return parsed.minor
      }),
    ),
    currency: z.string({ error: message('forms:justification.currency.missing') }).check(z.refine(isCurrency, message('forms:justification.currency.notInList'))),
    groupId: z.string({ error: message('forms:justification.group.missing') }).check(z.uuid(message('forms:justification.group.notInList'))),
    reason: z.enum(SINGLE_SOURCE_REASONS, { error: message('forms:justification.reason') }),
    reasonText: text('reasonText', MIN_JUSTIFICATION_LENGTH, 10_000),
    marketSurveyReference: z.optional(z.string().check(z.trim(), z.maxLength(200, atMost(200)))),
    activityCode: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.regex(ACTIVITY_CODE, message('forms:justification.activityCode')))),
    alternativeSuppliersReason: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(ALTERNATIVE_SUPPLIERS_REASON_MIN, message('forms:justification.alternativeSuppliers.tooShort', { min: ALTERNATIVE_SUPPLIERS_REASON_MIN })),
          z.maxLength(5000, atMost(5000)),
        ),
    ),
  })

/**
 * The form's schema. With `alternativesFor` (the supplier suggestions this filing would show, as
 * the browser and the action each compute them from the same register and bands), submitting
 * requires the reason why none of the suggested suppliers can deliver; a draft may leave it out.
 */
export function justificationFormSchema(alternativesFor?: (filing: FilingForSuggestions) => readonly unknown[]) {
  return justificationFields.check(z.superRefine(filingChecks(alternativesFor)))
}

type FilingValue = Omit<z.output<typeof justificationFields>, 'intent'> & { intent?: 'save' | 'submit' }

/** The checks across fields, the same for the form and for the JSON API's draft (which has no intent). */
export function filingChecks(alternativesFor?: (filing: FilingForSuggestions) => readonly unknown[]) {
  return (value: FilingValue, ctx: z.core.$RefinementCtx<FilingValue>) => {
    if (value.category === 'SUPPLIES' && !value.originCountryCode) {
      ctx.addIssue({ code: 'custom', path: ['originCountryCode'], message: message('forms:justification.originCountry.forSupplies') })
    }
    if (alternativesFor && value.intent === 'submit' && !value.alternativeSuppliersReason && alternativesFor(value).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['alternativeSuppliersReason'], message: alternativeSuppliersReasonMissing })
    }
  }
}

export const JustificationFormSchema = justificationFormSchema()

export type JustificationFormInput = z.output<typeof JustificationFormSchema>

const signDecision = z.object({ intent: z.literal('sign'), comment: z.optional(comment()) })
const rejectDecision = z.object({
  intent: z.literal('reject'),
  comment: z
    .string({ error: message('forms:decision.rejectReason') })
    .check(z.trim(), z.minLength(5, message('forms:decision.rejectReason')), z.maxLength(COMMENT_MAX_LENGTH, atMost(COMMENT_MAX_LENGTH))),
})
const requestChangesDecision = z.object({
  intent: z.literal('request-changes'),
  comment: z
    .string({ error: message('forms:decision.changesWanted') })
    .check(z.trim(), z.minLength(5, message('forms:decision.changesWanted')), z.maxLength(COMMENT_MAX_LENGTH, atMost(COMMENT_MAX_LENGTH))),
})
const rowVersion = { rowVersion: z.coerce.number().check(z.int()) }

/** A decision from a sign-off link: the link itself says which step and justification. */
export const LinkDecisionSchema = z.discriminatedUnion('intent', [signDecision, rejectDecision, requestChangesDecision])

/** A decision in the app: carries the row version the signatory saw. */
export const DecisionFormSchema = z.discriminatedUnion('intent', [z.extend(signDecision, rowVersion), z.extend(rejectDecision, rowVersion), z.extend(requestChangesDecision, rowVersion)])

/** Decision form values to the workflow's decision. */
export function toDecision(value: z.infer<typeof LinkDecisionSchema>) {
  return value.intent === 'sign'
    ? { kind: 'sign' as const, comment: value.comment }
    : value.intent === 'reject'
      ? { kind: 'reject' as const, reason: value.comment }
      : { kind: 'request-changes' as const, comment: value.comment }
}

export const RequesterActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('submit'), rowVersion: z.coerce.number().check(z.int()) }),
  z.object({ intent: z.literal('withdraw'), rowVersion: z.coerce.number().check(z.int()), comment: z.optional(comment()) }),
])

/** The review page's confirmation: what the requester saw (fingerprint) and the version they saw it of. */
export const ReviewConfirmationSchema = z.object({
  intent: z.literal('confirm'),
  fingerprint: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  rowVersion: z.coerce.number().check(z.int()),
})
