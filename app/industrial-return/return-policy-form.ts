/**
 * The spread policy page's form (publish a new version, issue 13.8): bands, window, the very poorly
 * balanced target and its dates, digest frequency and the Associate ceilings per year. One schema shared
 * by the browser and the action. Client-safe.
 */
import * as z from 'zod/mini'
import { isoDateField } from '~/calendar/date-field'
import { message } from '~/i18n/message'
import { compare, decimal } from './arithmetic/rational.ts'
import { DIGEST_FREQUENCIES } from './return-policy.ts'

// Messages as keys (`message(...)`), translated where the form shows them; one key per field, as
// the sentence around a band's name differs between the languages.
const THRESHOLD = /^\d{1,2}(\.\d{1,4})?$/
type ThresholdField = 'suppliesVeryPoorly' | 'suppliesPoorly' | 'servicesPoorly'
const threshold = (field: ThresholdField) =>
  z
    .string({ error: message(`industrial-return:policyForm.thresholdRequired.${field}`) })
    .check(z.trim(), z.regex(THRESHOLD, message(`industrial-return:policyForm.thresholdFormat.${field}`)))
const year = (field: 'baselineStatusYear' | 'targetStatusYear') =>
  z.coerce
    .number({ error: message(`industrial-return:policyForm.yearRequired.${field}`) })
    .check(
      z.int(message(`industrial-return:policyForm.yearRequired.${field}`)),
      z.gte(2000, message('industrial-return:policyForm.yearFrom2000')),
      z.lte(2100, message('industrial-return:policyForm.yearUpTo2100')),
    )
const count = (field: 'baselineCount' | 'targetCount') =>
  z.coerce
    .number({ error: message(`industrial-return:policyForm.countRequired.${field}`) })
    .check(
      z.int(message('industrial-return:policyForm.wholeCountries')),
      z.gte(0, message('industrial-return:policyForm.atLeastZero')),
      z.lte(50, message('industrial-return:policyForm.atMostFifty')),
    )

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
      errors.push(message('industrial-return:policyForm.ceilingLineUnreadable', { line: index + 1, text: line.slice(0, 40) }))
      return
    }
    const countryCode = match[1]!.toUpperCase()
    const key = `${countryCode} ${match[2]}`
    if (seen.has(key)) {
      errors.push(message('industrial-return:policyForm.ceilingLineRepeated', { line: index + 1, country: countryCode, year: match[2]! }))
      return
    }
    seen.add(key)
    ceilings.push({ countryCode, year: Number(match[2]), ceiling: match[3]! })
  })
  ceilings.sort((a, b) => a.countryCode.localeCompare(b.countryCode) || a.year - b.year)
  return { ceilings, errors }
}

const PublishReturnPolicyFields = z.object({
  intent: z.literal('publish'),
  effectiveFrom: isoDateField,
  suppliesVeryPoorlyBelow: threshold('suppliesVeryPoorly'),
  suppliesPoorlyBelow: threshold('suppliesPoorly'),
  servicesPoorlyBelow: threshold('servicesPoorly'),
  windowYears: z.coerce
    .number({ error: message('industrial-return:policyForm.windowRequired') })
    .check(
      z.int(message('industrial-return:policyForm.windowWhole')),
      z.gte(1, message('industrial-return:policyForm.windowAtLeast')),
      z.lte(10, message('industrial-return:policyForm.windowAtMost')),
    ),
  baselineStatusYear: year('baselineStatusYear'),
  baselineCount: count('baselineCount'),
  targetStatusYear: year('targetStatusYear'),
  targetCount: count('targetCount'),
  startsOn: isoDateField,
  deadline: isoDateField,
  digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: message('industrial-return:policyForm.digestFrequency') }),
  amsCeilings: z.optional(z.string().check(z.maxLength(20_000, message('industrial-return:policyForm.ceilingsTooLong')))),
})

export const PublishReturnPolicySchema = z.pipe(
  PublishReturnPolicyFields,
  z.transform((value: z.output<typeof PublishReturnPolicyFields>, ctx) => {
    const addIssue = (path: string, text: string) => ctx.issues.push({ code: 'custom', path: [path], message: text, input: value })
    if (compare(decimal(value.suppliesVeryPoorlyBelow), decimal(value.suppliesPoorlyBelow)) >= 0) {
      addIssue('suppliesPoorlyBelow', message('industrial-return:policyForm.linesInOrder'))
    }
    if (value.targetStatusYear <= value.baselineStatusYear) addIssue('targetStatusYear', message('industrial-return:policyForm.targetAfterBaseline'))
    if (value.deadline <= value.startsOn) addIssue('deadline', message('industrial-return:policyForm.deadlineAfterStart'))
    const { ceilings, errors } = parseCeilingLines(value.amsCeilings ?? '')
    for (const error of errors) addIssue('amsCeilings', error)
    return { ...value, amsCeilings: ceilings }
  }),
)
export type PublishReturnPolicyInput = z.output<typeof PublishReturnPolicySchema>

/** The ceilings as the form's text area shows them. */
export const ceilingLines = (ceilings: readonly CeilingLine[]): string => ceilings.map((c) => `${c.countryCode} ${c.year} ${c.ceiling}`).join('\n')
