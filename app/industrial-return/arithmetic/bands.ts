/**
 * Balance bands of the return coefficient, as versioned policy data (domain brief, section 3).
 *
 * A policy lists, per category, bands in increasing order, each with the exclusive upper bound
 * `below` written as an exact decimal string; the last band is open-ended (`below: null`).
 * A coefficient of exactly a threshold therefore falls in the band ABOVE it (0.40 is POORLY for
 * supplies, WELL for services; 1.00 is WELL for supplies), as the brief says ("below 0.40",
 * "at 1.00 or above").
 */
import * as z from 'zod/mini'
import { compare, decimal, parseDecimal, type Rational } from './rational.ts'

export const CATEGORIES = ['SUPPLIES', 'SERVICES'] as const
export type Category = (typeof CATEGORIES)[number]

export const BANDS = ['VERY_POORLY', 'POORLY', 'WELL'] as const
export type Band = (typeof BANDS)[number]

const Threshold = z.string().check(z.regex(/^\d+(\.\d+)?$/, 'a threshold is a non-negative decimal such as "0.40"'))

const BandRuleSchema = z.object({
  band: z.enum(BANDS),
  /** Exclusive upper bound; null for the last, open-ended band. */
  below: z.nullable(Threshold),
})
export type BandRule = z.infer<typeof BandRuleSchema>

const BandLadderSchema = z.array(BandRuleSchema).check(
  z.minLength(1),
  z.superRefine((rules, ctx) => {
    rules.forEach((rule, index) => {
      const isLast = index === rules.length - 1
      if (isLast !== (rule.below === null)) {
        ctx.addIssue({ code: 'custom', path: [index, 'below'], message: 'only the last band is open-ended (below: null)' })
      }
      const previous = rules[index - 1]?.below
      if (rule.below !== null && previous != null && compare(decimal(previous), decimal(rule.below)) >= 0) {
        ctx.addIssue({ code: 'custom', path: [index, 'below'], message: 'thresholds must increase' })
      }
    })
    if (new Set(rules.map((rule) => rule.band)).size !== rules.length) {
      ctx.addIssue({ code: 'custom', message: 'a band appears twice' })
    }
  }),
)

export const BandPolicySchema = z.object({
  /** Stored beside every computed status, so a past status can be explained after a policy change. */
  version: z.string().check(z.minLength(1)),
  source: z.optional(z.string()),
  SUPPLIES: BandLadderSchema,
  SERVICES: BandLadderSchema,
})
export type BandPolicy = z.infer<typeof BandPolicySchema>

export const DEFAULT_BAND_POLICY: BandPolicy = BandPolicySchema.parse({
  version: 'cern-industrial-return-2021',
  source: 'CERN procurement, "Industrial returns" (procurement.web.cern.ch, node 7693)',
  SUPPLIES: [
    { band: 'VERY_POORLY', below: '0.40' },
    { band: 'POORLY', below: '1.00' },
    { band: 'WELL', below: null },
  ],
  SERVICES: [
    { band: 'POORLY', below: '0.40' },
    { band: 'WELL', below: null },
  ],
})

/** Band of an exact coefficient; a decimal string is accepted for readability ("0.40"). */
export function bandOf(coefficient: Rational | string, category: Category, policy: BandPolicy = DEFAULT_BAND_POLICY): Band {
  const value = typeof coefficient === 'string' ? decimal(coefficient) : coefficient
  const rules = policy[category]
  for (const rule of rules) {
    if (rule.below === null || compare(value, decimal(rule.below)) < 0) return rule.band
  }
  // Unreachable for a policy that passed the schema: its last band is open-ended.
  throw new Error(`Band policy ${policy.version} has no open-ended band for ${category}`)
}

/** The thresholds of a category as exact values, e.g. to draw the band lines on a chart. */
export function thresholdsOf(category: Category, policy: BandPolicy = DEFAULT_BAND_POLICY): { band: Band; below: Rational }[] {
  return policy[category].flatMap((rule) => {
    const below = rule.below === null ? null : parseDecimal(rule.below)
    return below === null ? [] : [{ band: rule.band, below }]
  })
}

export type VeryPoorlyTransition = 'ENTERED_VERY_POORLY' | 'LEFT_VERY_POORLY'

/** Whether going from one band to another crosses the "very poorly balanced" line (null: no band). */
export function veryPoorlyTransition(from: Band | null, to: Band | null): VeryPoorlyTransition | null {
  const was = from === 'VERY_POORLY'
  const is = to === 'VERY_POORLY'
  if (was === is) return null
  return is ? 'ENTERED_VERY_POORLY' : 'LEFT_VERY_POORLY'
}
