import { describe, expect, test } from 'vitest'
import { fieldErrorsIn, said } from '~/i18n/said.test-support'
import { parseForm } from '~/ui/parse-form'
import { JustificationFormSchema, justificationFormSchema } from './justification-form-schema'

const valid = {
  intent: 'save',
  title: 'Cryocooler cold heads',
  description: 'Two spare cold heads for the cryocoolers.',
  supplierName: 'Cryo Instruments AG',
  supplierCountryCode: 'CH',
  originCountryCode: 'DE',
  category: 'SUPPLIES',
  amount: "10'000.50",
  currency: 'CHF',
  groupId: '6f1c2a52-7f5e-4c1b-9d3e-2a1b3c4d5e6f',
  reason: 'COMPATIBILITY',
  reasonText: 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.',
}

function submit(overrides: Record<string, string | undefined>) {
  const formData = new FormData()
  for (const [key, value] of Object.entries({ ...valid, ...overrides })) if (value !== undefined) formData.set(key, value)
  return parseForm(formData, { schema: JustificationFormSchema })
}

describe('the filing form', () => {
  test.each(["10'000.50", '10 000.50', '10000.5', '10\u202f000.50', '10’000.50', '10 000,50', '10000,5', "10'000,50"])('"%s" is 10 000.50 exactly', (amount) => {
    const result = submit({ amount })
    expect(result.status).toBe('success')
    expect(result.status === 'success' && result.value.amount).toBe(1_000_050)
  })

  test.each([
    ['amount', '1e5', /not in exponent notation/],
    ['amount', '-100', /must be positive/],
    ['amount', '0', /greater than zero/],
    ['amount', '10.505', /at most two decimals/],
    ['amount', '99999999999999', /^The amount is too large: the maximum is 10’000’000’000\.00\.$/],
    ['amount', 'ten francs', /only digits/],
    ['amount', '', /^Enter the amount\.$/],
    ['currency', 'XYZ', /^Choose a currency from the list\.$/],
    ['title', '', /^Enter the title\.$/],
    ['title', 'abc', /^The title needs at least 5 characters\.$/],
    ['reasonText', 'Because.', /^The written justification needs at least \d+ characters\.$/],
    ['supplierCountryCode', 'Switzerland', /^Choose the country where the supplier is established from the list\.$/],
    ['groupId', 'EN-MME', /^Choose a group from the list\.$/],
    ['reason', 'CHEAPEST', /^Choose why there is no competition\.$/],
    ['category', 'GOODS', /^Choose supplies or services\.$/],
    ['originCountryCode', undefined, /^For supplies, choose the country where the goods are made\.$/],
  ])('%s = %j is refused with its own message on that field', (field, value, english) => {
    const result = submit({ [field]: value })
    if (result.status === 'success') throw new Error(`${field} = ${value} was accepted`)
    const errors = result.error?.[field] ?? []
    expect(errors.length, JSON.stringify(result.error)).toBe(1)
    expect(said.en(errors[0]!)).toMatch(english)
  })

  test('says its field messages in French with the French catalogue', () => {
    const result = submit({ title: 'abc', amount: '12.345', supplierCountryCode: 'Suisse', category: 'GOODS' })
    if (result.status === 'success') throw new Error('accepted')
    expect(fieldErrorsIn('fr', result.error)).toEqual({
      title: ['Le titre doit compter au moins 5 caractères.'],
      amount: ['Deux décimales au plus (les centimes). Pour grouper les milliers, utilisez \' ou une espace plutôt qu’un point (par exemple 10\'000.50 ou 10 000,50).'],
      supplierCountryCode: ['Choisissez dans la liste le pays où le fournisseur est établi.'],
      category: ['Choisissez fournitures ou services.'],
    })
    // The same messages, in English for an English reader.
    expect(fieldErrorsIn('en', result.error).title).toEqual(['The title needs at least 5 characters.'])
  })

  test('services need no country of origin', () => {
    expect(submit({ category: 'SERVICES', originCountryCode: undefined }).status).toBe('success')
  })
})

describe('the reason why no suggested supplier can deliver (ADR 044)', () => {
  const parse = (overrides: Record<string, string | undefined>, suggested: number) => {
    const formData = new FormData()
    for (const [key, value] of Object.entries({ ...valid, activityCode: '38000000', ...overrides })) if (value !== undefined) formData.set(key, value)
    return parseForm(formData, { schema: justificationFormSchema(() => Array.from({ length: suggested }, () => ({}))) })
  }
  const errorsOf = (result: ReturnType<typeof parse>) => (result.status === 'success' ? {} : result.error)

  test('submitting with suggestions and no reason: a message on that field', () => {
    expect(fieldErrorsIn('en', errorsOf(parse({ intent: 'submit' }, 2)))).toEqual({ alternativeSuppliersReason: ['Registered suppliers in very poorly balanced countries do this work: say why none of them can deliver.'] })
  })

  test('a draft may leave it out; without suggestions it is not needed; a given reason is kept', () => {
    expect(parse({ intent: 'save' }, 2).status).toBe('success')
    expect(parse({ intent: 'submit' }, 0).status).toBe('success')
    const given = parse({ intent: 'submit', alternativeSuppliersReason: '  Their pumps are not bake-out rated.  ' }, 2)
    expect(given.status === 'success' && given.value.alternativeSuppliersReason).toBe('Their pumps are not bake-out rated.')
    expect(fieldErrorsIn('en', errorsOf(parse({ intent: 'submit', alternativeSuppliersReason: 'No.' }, 2)))).toEqual({ alternativeSuppliersReason: ['Say in at least 10 characters why none of them can deliver.'] })
  })

  test('the activity code is upper-cased and must look like one', () => {
    const lower = parse({ activityCode: 'ab12' }, 0)
    expect(lower.status === 'success' && lower.value.activityCode).toBe('AB12')
    expect(fieldErrorsIn('en', errorsOf(parse({ activityCode: '38 000 000' }, 0)))).toEqual({ activityCode: ['Choose the activity code from the list.'] })
  })
})
