import { describe, expect, it } from 'vitest'
import { org } from './org.fixture.ts'
import { deputiesOf, holderOf, orgSnapshotSchema, type OrgSnapshot } from './org-snapshot.ts'
import { DEFAULT_SIGNATURE_POLICY, requiredTiers, type SignaturePolicy } from './signature-policy.ts'
import { resolveSignatories, whoActsFor, type ChainStep, type SignatoryRequest } from './signatories.ts'
import { translatorFor } from '../i18n/i18n.server.ts'
import { explanationText } from './explanation.ts'

/** An explanation (or an error's message) as an English reader reads it. */
const english = (explanation: string | undefined) => explanationText(translatorFor('en', 'justifications'), explanation ?? '')

const GL_ONLY = 5_000_000 // 50 000.00 CHF: group leader only
const GL_AND_DH = 5_000_001 // 50 000.01 CHF: group leader, then department head

function resolve(overrides: Partial<SignatoryRequest> & { amount?: number; policy?: SignaturePolicy }) {
  const { amount = GL_AND_DH, policy = DEFAULT_SIGNATURE_POLICY, ...rest } = overrides
  return resolveSignatories({ tiers: requiredTiers(policy, amount), org, carryingGroupId: 'MSC', requesterId: 'alice', date: '2025-02-10', ...rest })
}

function chainOf(overrides: Parameters<typeof resolve>[0]): ChainStep[] {
  const result = resolve(overrides)
  if (!result.ok) throw new Error(result.error.message)
  return result.chain
}

const brief = (chain: ChainStep[]) => chain.map(({ role, signatoryId, reason, originalSignatoryId }) => ({ role, signatoryId, reason, originalSignatoryId }))

describe('resolveSignatories: ordinary cases', () => {
  it('gives no steps when no tier is required', () => {
    expect(chainOf({ amount: 1_000_000 })).toEqual([])
  })

  it('asks the leader of the carrying group, then the head of its department', () => {
    const chain = chainOf({})
    expect(brief(chain)).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'gina', reason: 'POSITION', originalSignatoryId: null },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'dave', reason: 'POSITION', originalSignatoryId: null },
    ])
    expect(english(chain[0]?.explanation)).toBe('Gina Leader signs as group leader for Magnets (TE-MSC).')
    expect(chain.map((s) => [s.tierIndex, s.label])).toEqual([[0, 'Group leader'], [1, 'Department head']])
  })

  it('follows a hand-over between leaders by date (position end date inclusive)', () => {
    expect(chainOf({ amount: GL_ONLY, date: '2025-06-30' })[0]?.signatoryId).toBe('gina')
    expect(chainOf({ amount: GL_ONLY, date: '2025-07-01' })[0]?.signatoryId).toBe('hugo')
  })

  it('uses the organisation-wide holder for a Finance Committee tier', () => {
    const policy: SignaturePolicy = { ...DEFAULT_SIGNATURE_POLICY, tiers: [...DEFAULT_SIGNATURE_POLICY.tiers, { aboveChfMinor: 20_000_000, role: 'FINANCE_COMMITTEE', label: 'Finance Committee' }] }
    expect(chainOf({ amount: 20_000_001, policy }).map((s) => s.signatoryId)).toEqual(['gina', 'dave', 'fiona'])
  })
})

