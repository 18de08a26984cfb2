import { describe, expect, it } from 'vitest'
import { org } from './org.fixture.ts'
import { DEFAULT_SIGNATURE_POLICY, type SignaturePolicy } from './signature-policy.ts'
import { prepareSubmission, type SubmissionRequest } from './submission.ts'

const v2: SignaturePolicy = {
  version: 2,
  effectiveFrom: '2026-01-01',
  tiers: [
    { aboveChfMinor: 2_000_000, role: 'GROUP_LEADER', label: 'Group leader' },
    { aboveChfMinor: 5_000_000, role: 'DEPARTMENT_HEAD', label: 'Department head' },
    { aboveChfMinor: 20_000_000, role: 'FINANCE_COMMITTEE', label: 'Finance Committee' },
  ],
}

const request = (overrides: Partial<SubmissionRequest>): SubmissionRequest => ({
  requesterId: 'alice',
  carryingGroupId: 'MSC',
  amountMinor: 1_500_000,
  currency: 'CHF',
  rate: '1',
  policies: [DEFAULT_SIGNATURE_POLICY, v2],
  org,
  at: '2025-02-10T09:00:00.000Z',
  ...overrides,
})

describe('prepareSubmission', () => {
  it('builds the SUBMIT event with the chain, the policy version and the CHF amount', () => {
    const prepared = prepareSubmission(request({ amountMinor: 1_250_001, currency: 'EUR', rate: '0.8' }))
    expect(prepared).toMatchObject({ ok: true, chfMinor: 1_000_001, rate: { text: '0.8' }, date: '2025-02-10', policy: { version: 1 } })
    expect(prepared.ok && prepared.event).toMatchObject({ type: 'SUBMIT', actorId: 'alice', at: '2025-02-10T09:00:00.000Z', policyVersion: 1, amountChfMinor: 1_000_001, chain: [{ signatoryId: 'gina' }] })
  })

  it.each([
    // CHF 15 000.00: above v1's first threshold (10 kCHF), below v2's (20 kCHF).
    ['2025-12-31T22:59:59.000Z', 1, ['hugo']], // 23:59:59 in Geneva: still 2025
    ['2025-12-31T23:00:00.000Z', 2, []], // midnight in Geneva: 2026
  ])('judges a submission at %s by the policy of the Geneva calendar day (v%i)', (at, version, signatories) => {
    const prepared = prepareSubmission(request({ at }))
    expect(prepared.ok && prepared.policy.version).toBe(version)
    expect(prepared.ok && prepared.event.type === 'SUBMIT' && prepared.event.chain.map((s) => s.signatoryId)).toEqual(signatories)
  })

  it('adds the Finance Committee above 200 kCHF under v2', () => {
    const prepared = prepareSubmission(request({ amountMinor: 20_000_001, at: '2026-03-01T10:00:00Z' }))
    expect(prepared.ok && prepared.event.type === 'SUBMIT' && prepared.event.chain.map((s) => [s.role, s.signatoryId])).toEqual([
      ['GROUP_LEADER', 'hugo'],
      ['DEPARTMENT_HEAD', 'dave'],
      ['FINANCE_COMMITTEE', 'fiona'],
    ])
  })

  it.each<[string, Partial<SubmissionRequest>, string]>([
    ['a time that is not one', { at: 'yesterday' }, 'INVALID_TIME'],
    ['a CHF amount with a rate other than 1', { rate: '0.9' }, 'INVALID_AMOUNT'],
    ['a malformed rate', { currency: 'EUR', rate: '0,9' }, 'INVALID_AMOUNT'],
    ['a day before any policy', { at: '2020-06-01T10:00:00Z' }, 'NO_POLICY'],
    ['an unknown group', { carryingGroupId: 'NOPE' }, 'UNKNOWN_GROUP'],
  ])('refuses %s', (_, overrides, code) => {
    expect(prepareSubmission(request(overrides))).toMatchObject({ ok: false, code, message: expect.any(String) })
  })
})
