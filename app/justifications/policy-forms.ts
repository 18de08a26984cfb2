/**
 * The signature policy page's form (publish a new version), as one schema shared by the browser
 * (Conform validates as you type) and the action. Client-safe: no server module is imported here.
 */
import * as z from 'zod/mini'
import { parseAmount } from '~/money/amount'
import { isoDateField } from '~/calendar/date-field'
import { message } from '~/i18n/message'
import { signaturePolicySchema, signatoryRoles, type PolicyTier, type SignatoryRole } from '~/workflow/signature-policy'
import { signatoryRoleLabels } from '~/workflow/signatory-role-labels'


export const MAX_TIER_ROWS = 8
export const MAX_WINDOW_DAYS = 3650


const TierRowSchema = z.object({
  threshold: z.optional(z.string()),
  role: z.optional(z.string()),
  label: z.optional(z.string().check(z.trim(), z.maxLength(100, message('forms:atMost', { max: 100 })))),
})

/**
 * A new policy version as the form sends it: tier rows (blank rows ignored), each with a threshold in
 * CHF, a role and an optional label (the role's name by default). The ordering rules are the
 * workflow's own (signaturePolicySchema), reported on the row that breaks them. The quote threshold
 * is a CHF amount too (0 means a quote is expected at every amount).
 */
const PublishPolicyFields = z.object({
  intent: z.literal('publish-policy'),
  effectiveFrom: isoDateField,
  splitPurchaseWindowDays: z.coerce
    .number({ error: message('forms:policy.days.missing') })
    .check(
      z.int(message('forms:policy.days.whole')),
      z.gte(1, message('forms:policy.days.min', { min: 1 })),
      z.lte(MAX_WINDOW_DAYS, message('forms:policy.days.max', { max: MAX_WINDOW_DAYS })),
    ),
  quoteExpectedAbove: z
    .string({ error: message('forms:policy.quoteMissing') })
    .check(z.trim(), z.minLength(1, message('forms:policy.quoteMissing'))),
  tiers: z.optional(z.array(z.optional(TierRowSchema)).check(z.maxLength(MAX_TIER_ROWS, message('forms:policy.tooManyTiers', { max: MAX_TIER_ROWS })))),
})

export const PublishPolicySchema = z.pipe(
  PublishPolicyFields,
  z.transform((value: z.output<typeof PublishPolicyFields>, ctx) => {
    const addIssue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', path, message, input: value })
    const quoteExpectedAboveChfMinor = chfThreshold(value.quoteExpectedAbove)
    if (!quoteExpectedAboveChfMinor.ok) addIssue(['quoteExpectedAbove'], quoteExpectedAboveChfMinor.message)
    const tiers: PolicyTier[] = []
    const rowOf: number[] = []
    ;(value.tiers ?? []).forEach((row, index) => {
      if (!row || (!row.threshold && !row.role && !row.label)) return
      let aboveChfMinor: number | null = null
      if (!row.threshold) addIssue(['tiers', index, 'threshold'], message('forms:policy.thresholdMissing'))
      else {
        const parsed = chfThreshold(row.threshold)
        if (parsed.ok) aboveChfMinor = parsed.minor
        else addIssue(['tiers', index, 'threshold'], parsed.message)
      }
      const role = (signatoryRoles as readonly string[]).includes(row.role ?? '') ? (row.role as SignatoryRole) : null
      if (!role) addIssue(['tiers', index, 'role'], message('forms:policy.roleMissing'))
      if (aboveChfMinor !== null && role) {
        tiers.push({ aboveChfMinor, role, label: row.label || signatoryRoleLabels[role] })
        rowOf.push(index)
      }
    })
    if (tiers.length === 0 && !ctx.issues.length) {
      addIssue(['tiers'], message('forms:policy.noTier'))
    }
    const checked = signaturePolicySchema.safeParse({ version: 1, effectiveFrom: value.effectiveFrom, tiers })
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const [list, position, field] = issue.path
        if (list !== 'tiers' || typeof position !== 'number') continue
        // The workflow's ordering rules, said as the form's messages: thresholds rise, roles rise.
        if (field === 'aboveChfMinor') addIssue(['tiers', rowOf[position] ?? position, 'threshold'], message('forms:policy.thresholdsIncrease'))
        else addIssue(['tiers', rowOf[position] ?? position, 'role'], message('forms:policy.rolesRise'))
      }
    }
    return {
      effectiveFrom: value.effectiveFrom,
      splitPurchaseWindowDays: value.splitPurchaseWindowDays,
      quoteExpectedAboveChfMinor: quoteExpectedAboveChfMinor.ok ? quoteExpectedAboveChfMinor.minor : 0,
      tiers,
    }
  }),
)

/** A threshold in CHF: an amount as parseAmount reads it, or zero ("every amount", which parseAmount refuses as an amount to buy). */
function chfThreshold(text: string): { ok: true; minor: number } | { ok: false; message: string } {
  if (/^0+(\.0{1,2})?$/.test(text.trim())) return { ok: true, minor: 0 }
  const parsed = parseAmount(text)
  return parsed.ok ? { ok: true, minor: parsed.minor } : { ok: false, message: parsed.message }
}
