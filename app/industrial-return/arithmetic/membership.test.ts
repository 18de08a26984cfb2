import { describe, expect, it } from 'vitest'
import { membershipByYear, membershipInYear, membershipOn, type MembershipChange } from './membership.ts'

// Brazil's date is the one the issue gives; the others are fixtures, not historical claims.
const history: MembershipChange[] = [
  { countryCode: 'BR', membership: 'OTHER', effectiveFrom: null },
  { countryCode: 'BR', membership: 'ASSOCIATE', effectiveFrom: '2024-03-13' },
  { countryCode: 'SI', membership: 'ASSOCIATE', effectiveFrom: '2017-07-04' },
  { countryCode: 'SI', membership: 'MEMBER', effectiveFrom: '2024-06-21' },
]

describe('membership over time', () => {
  it('is the latest change in force on a date; the undated row is what held before the dated ones', () => {
    expect(membershipOn(history, 'BR', '2024-03-12')).toBe('OTHER')
    expect(membershipOn(history, 'BR', '2024-03-13')).toBe('ASSOCIATE')
    expect(membershipOn(history, 'SI', '2017-07-03')).toBe('OTHER')
    expect(membershipOn(history, 'SI', '2030-01-01')).toBe('MEMBER')
    expect(membershipOn(history, 'FR', '2024-01-01')).toBe('OTHER')
  })

  it('counts a year under the membership of its 31 December', () => {
    expect(membershipInYear(history, 'BR', 2023)).toBe('OTHER')
    expect(membershipInYear(history, 'BR', 2024)).toBe('ASSOCIATE')
    expect(membershipByYear(history, 'SI', 2016, 2018)).toEqual({ 2016: 'OTHER', 2017: 'ASSOCIATE', 2018: 'ASSOCIATE' })
    expect(membershipInYear(history, 'SI', 2024)).toBe('MEMBER')
  })
})
