import { describe, expect, test } from 'vitest'
import { canonicalCoveredText, coveredTextSha256, type CoveredText } from './covered-content'

const text: CoveredText = {
  title: 'Spare cryostat valves',
  description: 'Replacement valves for the test stand.',
  supplierName: 'Kryo AG',
  supplierCountryCode: 'CH',
  originCountryCode: 'DE',
  category: 'SUPPLIES',
  amountMinor: 1_234_500n,
  currency: 'EUR',
  reason: 'COMPATIBILITY',
  reasonText: 'Only their valves fit the existing manifold.',
  marketSurveyReference: 'MS-2026-17',
  groupId: '7f0c1a52-3a5d-4c1e-9b1a-0d6f0c2b9e11',
}

describe('coveredTextSha256', () => {
  test('the same fields give the same hash, a 64-digit lower-case hex SHA-256', () => {
    expect(coveredTextSha256(text)).toBe(coveredTextSha256({ ...text }))
    expect(coveredTextSha256(text)).toMatch(/^[0-9a-f]{64}$/)
  })

  test('the order of the keys does not matter', () => {
    const reversed = Object.fromEntries(Object.entries(text).reverse()) as CoveredText
    expect(Object.keys(reversed)[0]).toBe('groupId')
    expect(coveredTextSha256(reversed)).toBe(coveredTextSha256(text))
  })

  test('an amount read as a bigint column or as a number hashes alike', () => {
    expect(coveredTextSha256({ ...text, amountMinor: 1_234_500 })).toBe(coveredTextSha256(text))
  })

  const changes: [keyof CoveredText, CoveredText[keyof CoveredText]][] = [
    ['title', 'Spare cryostat valves (2)'],
    ['description', 'Replacement valves for the test stand'],
    ['supplierName', 'Kryo GmbH'],
    ['supplierCountryCode', 'DE'],
    ['originCountryCode', null],
    ['category', 'SERVICES'],
    ['amountMinor', 1_234_501n],
    ['currency', 'CHF'],
    ['reason', 'EXCLUSIVITY'],
    ['reasonText', 'Only their valves fit.'],
    ['marketSurveyReference', null],
    ['groupId', '00000000-0000-4000-8000-000000000000'],
  ]
  test.each(changes)('changing %s changes the hash', (field, value) => {
    expect(coveredTextSha256({ ...text, [field]: value })).not.toBe(coveredTextSha256(text))
  })

  test('an empty optional field and an absent one differ', () => {
    expect(coveredTextSha256({ ...text, marketSurveyReference: '' })).not.toBe(coveredTextSha256({ ...text, marketSurveyReference: null }))
  })

  test('fields outside the list (workflow columns of a row) do not count', () => {
    const row = { ...text, status: 'DRAFT', rowVersion: 4, amountChfMinor: 1_200_000n }
    expect(coveredTextSha256(row)).toBe(coveredTextSha256(text))
    expect(canonicalCoveredText(row)).not.toContain('rowVersion')
  })

  test('a value cannot spill into the next field', () => {
    const shifted = { ...text, title: `${text.title}","description`, description: '' }
    expect(coveredTextSha256(shifted)).not.toBe(coveredTextSha256(text))
  })
})
