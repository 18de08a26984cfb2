import * as z from 'zod/mini'
import { parseAmount } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { ACTIVITY_CODE } from '~/industrial-return/suppliers/activity-code'
import { CATEGORIES, MIN_JUSTIFICATION_LENGTH, SINGLE_SOURCE_REASONS, type Category } from './labels'

// The filing form's one schema, shared by the browser (Conform) and the action. Country codes and
// the group are checked against the database by the server as well (see prepare-fields.server.ts).

const text = (name: string, min: number, max: number) =>
  z
    .string({ error: `Enter the ${name}.` })
    .check(z.trim(), z.minLength(min, `The ${name} needs at least ${min} characters.`), z.maxLength(max, `The ${name} can have at most ${max} characters.`))

const countryCode = (what: string) => z.string({ error: `Choose the ${what}.` }).check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, `Choose the ${what} from the list.`))

/** Said on a sign or withdraw comment that is too long (zod/mini has no default English message to fall back on). */
const COMMENT_TOO_LONG = 'At most 2000 characters.'
const comment = () => z.string().check(z.trim(), z.maxLength(2000, COMMENT_TOO_LONG))

/** The filing as the supplier suggestions read it (app/industrial-return/suppliers/supplier-suggestions.ts). */
export type FilingForSuggestions = { supplierName: string; supplierCountryCode: string; category: Category; activityCode?: string | undefined }

export const ALTERNATIVE_SUPPLIERS_REASON_MIN = 10
export const alternativeSuppliersReasonMissing = 'Registered suppliers in very poorly balanced countries do this work: say why none of them can deliver.'

const justificationFields = z.object({
    intent: z._default(z.enum(['save', 'submit']), 'save'),
    title: text('title', 5, 200),
    description: text('description of what is bought', 10, 5000),
    supplierName: text('supplier’s name', 2, 200),
    supplierCountryCode: countryCode('country where the supplier is established'),
    originCountryCode: z.optional(countryCode('country of origin of the goods')),
    category: z.enum(CATEGORIES, { error: 'Choose supplies or services.' }),
    amount: z.pipe(
      z.string({ error: 'Enter the amount.' }),
      z.transform((value: string, ctx) => {
        const parsed = parseAmount(value)
        if (!parsed.ok) {
          ctx.issues.push({ code: 'custom', message: parsed.message, input: value })
          return z.NEVER
        }
        return parsed.minor
      }),
    ),
    currency: z.string({ error: 'Choose the currency.' }).check(z.refine(isCurrency, 'Choose a currency from the list.')),
    groupId: z.string({ error: 'Choose the group that carries the purchase.' }).check(z.uuid('Choose a group from the list.')),
    reason: z.enum(SINGLE_SOURCE_REASONS, { error: 'Choose why there is no competition.' }),
    reasonText: text('written justification', MIN_JUSTIFICATION_LENGTH, 10_000),
    marketSurveyReference: z.optional(z.string().check(z.trim(), z.maxLength(200, 'At most 200 characters.'))),
    activityCode: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.regex(ACTIVITY_CODE, 'Choose the activity code from the list.'))),
    alternativeSuppliersReason: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(ALTERNATIVE_SUPPLIERS_REASON_MIN, `Say in at least ${ALTERNATIVE_SUPPLIERS_REASON_MIN} characters why none of them can deliver.`),
          z.maxLength(5000, 'At most 5000 characters.'),
        ),
    ),
  })

/**
 * The form's schema. With `alternativesFor` (the supplier suggestions this filing would show, as
 * the browser and the action each compute them from the same register and bands), submitting
 * requires the reason why none of the suggested suppliers can deliver; a draft may leave it out.
 */
export function justificationFormSchema(alternativesFor?: (filing: FilingForSuggestions) => readonly unknown[]) {
  return justificationFields.check(
    z.superRefine((value: z.output<typeof justificationFields>, ctx) => {
      if (value.category === 'SUPPLIES' && !value.originCountryCode) {
        ctx.addIssue({ code: 'custom', path: ['originCountryCode'], message: 'For supplies, choose the country where the goods are made.' })
      }
      if (alternativesFor && value.intent === 'submit' && !value.alternativeSuppliersReason && alternativesFor(value).length > 0) {
        ctx.addIssue({ code: 'custom', path: ['alternativeSuppliersReason'], message: alternativeSuppliersReasonMissing })
      }
    }),
  )
}

export const JustificationFormSchema = justificationFormSchema()

export type JustificationFormInput = z.output<typeof JustificationFormSchema>

const signDecision = z.object({ intent: z.literal('sign'), comment: z.optional(comment()) })
const rejectDecision = z.object({
  intent: z.literal('reject'),
  comment: z
    .string({ error: 'Say why you reject it: the requester reads this.' })
    .check(z.trim(), z.minLength(5, 'Say why you reject it: the requester reads this.'), z.maxLength(2000)),
})
const requestChangesDecision = z.object({
  intent: z.literal('request-changes'),
  comment: z.string({ error: 'Say what should change.' }).check(z.trim(), z.minLength(5, 'Say what should change.'), z.maxLength(2000)),
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
