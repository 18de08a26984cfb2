import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { parseForm } from '~/ui/parse-form'
import { companiesText, industryDaySchema, readCompanies } from './industry-day-form.ts'

const schema = industryDaySchema(['CH', 'FR', 'PL', 'GR'])
const submit = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return parseForm(form, { schema })
}
const errorsOf = (fields: Record<string, string>) => {
  const submission = submit(fields)
  return submission.status === 'success' ? null : submission.error
}

describe('the Industry Day form', () => {
  it('shows every mistake at once, each on its field', () => {
    expect(errorsOf({ heldOn: '2026-02-30', companies: 'Acme; XX' })).toEqual({
      kind: ['Choose whether the day is dedicated to a country or to a theme.'],
      heldOn: ['Enter a date, e.g. 2026-05-12.'],
      companies: ['Line 1: the country code “XX” is not one the organisation knows.'],
    })
    expect(errorsOf({ kind: 'COUNTRY', heldOn: '2026-05-12' })).toEqual({ countryCode: ['Choose the country the day is dedicated to.'] })
    expect(errorsOf({ kind: 'THEMATIC', heldOn: '' })).toEqual({ heldOn: ['Enter the date of the day.'], theme: ['Enter the theme of the day, e.g. “Cryogenics”.'] })
    expect(errorsOf({ kind: 'COUNTRY', heldOn: '1999-12-31', countryCode: 'ZZ' })).toEqual({
      heldOn: ['Enter a date between 2000 and 2100.'],
      countryCode: ['The country code “ZZ” is not one the organisation knows.'],
    })
  })

  it('keeps only the field of the kind chosen', () => {
    const country = submit({ kind: 'COUNTRY', heldOn: '2026-05-12', countryCode: 'pl', theme: 'left over' })
    expect(country.status === 'success' && country.value).toEqual({ kind: 'COUNTRY', heldOn: '2026-05-12', countryCode: 'PL', theme: null, invitations: [] })
    const thematic = submit({ kind: 'THEMATIC', heldOn: '2026-05-12', countryCode: 'PL', theme: '  Radio   frequency ' })
    expect(thematic.status === 'success' && thematic.value).toMatchObject({ countryCode: null, theme: 'Radio frequency' })
  })

  it('reads one company per line, numbering lines as typed, the country after the last semicolon', () => {
    const known = new Set(['CH', 'FR'])
    expect(readCompanies('Dupont; Fils SA; fr\r\n\r\n; CH\nBig Co;\nX; CHE\n', known)).toEqual({
      invitations: [{ companyName: 'Dupont; Fils SA', countryCode: 'FR' }],
      errors: [
        'Line 3: enter the company’s name before the semicolon.',
        'Line 4: enter the company’s country code after the semicolon, e.g. FR.',
        'Line 5: “CHE” is not a two-letter country code (e.g. FR, PL).',
      ],
    })
    const invitations = [
      { companyName: 'Dupont; Fils SA', countryCode: 'FR' },
      { companyName: 'Bern AG', countryCode: 'CH' },
    ]
    expect(readCompanies(companiesText(invitations), known)).toEqual({ invitations, errors: [] })
  })
})
