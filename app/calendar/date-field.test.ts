import { describe, expect, test } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { isoDateField } from './date-field.ts'

describe('the date form field', () => {
  test('takes an existing calendar date', () => {
    expect(isoDateField.parse('2024-02-29')).toBe('2024-02-29')
  })
  test('explains the format when the text is not a date', () => {
    for (const text of ['1.3.2026', '2026-3-1', '']) {
      expect(said.en(isoDateField.safeParse(text).error?.issues[0]?.message ?? '')).toBe('Enter a date like 2026-03-01.')
    }
  })
  test('says so when the date does not exist', () => {
    expect(said.en(isoDateField.safeParse('2025-02-29').error?.issues[0]?.message ?? '')).toBe('That date does not exist.')
  })
})
