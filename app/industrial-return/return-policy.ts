/**
 * The industrial-return policy as data: bands, window length, the target for very poorly balanced countries
 * and its dates, how often departments and groups get their statistics, and the Associate Member States'
 * ceilings per year. Stored versioned in ReturnPolicy, each version effective from a date and published
 * by procurement on /industrial-return/policy (ADR 042); the built-in default applies until a version is
 * published (and is what the seed publishes).
 */
import * as z from 'zod/mini'
import { BandPolicySchema, DEFAULT_BAND_POLICY, type BandPolicy } from './arithmetic/bands.ts'
import type { AmsCeiling } from './arithmetic/membership.ts'
import { isoDateOfColumn } from '~/calendar/date-column'

export const VeryPoorlyTargetSchema = z.object({
  /** "Reduce very poorly balanced countries (supplies) from six ..." */
  baselineStatusYear: z.number().check(z.int()),
  baselineCount: z.number().check(z.int(), z.gte(0)),
  /** "... to three by the end of 2025": the status year in force at that date. */
  targetStatusYear: z.number().check(z.int()),
  targetCount: z.number().check(z.int(), z.gte(0)),
  /** The dates of the plan: from when the baseline is counted, and the day the target is due ("end of 2025"). */
  startsOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  deadline: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  source: z.optional(z.string()),
})
export type VeryPoorlyTarget = z.infer<typeof VeryPoorlyTargetSchema>

export const AmsCeilingsSchema = z.array(
  z.object({
    countryCode: z.string().check(z.regex(/^[A-Z]{2}$/)),
    year: z.number().check(z.int(), z.gte(1950), z.lte(2200)),
    ceiling: z.string().check(z.regex(/^\d+(\.\d+)?$/)),
  }),
)

export const DIGEST_FREQUENCIES = ['MONTHLY', 'QUARTERLY'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]

export interface ReturnPolicy {
  /** "built-in" until a version is stored. */
  version: string
  bands: BandPolicy
  windowYears: number
  veryPoorlyTarget: VeryPoorlyTarget
  digestFrequency: DigestFrequency
  /** Each Associate Member State's ceiling per calendar year (a coefficient its return counts at most). */
  amsCeilings: AmsCeiling[]
  /** ISO date the version is in force from; null for the built-in default. */
  effectiveFrom: string | null
}

export const DEFAULT_VERY_POORLY_TARGET: VeryPoorlyTarget = {
  baselineStatusYear: 2021,
  baselineCount: 6,
  targetStatusYear: 2025,
  targetCount: 3,
  startsOn: '2021-01-01',
  deadline: '2025-12-31',
  source: 'CERN Management vision 2021-2025, "Return to the Member and Associate Member States"',
}

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  version: 'built-in',
  bands: DEFAULT_BAND_POLICY,
  windowYears: 4,
  veryPoorlyTarget: DEFAULT_VERY_POORLY_TARGET,
  digestFrequency: 'MONTHLY',
  amsCeilings: [],
  effectiveFrom: null,
}

export function parseStoredPolicy(row: {
  version: number
  effectiveFrom?: Date
  bands: unknown
  windowYears: number
  veryPoorlyTarget: unknown
  digestFrequency: DigestFrequency
  amsCeilings?: unknown
}): ReturnPolicy {
  return {
    version: String(row.version),
    bands: BandPolicySchema.parse(row.bands),
    windowYears: row.windowYears,
    veryPoorlyTarget: VeryPoorlyTargetSchema.parse(row.veryPoorlyTarget),
    digestFrequency: row.digestFrequency,
    amsCeilings: AmsCeilingsSchema.parse(row.amsCeilings ?? []),
    effectiveFrom: row.effectiveFrom ? isoDateOfColumn(row.effectiveFrom) : null,
  }
}

/** The ceiling of an Associate for a year, if the policy sets one. */
export const ceilingFor = (policy: Pick<ReturnPolicy, 'amsCeilings'>, countryCode: string, year: number): string | null =>
  policy.amsCeilings.find((c) => c.countryCode === countryCode && c.year === year)?.ceiling ?? null

/** The target count for a status year: only the baseline and the goal are policy; none in between. */
export function targetCountFor(target: VeryPoorlyTarget, statusYear: number): number | null {
  if (statusYear === target.baselineStatusYear) return target.baselineCount
  if (statusYear === target.targetStatusYear) return target.targetCount
  return null
}
