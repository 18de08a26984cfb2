/**
 * The spread policy page's form (publish a new version, issue 13.8): bands, window, the very poorly
 * balanced target and its dates, digest frequency and the Associate ceilings per year. One schema shared
 * by the browser and the action. Client-safe.
 */
import * as z from 'zod'
import { isoDateField } from '~/calendar/date-field'
import { compare, decimal } from './arithmetic/rational.ts'
import { DIGEST_FREQUENCIES } from './return-policy.ts'

const THRESHOLD = /^\d{1,2}(\.\d{1,4})?$/
const threshold = (what: string) =>
  z
    .string({ error: `Enter the coefficient below which a country is ${what}, like 0.40.` })
    .trim()
    .regex(THRESHOLD, `Enter the coefficient below which a country is ${what} as a number like 0.40 (at most 4 decimals).`)
const year = (what: string) => z.coerce.number({ error: `Enter the ${what} as a year.` }).int(`Enter the ${what} as a year.`).min(2000, 'A year from 2000.').max(2100, 'A year up to 2100.')
const count = (what: string) => z.coerce.number({ error: `Enter the ${what}.` }).int('A whole number of countries.').min(0, 'At least 0.').max(50, 'At most 50.')

export interface CeilingLine {
  countryCode: string
  year: number
  ceiling: string
}

/** "BR 2024 1.50", one a line (commas or semicolons between the three are fine too). */
export function parseCeilingLines(text: string): { ceilings: CeilingLine[]; errors: string[] } {
  const ceilings: CeilingLine[] = []
  const errors: string[] = []
  const seen = new Set<string>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    const match = /^([A-Za-z]{2})[\s,;]+(\d{4})[\s,;]+(\d{1,2}(?:\.\d{1,4})?)$/.exec(line)
    if (!match) {
      errors.push(`Line ${index + 1} (“${line.slice(0, 40)}”): write the country code, the year and the ceiling, like “BR 2024 1.50”.`)
      return
    }
    const countryCode = match[1]!.toUpperCase()
    const key = `${countryCode} ${match[2]}`
    if (seen.has(key)) {
      errors.push(`Line ${index + 1}: ${countryCode} already has a ceiling for ${match[2]} on an earlier line.`)
      return
    }
    seen.add(key)
    ceilings.push({ countryCode, year: Number(match[2]), ceiling: match[3]! })
  })
  ceilings.sort((a, b) => a.countryCode.localeCompare(b.countryCode) || a.year - b.year)
  return { ceilings, errors }
}

export const PublishReturnPolicySchema = z
  .object({
    intent: z.literal('publish'),
    effectiveFrom: isoDateField,
    suppliesVeryPoorlyBelow: threshold('very poorly balanced for supplies'),
    suppliesPoorlyBelow: threshold('poorly balanced for supplies'),
    servicesPoorlyBelow: threshold('poorly balanced for services'),
    windowYears: z.coerce.number({ error: 'Enter a number of years.' }).int('A whole number of years.').min(1, 'At least 1 year.').max(10, 'At most 10 years.'),
    baselineStatusYear: year('status year of the baseline'),
    baselineCount: count('number of very poorly balanced countries at the baseline'),
    targetStatusYear: year('status year of the target'),
    targetCount: count('target number of very poorly balanced countries'),
    startsOn: isoDateField,
    deadline: isoDateField,
    digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: 'Choose how often departments and groups get their statistics.' }),
    amsCeilings: z.string().max(20_000, 'At most 20 000 characters.').optional(),
  })
  .transform((value, ctx) => {
    if (compare(decimal(value.suppliesVeryPoorlyBelow), decimal(value.suppliesPoorlyBelow)) >= 0) {
      ctx.addIssue({ code: 'custom', path: ['suppliesPoorlyBelow'], message: 'The poorly balanced line must be above the very poorly balanced one.' })
    }
    if (value.targetStatusYear <= value.baselineStatusYear) ctx.addIssue({ code: 'custom', path: ['targetStatusYear'], message: 'The target comes after the baseline.' })
    if (value.deadline <= value.startsOn) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline comes after the start of the plan.' })
    const { ceilings, errors } = parseCeilingLines(value.amsCeilings ?? '')
    for (const message of errors) ctx.addIssue({ code: 'custom', path: ['amsCeilings'], message })
    return { ...value, amsCeilings: ceilings }
  })
export type PublishReturnPolicyInput = z.output<typeof PublishReturnPolicySchema>

/** The ceilings as the form's text area shows them. */
export const ceilingLines = (ceilings: readonly CeilingLine[]): string => ceilings.map((c) => `${c.countryCode} ${c.year} ${c.ceiling}`).join('\n')
