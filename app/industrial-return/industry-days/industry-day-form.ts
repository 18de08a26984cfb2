/**
 * The Industry Day form's schema, shared by the browser (validation as the officer types) and the
 * actions that record and edit a day (ADR 043). Client-safe: only pure imports.
 *
 * Invited companies are typed one per line as "Name; CC" (the company, a semicolon, the ISO code of
 * the country it is counted for). Each wrong line gets its own message naming its line number, on the
 * companies field. The schema is made with the country codes the organisation knows (the loader sends
 * them to the page), so that the browser and the action refuse the same codes.
 *
 * Every field is read as optional text and every check is made in one pass, so that all the form's
 * mistakes are shown at once (a refinement after a failed field would not run). Every message is
 * a message of the return-data namespace (app/i18n/message.ts), said in the reader's language where
 * shown; a company's line carries its number in its values.
 */
import * as z from 'zod/mini'
import { isIsoDate } from '~/calendar/calendar-date'
import { message } from '~/i18n/message'

export const INDUSTRY_DAY_KINDS = ['COUNTRY', 'THEMATIC'] as const
export type IndustryDayKind = (typeof INDUSTRY_DAY_KINDS)[number]

export const MAX_THEME_LENGTH = 200
export const MAX_COMPANY_NAME_LENGTH = 200
export const MAX_INVITATIONS = 1000
const FIRST_YEAR = 2000
const LAST_YEAR = 2100

export interface Invitation {
  companyName: string
  countryCode: string
}

export interface IndustryDayInput {
  kind: IndustryDayKind
  heldOn: string
  /** For a country day; null for a thematic one. */
  countryCode: string | null
  /** For a thematic day; null for a country one. */
  theme: string | null
  invitations: Invitation[]
}

/** The form's fields as submitted (all text). */
const RawForm = z.object({
  kind: z.optional(z.string()),
  heldOn: z.optional(z.string()),
  countryCode: z.optional(z.string()),
  theme: z.optional(z.string()),
  companies: z.optional(z.string()),
})
type RawForm = z.infer<typeof RawForm>
type FieldName = keyof RawForm

/** The companies field as one line per invitation, in the form's own notation (for editing). */
export const companiesText = (invitations: readonly Invitation[]): string => invitations.map((i) => `${i.companyName}; ${i.countryCode}`).join('\n')

/** Lines of the companies field; blank lines are skipped but keep the numbering a person sees. */
export function readCompanies(text: string | undefined, knownCountryCodes: ReadonlySet<string>): { invitations: Invitation[]; errors: string[] } {
  const invitations: Invitation[] = []
  const errors: string[] = []
  const lines = (text ?? '').split(/\r\n|\r|\n/)
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const number = index + 1
    const separator = line.lastIndexOf(';')
    if (separator < 0) {
      errors.push(message('return-data:industryDays.errors.companies.noSemicolon', { line: number }))
      return
    }
    const companyName = line.slice(0, separator).trim().replace(/\s+/g, ' ')
    const code = line.slice(separator + 1).trim().toUpperCase()
    const problems: string[] = []
    const shownCode = code.slice(0, 20)
    if (companyName === '') problems.push(message('return-data:industryDays.errors.companies.noName', { line: number }))
    else if (companyName.length > MAX_COMPANY_NAME_LENGTH) problems.push(message('return-data:industryDays.errors.companies.nameTooLong', { line: number, max: MAX_COMPANY_NAME_LENGTH }))
    if (code === '') problems.push(message('return-data:industryDays.errors.companies.noCode', { line: number }))
    else if (!/^[A-Z]{2}$/.test(code)) problems.push(message('return-data:industryDays.errors.companies.notACode', { line: number, code: shownCode }))
    else if (!knownCountryCodes.has(code)) problems.push(message('return-data:industryDays.errors.companies.unknownCode', { line: number, code }))
    if (problems.length === 0) invitations.push({ companyName, countryCode: code })
    else errors.push(...problems)
  })
  if (invitations.length > MAX_INVITATIONS) errors.push(message('return-data:industryDays.errors.companies.tooMany', { max: MAX_INVITATIONS }))
  return { invitations, errors }
}

/** Every mistake of the form, by field; and the input when there is none. */
function readIndustryDayForm(raw: RawForm, known: ReadonlySet<string>): { errors: [FieldName, string][]; value: IndustryDayInput | null } {
  const errors: [FieldName, string][] = []
  const kind = INDUSTRY_DAY_KINDS.find((k) => k === raw.kind)
  if (!kind) errors.push(['kind', message('return-data:industryDays.errors.kind')])

  const heldOn = raw.heldOn?.trim() ?? ''
  if (heldOn === '') errors.push(['heldOn', message('return-data:industryDays.errors.heldOnMissing')])
  else if (!isIsoDate(heldOn)) errors.push(['heldOn', message('return-data:industryDays.errors.heldOnFormat')])
  else if (Number(heldOn.slice(0, 4)) < FIRST_YEAR || Number(heldOn.slice(0, 4)) > LAST_YEAR) {
    errors.push(['heldOn', message('return-data:industryDays.errors.heldOnRange', { from: FIRST_YEAR, to: LAST_YEAR })])
  }

  const countryCode = raw.countryCode?.trim().toUpperCase() ?? ''
  const theme = raw.theme?.trim().replace(/\s+/g, ' ') ?? ''
  if (kind === 'COUNTRY') {
    if (countryCode === '') errors.push(['countryCode', message('return-data:industryDays.errors.countryMissing')])
    else if (!known.has(countryCode)) errors.push(['countryCode', message('return-data:industryDays.errors.countryUnknown', { code: countryCode.slice(0, 20) })])
  }
  if (kind === 'THEMATIC') {
    if (theme === '') errors.push(['theme', message('return-data:industryDays.errors.themeMissing')])
    else if (theme.length > MAX_THEME_LENGTH) errors.push(['theme', message('return-data:industryDays.errors.themeTooLong', { max: MAX_THEME_LENGTH })])
  }

  const companies = readCompanies(raw.companies, known)
  for (const error of companies.errors) errors.push(['companies', error])

  if (errors.length > 0 || !kind) return { errors, value: null }
  return {
    errors,
    value: {
      kind,
      heldOn,
      countryCode: kind === 'COUNTRY' ? countryCode : null,
      theme: kind === 'THEMATIC' ? theme : null,
      invitations: companies.invitations,
    },
  }
}

/** The schema of the record and edit forms, for the country codes the organisation knows. */
export function industryDaySchema(knownCountryCodes: Iterable<string>) {
  const known = new Set(knownCountryCodes)
  return z.pipe(
    RawForm,
    z.transform((raw: RawForm, ctx): IndustryDayInput => {
      const { errors, value } = readIndustryDayForm(raw, known)
      for (const [path, message] of errors) ctx.issues.push({ code: 'custom', path: [path], message, input: raw })
      return value ?? (z.NEVER as never)
    }),
  )
}

/** The edit form also carries the version it was read at (a hidden field). */
export const VersionSchema = z.object({ version: z.coerce.number().check(z.int(), z.gte(1)) })
