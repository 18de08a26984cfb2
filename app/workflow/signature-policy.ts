/**
 * Signature policy: which roles must sign a single-source justification, as versioned data.
 *
 * Thresholds live here as data (never as literals in the workflow) so procurement can publish a
 * new version with an effective date; a justification is always judged by the version in force
 * on its submission day and records that version.
 */
import * as z from 'zod/mini'
import { MAX_AMOUNT_MINOR } from '../money/amount.ts'
import { isoDateSchema, type IsoDate } from '../calendar/calendar-date.ts'

/** Roles that can be asked to sign, from the bottom of the hierarchy to the top. Order matters:
 * escalation climbs it, and a policy's tiers must follow it. */
export const signatoryRoles = ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DIRECTOR', 'FINANCE_COMMITTEE'] as const
export type SignatoryRole = (typeof signatoryRoles)[number]

export function roleRank(role: SignatoryRole): number {
  return signatoryRoles.indexOf(role)
}

export const policyTierSchema = z.object({
  /** Strict: the tier applies to amounts ABOVE this many CHF centimes, not equal to it. */
  aboveChfMinor: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_AMOUNT_MINOR)),
  role: z.enum(signatoryRoles),
  label: z.string().check(z.trim(), z.minLength(1)),
})

export const signaturePolicySchema = z
  .object({
    version: z.number().check(z.int(), z.positive()),
    effectiveFrom: isoDateSchema,
    tiers: z.array(policyTierSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((policy: { tiers: PolicyTier[] }, ctx) => {
      policy.tiers.forEach((tier, index) => {
        const previous = policy.tiers[index - 1]
        if (!previous) return
        if (tier.aboveChfMinor <= previous.aboveChfMinor) {
          ctx.addIssue({ code: 'custom', path: ['tiers', index, 'aboveChfMinor'], message: 'Thresholds must strictly increase from one tier to the next.' })
        }
        if (roleRank(tier.role) <= roleRank(previous.role)) {
          ctx.addIssue({ code: 'custom', path: ['tiers', index, 'role'], message: 'Each tier must name a role higher in the hierarchy than the tier before it.' })
        }
      })
    }),
  )

export type PolicyTier = z.infer<typeof policyTierSchema>
export type SignaturePolicy = z.infer<typeof signaturePolicySchema>

/** A versioned list: several policies, each version and each effective date at most once. */
export const signaturePolicyHistorySchema = z.array(signaturePolicySchema).check(
  z.minLength(1),
  z.superRefine((policies: SignaturePolicy[], ctx) => {
    const versions = new Set(policies.map((p) => p.version))
    const dates = new Set(policies.map((p) => p.effectiveFrom))
    if (versions.size !== policies.length) ctx.addIssue({ code: 'custom', message: 'Two policies share a version number.' })
    if (dates.size !== policies.length) ctx.addIssue({ code: 'custom', message: 'Two policies take effect on the same day.' })
  }),
)

/** The seed's rule: above 10 000.00 CHF the group leader signs; above 50 000.00 CHF the group
 * leader and then the department head. */
export const DEFAULT_SIGNATURE_POLICY: SignaturePolicy = {
  version: 1,
  effectiveFrom: '2021-01-01',
  tiers: [
    { aboveChfMinor: 1_000_000, role: 'GROUP_LEADER', label: 'Group leader' },
    { aboveChfMinor: 5_000_000, role: 'DEPARTMENT_HEAD', label: 'Department head' },
  ],
}

export type RequiredTier = PolicyTier & { tierIndex: number }

/** Tiers whose threshold the CHF amount strictly exceeds, in signing order. Empty = no signature. */
export function requiredTiers(policy: SignaturePolicy, amountChfMinor: number): RequiredTier[] {
  if (!Number.isSafeInteger(amountChfMinor) || amountChfMinor <= 0) {
    throw new RangeError(`Not a positive CHF amount in centimes: ${amountChfMinor}`)
  }
  return policy.tiers.flatMap((tier, tierIndex) => (amountChfMinor > tier.aboveChfMinor ? [{ ...tier, tierIndex }] : []))
}

/** The policy in force on a day: the latest `effectiveFrom` on or before it; null before the first. */
export function policyInForce(policies: readonly SignaturePolicy[], date: IsoDate): SignaturePolicy | null {
  let inForce: SignaturePolicy | null = null
  for (const policy of policies) {
    if (policy.effectiveFrom > date) continue
    if (!inForce || policy.effectiveFrom > inForce.effectiveFrom) inForce = policy
  }
  return inForce
}
