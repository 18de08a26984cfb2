import { describe, expect, test } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { formatAmount } from './amount'
import { formatRate } from './format-rate'

describe('formatRate', () => {
  test('every digit kept, in both languages', () => {
    expect(formatRate('0.9312', 'en')).toBe('0.9312')
    expect(formatRate('0.006125', 'en')).toBe('0.006125')
    expect(formatRate('1.000000', 'fr')).toBe('1.000000')
  })
  test('French writes the decimal separator its amounts write', () => {
    expect(formatAmount(150)).toBe('1.50')
    expect(formatRate('0.9312', 'fr')).toBe('0.9312')
  })
})

describe('a rate inside a message ({{rate, rate}})', () => {
  test('reads with every digit, as amounts read, in both languages', () => {
    const values = { amount: 1_200_050, chf: 1_117_486, rate: '0.931200', rateDate: '2026-11-30' }
    expect(translatorFor('fr', 'justifications')('timeline.details.amountConverted', values)).toContain('au taux de 0.931200 du')
    expect(translatorFor('en', 'justifications')('timeline.details.amountConverted', values)).toContain('at rate 0.931200 of')
  })
})
