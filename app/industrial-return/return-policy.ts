/**
 * The industrial-return policy as data: bands, window length, the target for very poorly balanced countries
 * and how often departments and groups get their statistics. Stored versioned in ReturnPolicy;
 * the built-in default applies until a version is published (and is what the seed publishes).
 */
import * as z from 'zod'
import { BandPolicySchema, DEFAULT_BAND_POLICY, type BandPolicy } from './arithmetic/bands.ts'

export const VeryPoorlyTargetSchema = z.object({
  /** "Reduce very poorly balanced countries (supplies) from six ..." */
  baselineStatusYear: z.number().int(),
  baselineCount: z.number().int().min(0),
  /** "... to three by the end of 2025": the status year in force at that date. */
  targetStatusYear: z.number().int(),
  targetCount: z.number().int().min(0),
  source: z.string().optional(),
})
export type VeryPoorlyTarget = z.infer<typeof VeryPoorlyTargetSchema>

export const DIGEST_FREQUENCIES = ['MONTHLY', 'QUARTERLY'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]

export interface ReturnPolicy {
  /** "built-in" until a version is stored. */
  version: string
  bands: BandPolicy
  windowYears: number
  veryPoorlyTarget: VeryPoorlyTarget
  digestFrequency: DigestFrequency
}

export const DEFAULT_VERY_POORLY_TARGET: VeryPoorlyTarget = {
  baselineStatusYear: 2021,
  baselineCount: 6,
  targetStatusYear: 2025,
  targetCount: 3,
  source: 'CERN Management vision 2021-2025, "Return to the Member and Associate Member States"',
}

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  version: 'built-in',
  bands: DEFAULT_BAND_POLICY,
  windowYears: 4,
  veryPoorlyTarget: DEFAULT_VERY_POORLY_TARGET,
  digestFrequency: 'MONTHLY',
}

export function parseStoredPolicy(row: {
  version: number
  bands: unknown
  windowYears: number
  veryPoorlyTarget: unknown
  digestFrequency: DigestFrequency
}): ReturnPolicy {
  return {
    version: String(row.version),
    bands: BandPolicySchema.parse(row.bands),
    windowYears: row.windowYears,
    veryPoorlyTarget: VeryPoorlyTargetSchema.parse(row.veryPoorlyTarget),
    digestFrequency: row.digestFrequency,
  }
}

/** The target count for a status year: only the baseline and the goal are policy; none in between. */
export function targetCountFor(target: VeryPoorlyTarget, statusYear: number): number | null {
  if (statusYear === target.baselineStatusYear) return target.baselineCount
  if (statusYear === target.targetStatusYear) return target.targetCount
  return null
}
