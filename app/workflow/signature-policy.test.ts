import { describe, expect, it } from 'vitest'
import { DEFAULT_SIGNATURE_POLICY, policyInForce, requiredTiers, signaturePolicyHistorySchema, signaturePolicySchema, type SignaturePolicy } from './signature-policy.ts'

const roles = (amount: number, policy: SignaturePolicy = DEFAULT_SIGNATURE_POLICY) => requiredTiers(policy, amount).map((t) => t.role)

describe('requiredTiers with the default policy ("exceeding" is strict)', () => {
  it.each([
    [1, []],
    [999_999, []],
    [1_000_000, []],
    [1_000_001, ['GROUP_LEADER']],
    [5_000_000, ['GROUP_LEADER']],
    [5_000_001, ['GROUP_LEADER', 'DEPARTMENT_HEAD']],
    [1_000_000_000_000, ['GROUP_LEADER', 'DEPARTMENT_HEAD']],
  ])('%i centimes -> %j', (amount, expected) => {
    expect(roles(amount)).toEqual(expected)
  })

  it('keeps the index of each tier in the policy', () => {
    expect(requiredTiers(DEFAULT_SIGNATURE_POLICY, 5_000_001).map((t) => t.tierIndex)).toEqual([0, 1])
  })

  it('refuses amounts that are not positive integers of centimes', () => {
    expect(() => requiredTiers(DEFAULT_SIGNATURE_POLICY, 0)).toThrow(RangeError)
    expect(() => requiredTiers(DEFAULT_SIGNATURE_POLICY, 100.5)).toThrow(RangeError)
  })

  it('is valid according to its own schema', () => {
    expect(signaturePolicySchema.parse(DEFAULT_SIGNATURE_POLICY)).toEqual(DEFAULT_SIGNATURE_POLICY)
  })
})

const withFinanceCommittee: SignaturePolicy = {
  version: 2,
  effectiveFrom: '2026-01-01',
  tiers: [
    ...DEFAULT_SIGNATURE_POLICY.tiers,
    { aboveChfMinor: 20_000_000, role: 'FINANCE_COMMITTEE', label: 'Finance Committee' },
  ],
}

describe('a policy with a Finance Committee tier above 200 kCHF', () => {
  it('adds the tier only above its threshold', () => {
    expect(roles(20_000_000, withFinanceCommittee)).toEqual(['GROUP_LEADER', 'DEPARTMENT_HEAD'])
    expect(roles(20_000_001, withFinanceCommittee)).toEqual(['GROUP_LEADER', 'DEPARTMENT_HEAD', 'FINANCE_COMMITTEE'])
  })
})

describe('signaturePolicySchema refuses', () => {
  const tier = (aboveChfMinor: number, role: string, label = 'x') => ({ aboveChfMinor, role, label })
  it.each([
    ['thresholds that do not strictly increase', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100, 'GROUP_LEADER'), tier(100, 'DEPARTMENT_HEAD')] }, /strictly increase/],
    ['roles that climb down the hierarchy', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100, 'DEPARTMENT_HEAD'), tier(200, 'GROUP_LEADER')] }, /higher in the hierarchy/],
    ['the same role twice', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100, 'GROUP_LEADER'), tier(200, 'GROUP_LEADER')] }, /higher in the hierarchy/],
    ['an unknown role', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100, 'JANITOR')] }, /./],
    ['a fractional threshold', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100.5, 'GROUP_LEADER')] }, /./],
    ['a negative threshold', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(-1, 'GROUP_LEADER')] }, /./],
    ['an empty label', { version: 3, effectiveFrom: '2026-01-01', tiers: [tier(100, 'GROUP_LEADER', '  ')] }, /./],
    ['no tiers', { version: 3, effectiveFrom: '2026-01-01', tiers: [] }, /./],
    ['an impossible date', { version: 3, effectiveFrom: '2026-02-30', tiers: [tier(100, 'GROUP_LEADER')] }, /calendar date/],
    ['version 0', { version: 0, effectiveFrom: '2026-01-01', tiers: [tier(100, 'GROUP_LEADER')] }, /./],
  ])('%s', (_, policy, message) => {
    const result = signaturePolicySchema.safeParse(policy)
    expect(result.success).toBe(false)
    expect(result.error?.message).toMatch(message)
  })

  it('histories with a repeated version or effective date', () => {
    expect(signaturePolicyHistorySchema.safeParse([DEFAULT_SIGNATURE_POLICY, { ...withFinanceCommittee, version: 1 }]).success).toBe(false)
    expect(signaturePolicyHistorySchema.safeParse([DEFAULT_SIGNATURE_POLICY, { ...withFinanceCommittee, effectiveFrom: '2021-01-01' }]).success).toBe(false)
    expect(signaturePolicyHistorySchema.safeParse([DEFAULT_SIGNATURE_POLICY, withFinanceCommittee]).success).toBe(true)
  })
})

describe('policyInForce', () => {
  const history = [withFinanceCommittee, DEFAULT_SIGNATURE_POLICY] // order in the list must not matter

  it.each([
    ['2020-12-31', null],
    ['2021-01-01', 1],
    ['2025-12-31', 1],
    ['2026-01-01', 2],
    ['2030-06-15', 2],
  ])('on %s picks version %j', (date, version) => {
    expect(policyInForce(history, date)?.version ?? null).toBe(version)
  })
})
