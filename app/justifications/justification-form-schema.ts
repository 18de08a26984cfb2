import * as z from 'zod'
import { parseAmount } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { ACTIVITY_CODE } from '~/industrial-return/suppliers/supplier-csv'
import { CATEGORIES, MIN_JUSTIFICATION_LENGTH, SINGLE_SOURCE_REASONS, type Category } from './labels'

// The filing form's one schema, shared by the browser (Conform) and the action. Country codes and
// the group are checked against the database by the server as well (see prepare-fields.server.ts).

const text = (name: string, min: number, max: number) =>
  z
    .string({ error: `Enter the ${name}.` })
    .trim()
    .min(min, `The ${name} needs at least ${min} characters.`)
    .max(max, `The ${name} can have at most ${max} characters.`)

const countryCode = (what: string) =>
  z
    .string({ error: `Choose the ${what}.` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, `Choose the ${what} from the list.`)

/** The filing as the supplier suggestions read it (app/industrial-return/suppliers/supplier-suggestions.ts). */
export type FilingForSuggestions = { supplierName: string; supplierCountryCode: string; category: Category; activityCode?: string | undefined }

export const ALTERNATIVE_SUPPLIERS_REASON_MIN = 10
export const alternativeSuppliersReasonMissing = 'Registered suppliers in very poorly balanced countries do this work: say why none of them can deliver.'

const justificationFields = z.object({
    intent: z.enum(['save', 'submit']).default('save'),
    title: text('title', 5, 200),
    description: text('description of what is bought', 10, 5000),
    supplierName: text('supplier’s name', 2, 200),
    supplierCountryCode: countryCode('country where the supplier is established'),
    originCountryCode: countryCode('country of origin of the goods').optional(),
    category: z.enum(CATEGORIES, { error: 'Choose supplies or services.' }),
    amount: z
      .string({ error: 'Enter the amount.' })
      .transform((value, ctx) => {
        const parsed = parseAmount(value)
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.message })
          return z.NEVER
        }
        return parsed.minor
      }),
    currency: z.string({ error: 'Choose the currency.' }).refine(isCurrency, 'Choose a currency from the list.'),
    groupId: z.string({ error: 'Choose the group that carries the purchase.' }).uuid('Choose a group from the list.'),
    reason: z.enum(SINGLE_SOURCE_REASONS, { error: 'Choose why there is no competition.' }),
    reasonText: text('written justification', MIN_JUSTIFICATION_LENGTH, 10_000),
    marketSurveyReference: z.string().trim().max(200, 'At most 200 characters.').optional(),
    activityCode: z.string().trim().toUpperCase().regex(ACTIVITY_CODE, 'Choose the activity code from the list.').optional(),
    alternativeSuppliersReason: z
      .string()
      .trim()
      .min(ALTERNATIVE_SUPPLIERS_REASON_MIN, `Say in at least ${ALTERNATIVE_SUPPLIERS_REASON_MIN} characters why none of them can deliver.`)
      .max(5000, 'At most 5000 characters.')
      .optional(),
  })

/**
 * The form's schema. With `alternativesFor` (the supplier suggestions this filing would show, as
 * the browser and the action each compute them from the same register and bands), submitting
 * requires the reason why none of the suggested suppliers can deliver; a draft may leave it out.
 */
export function justificationFormSchema(alternativesFor?: (filing: FilingForSuggestions) => readonly unknown[]) {
  return justificationFields.superRefine((value, ctx) => {
    if (value.category === 'SUPPLIES' && !value.originCountryCode) {
      ctx.addIssue({ code: 'custom', path: ['originCountryCode'], message: 'For supplies, choose the country where the goods are made.' })
    }
    if (alternativesFor && value.intent === 'submit' && !value.alternativeSuppliersReason && alternativesFor(value).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['alternativeSuppliersReason'], message: alternativeSuppliersReasonMissing })
    }
  })
}

export const JustificationFormSchema = justificationFormSchema()

export type JustificationFormInput = z.output<typeof JustificationFormSchema>

const signDecision = z.object({ intent: z.literal('sign'), comment: z.string().trim().max(2000).optional() })
const rejectDecision = z.object({
  intent: z.literal('reject'),
  comment: z.string({ error: 'Say why you reject it: the requester reads this.' }).trim().min(5, 'Say why you reject it: the requester reads this.').max(2000),
})
const requestChangesDecision = z.object({
  intent: z.literal('request-changes'),
  comment: z.string({ error: 'Say what should change.' }).trim().min(5, 'Say what should change.').max(2000),
})
const rowVersion = { rowVersion: z.coerce.number().int() }

/** A decision from a sign-off link: the link itself says which step and justification. */
export const LinkDecisionSchema = z.discriminatedUnion('intent', [signDecision, rejectDecision, requestChangesDecision])

/** A decision in the app: carries the row version the signatory saw. */
export const DecisionFormSchema = z.discriminatedUnion('intent', [signDecision.extend(rowVersion), rejectDecision.extend(rowVersion), requestChangesDecision.extend(rowVersion)])

/** Decision form values to the workflow's decision. */
export function toDecision(value: z.infer<typeof LinkDecisionSchema>) {
  return value.intent === 'sign'
    ? { kind: 'sign' as const, comment: value.comment }
    : value.intent === 'reject'
      ? { kind: 'reject' as const, reason: value.comment }
      : { kind: 'request-changes' as const, comment: value.comment }
}

export const RequesterActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('submit'), rowVersion: z.coerce.number().int() }),
  z.object({ intent: z.literal('withdraw'), rowVersion: z.coerce.number().int(), comment: z.string().trim().max(2000).optional() }),
])

/** The review page's confirmation: what the requester saw (fingerprint) and the version they saw it of. */
export const ReviewConfirmationSchema = z.object({
  intent: z.literal('confirm'),
  fingerprint: z.string().trim().min(1).max(100),
  rowVersion: z.coerce.number().int(),
})
