import { describe, expect, test } from 'vitest'
import { formatRate } from './format-rate'
import { translatorFor } from '~/i18n/i18n.server'

describe('formatRate', () => {
  test('English keeps the decimal point and every digit', () => {
    expect(formatRate('0.9312', 'en')).toBe('0.9312')
    expect(formatRate('0.006125', 'en')).toBe('0.006125')
  })
  test('French writes the decimal comma, every digit kept', () => {
    expect(formatRate('0.9312', 'fr')).toBe('0,9312')
    expect(formatRate('1.000000', 'fr')).toBe('1,000000')
    expect(formatRate('0.006125', 'fr')).toBe('0,006125')
  })
  test('a whole rate reads the same in both', () => {
    expect(formatRate('1', 'fr')).toBe('1')
  })
})

describe('a rate inside a message ({{rate, rate}})', () => {
  test('reads with the decimal comma in French and the point in English, every digit kept', () => {
    const values = { amount: 1_200_050, chf: 1_117_486, rate: '0.931200', rateDate: '2026-11-30' }
    expect(translatorFor('fr', 'justifications')('timeline.details.amountConverted', values)).toContain('au taux de 0,931200 du')
    expect(translatorFor('en', 'justifications')('timeline.details.amountConverted', values)).toContain('at rate 0.931200 of')
  })
})