describe('resolveSignatories: nobody signs their own justification', () => {
  it('sends the step of a requester who leads the group to their deputy', () => {
    const chain = chainOf({ requesterId: 'gina' })
    expect(brief(chain)).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'dora', reason: 'DEPUTY_FOR_SELF_APPROVAL', originalSignatoryId: 'gina' },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'dave', reason: 'POSITION', originalSignatoryId: null },
    ])
    expect(english(chain[0]?.explanation)).toBe('Gina Leader (group leader) filed this justification and may not sign it. Their deputy Dora Deputy signs in their place.')
  })

  it('escalates to the department head when the requesting leader has no deputy, and the head\'s own step then goes to the head\'s deputy', () => {
    const chain = chainOf({ requesterId: 'victor', carryingGroupId: 'VSC' })
    expect(brief(chain)).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'dave', reason: 'ESCALATED_SELF', originalSignatoryId: 'victor' },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'dan', reason: 'DEPUTY_FOR_ALREADY_SIGNED', originalSignatoryId: 'dave' },
    ])
    expect(english(chain[0]?.explanation)).toMatch(/Victor Vacuum \(group leader\) filed this justification.*They have no deputy on that day\. The step goes up to the department head, Dave Head\./)
  })

  it('skips a deputy who is the requester', () => {
    // Gina is away 1–9 May without a named deputy; her standing deputy Dora filed the request.
    const chain = chainOf({ requesterId: 'dora', date: '2025-05-02' })
    expect(brief(chain)).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'dave', reason: 'ESCALATED_ABSENT', originalSignatoryId: 'gina' },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'dan', reason: 'DEPUTY_FOR_ALREADY_SIGNED', originalSignatoryId: 'dave' },
    ])
    expect(english(chain[0]?.explanation)).toContain('Their deputy Dora Deputy filed this justification and may not sign it.')
  })

  it('never puts the requester anywhere in the chain', () => {
    for (const requesterId of ['alice', 'gina', 'dora', 'dave', 'dan', 'victor', 'ed', 'emma', 'rita']) {
      for (const carryingGroupId of ['MSC', 'VSC', 'MME', 'EMPTY']) {
        const result = resolve({ requesterId, carryingGroupId })
        if (result.ok) expect(result.chain.map((s) => s.signatoryId)).not.toContain(requesterId)
      }
    }
  })
})

describe('resolveSignatories: nobody signs twice', () => {
  it('gives the department step to the deputy when one person leads both group and department', () => {
    expect(brief(chainOf({ carryingGroupId: 'MME', date: '2025-06-01' }))).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'ed', reason: 'POSITION', originalSignatoryId: null },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'emma', reason: 'DEPUTY_FOR_ALREADY_SIGNED', originalSignatoryId: 'ed' },
    ])
  })

  it('escalates it to the director once that deputy\'s term has ended', () => {
    expect(brief(chainOf({ carryingGroupId: 'MME', date: '2026-01-15' }))).toEqual([
      { role: 'GROUP_LEADER', signatoryId: 'ed', reason: 'POSITION', originalSignatoryId: null },
      { role: 'DEPARTMENT_HEAD', signatoryId: 'rita', reason: 'ESCALATED_ALREADY_SIGNED', originalSignatoryId: 'ed' },
    ])
  })

  it('never lists a person twice', () => {
    for (const date of ['2025-02-10', '2025-03-05', '2025-05-05', '2026-01-15']) {
      for (const requesterId of ['alice', 'gina', 'dora', 'victor', 'ed']) {
        for (const carryingGroupId of ['MSC', 'VSC', 'MME', 'EMPTY']) {
          const result = resolve({ requesterId, carryingGroupId, date })
          if (!result.ok) continue
          const ids = result.chain.map((s) => s.signatoryId)
          expect(new Set(ids).size).toBe(ids.length)
        }
      }
    }
  })
})

describe('resolveSignatories: absences (both ends of an absence inclusive)', () => {
  it.each([
    ['2025-03-02', 'gina', 'POSITION'],
    ['2025-03-03', 'victor', 'DEPUTY_FOR_ABSENT'],
    ['2025-03-07', 'victor', 'DEPUTY_FOR_ABSENT'],
    ['2025-03-08', 'gina', 'POSITION'],
    ['2025-05-01', 'dora', 'DEPUTY_FOR_ABSENT'],
    ['2025-05-09', 'dora', 'DEPUTY_FOR_ABSENT'],
    ['2025-05-10', 'gina', 'POSITION'],
  ])('on %s the group leader step goes to %s (%s)', (date, signatoryId, reason) => {
    expect(chainOf({ amount: GL_ONLY, date })[0]).toMatchObject({ signatoryId, reason })
  })

  it('escalates when the absent leader\'s deputy is absent too', () => {
    // Gina away 1–9 May, Dora away 5–6 May.
    expect(chainOf({ amount: GL_ONLY, date: '2025-05-05' })[0]).toMatchObject({ signatoryId: 'dave', reason: 'ESCALATED_ABSENT', originalSignatoryId: 'gina' })
  })

  it('escalates a vacant group leader post to the department head', () => {
    expect(brief(chainOf({ amount: GL_ONLY, carryingGroupId: 'EMPTY' }))).toEqual([{ role: 'GROUP_LEADER', signatoryId: 'ed', reason: 'ESCALATED_VACANT', originalSignatoryId: null }])
  })
})

