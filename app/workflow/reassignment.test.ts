import { describe, expect, test } from 'vitest'
import type { StepRecord } from './justification-types.ts'
import type { OrgSnapshot } from './org-snapshot.ts'
import { findReplacement } from './reassignment.ts'
import { translatorFor } from '../i18n/i18n.server.ts'
import { explanationText } from './explanation.ts'

const org: OrgSnapshot = {
  groups: [{ id: 'g1', departmentId: 'd1', name: 'EN-MME' }],
  people: [
    { id: 'leader', name: 'Marta' },
    { id: 'leaderDeputy', name: 'Mikko' },
    { id: 'head', name: 'Elena' },
    { id: 'headDeputy', name: 'Erik' },
    { id: 'director', name: 'Diane' },
    { id: 'requester', name: 'Rita' },
  ],
  positions: [
    { personId: 'leader', kind: 'GROUP_LEADER', groupId: 'g1', from: '2020-01-01' },
    { personId: 'leaderDeputy', kind: 'DEPUTY', deputyForPersonId: 'leader', from: '2020-01-01' },
    { personId: 'head', kind: 'DEPARTMENT_HEAD', departmentId: 'd1', from: '2020-01-01' },
    { personId: 'headDeputy', kind: 'DEPUTY', deputyForPersonId: 'head', from: '2020-01-01' },
    { personId: 'director', kind: 'DIRECTOR', from: '2020-01-01' },
  ],
  absences: [],
}

const step = (signatoryId: string, role: StepRecord['role'], status: StepRecord['status']): StepRecord => ({
  tierIndex: role === 'GROUP_LEADER' ? 0 : 1,
  role,
  label: role,
  signatoryId,
  reason: 'POSITION',
  explanation: '',
  originalSignatoryId: null,
  status,
  decidedBy: null,
  decidedAt: null,
  comment: null,
  reassignments: [],
})

const base = { org, date: '2026-11-26', requesterId: 'requester', carryingGroupId: 'g1' }

describe('who takes over an open step', () => {
  test('an overdue group leader step goes to the leader’s deputy', () => {
    const chain = [step('leader', 'GROUP_LEADER', 'pending'), step('head', 'DEPARTMENT_HEAD', 'to-come')]
    expect(findReplacement({ ...base, chain, stepIndex: 0, cause: 'OVERDUE' })).toMatchObject({ personId: 'leaderDeputy', reason: 'ESCALATED_OVERDUE' })
  })

  test('an absent signatory’s step goes first to the deputy named for the absence', () => {
    const away = { ...org, absences: [{ personId: 'leader', from: '2026-11-20', to: '2026-11-30', deputyId: 'director' }] }
    const chain = [step('leader', 'GROUP_LEADER', 'pending')]
    expect(findReplacement({ ...base, org: away, chain, stepIndex: 0, cause: 'ABSENT' })).toMatchObject({ personId: 'director', reason: 'DEPUTY_FOR_ABSENT' })
  })

  test('a deputy who is the requester, or already in the chain, is skipped: the step goes up a level', () => {
    const chain = [step('leader', 'GROUP_LEADER', 'pending'), step('head', 'DEPARTMENT_HEAD', 'to-come')]
    // The leader's deputy filed it; the department head is already in the chain, so their deputy signs.
    const replacement = findReplacement({ ...base, requesterId: 'leaderDeputy', chain, stepIndex: 0, cause: 'OVERDUE' })
    expect(replacement).toMatchObject({ personId: 'headDeputy', reason: 'ESCALATED_OVERDUE' })
    expect(explanationText(translatorFor('en', 'justifications'), replacement!.explanation)).toMatch(/goes up to the department head’s deputy, Erik/)
  })

  test('an overdue department head with no usable deputy goes to the director', () => {
    const chain = [step('leader', 'GROUP_LEADER', 'done'), step('head', 'DEPARTMENT_HEAD', 'pending')]
    const noDeputy = { ...org, positions: org.positions.filter((p) => p.personId !== 'headDeputy') }
    expect(findReplacement({ ...base, org: noDeputy, chain, stepIndex: 1, cause: 'OVERDUE' })).toMatchObject({ personId: 'director', reason: 'ESCALATED_OVERDUE' })
  })

  test('nobody left: null, and the step stays where it is', () => {
    const chain = [step('director', 'DIRECTOR', 'pending')]
    expect(findReplacement({ ...base, chain, stepIndex: 0, cause: 'OVERDUE' })).toBeNull()
  })
})
