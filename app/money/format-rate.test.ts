import { describe, expect, test } from 'vitest'
import { formatRate } from './format-rate'

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