describe('resolveSignatories: errors', () => {
  it('reports that nobody can sign when the top of the hierarchy filed the request', () => {
    const policy: SignaturePolicy = { version: 9, effectiveFrom: '2020-01-01', tiers: [{ aboveChfMinor: 0, role: 'DIRECTOR', label: 'Director' }] }
    const result = resolve({ policy, requesterId: 'rita' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_SIGNATORY', tierIndex: 0 } })
    expect(english(result.ok ? undefined : result.error.message)).toMatch(/Nobody can sign as director: Rita Director \(director\) filed this justification/)
  })

  it('stops escalation at the configured top role', () => {
    expect(resolve({ requesterId: 'victor', carryingGroupId: 'VSC', amount: GL_ONLY, escalationTopRole: 'GROUP_LEADER' })).toMatchObject({ ok: false, error: { code: 'NO_SIGNATORY' } })
  })

  it('refuses overlapping appointments rather than guess', () => {
    const overlapping: OrgSnapshot = { ...org, positions: [...org.positions, { personId: 'victor', kind: 'GROUP_LEADER', groupId: 'MSC', from: '2025-01-01' }] }
    expect(resolve({ org: overlapping })).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS_POSITION', tierIndex: 0 } })
  })

  it('refuses an unknown group or a malformed date', () => {
    expect(resolve({ carryingGroupId: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_GROUP' } })
    expect(resolve({ date: '2025-13-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } })
  })
})

describe('whoActsFor (for reminders and escalation)', () => {
  it.each([
    ['gina', '2025-02-10', { personId: 'gina', reason: 'PRESENT' }],
    ['gina', '2025-03-03', { personId: 'victor', reason: 'DEPUTY_FOR_ABSENT', absentPersonId: 'gina' }],
    ['gina', '2025-05-02', { personId: 'dora', reason: 'DEPUTY_FOR_ABSENT', absentPersonId: 'gina' }],
    ['gina', '2025-05-05', null],
  ])('%s on %s', (personId, date, expected) => {
    expect(whoActsFor(org, personId, date)).toEqual(expected)
  })

  it('lists the deputy named for an absence before the standing deputy', () => {
    expect(deputiesOf(org, 'gina', '2025-03-04')).toEqual(['victor', 'dora'])
    expect(deputiesOf(org, 'gina', '2025-02-10')).toEqual(['dora'])
  })
})

describe('org snapshot', () => {
  it('the fixture is valid', () => {
    expect(orgSnapshotSchema.parse(org)).toEqual(org)
  })

  it('refuses a position missing the field its kind needs', () => {
    expect(orgSnapshotSchema.safeParse({ ...org, positions: [{ personId: 'x', kind: 'GROUP_LEADER', from: '2025-01-01' }] }).success).toBe(false)
    expect(orgSnapshotSchema.safeParse({ ...org, positions: [{ personId: 'x', kind: 'DEPUTY', from: '2025-01-01' }] }).success).toBe(false)
  })

  it('finds the department head through the carrying group', () => {
    expect(holderOf(org, 'DEPARTMENT_HEAD', 'VSC', '2025-01-01')).toEqual({ ok: true, personId: 'dave' })
    expect(holderOf(org, 'GROUP_LEADER', 'EMPTY', '2025-01-01')).toEqual({ ok: false, problem: 'VACANT' })
  })
})
