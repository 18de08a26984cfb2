import { describe, expect, test } from 'vitest'
import { translatorFor } from '../i18n/i18n.server.ts'
import type { Language } from '../i18n/languages.ts'
import { explanationOf, explanationText, sentence, sentencesOf } from './explanation.ts'
import type { StepRecord } from './justification-types.ts'
import { org } from './org.fixture.ts'
import type { OrgSnapshot } from './org-snapshot.ts'
import { findReplacement } from './reassignment.ts'
import { DEFAULT_SIGNATURE_POLICY, requiredTiers } from './signature-policy.ts'
import { resolveSignatories, type SignatoryRequest } from './signatories.ts'

// Issue 14: the workflow writes why a step went to whom as messages, and each reader reads them in
// their own language: the same stored explanation, in English and in French.

const GL_AND_DH = 5_000_001 // 50 000.01 CHF: group leader, then department head

/** The explanations of each step of the chain, in both languages. */
function explained(overrides: Partial<SignatoryRequest>) {
  const result = resolveSignatories({ tiers: requiredTiers(DEFAULT_SIGNATURE_POLICY, GL_AND_DH), org, carryingGroupId: 'MSC', requesterId: 'alice', date: '2025-02-10', ...overrides })
  if (!result.ok) throw new Error(result.error.code)
  return result.chain.map((step) => ({ en: read('en', step.explanation), fr: read('fr', step.explanation) }))
}

const read = (language: Language, explanation: string) => explanationText(translatorFor(language, 'justifications'), explanation)

describe('a step’s explanation, in the reader’s language', () => {
  test('the group leader and the department head who sign by their position', () => {
    expect(explained({})).toEqual([
      { en: 'Gina Leader signs as group leader for Magnets (TE-MSC).', fr: 'Gina Leader signe en tant que chef de groupe pour Magnets (TE-MSC).' },
      { en: 'Dave Head signs as department head for Magnets (TE-MSC).', fr: 'Dave Head signe en tant que chef de département pour Magnets (TE-MSC).' },
    ])
  })

  test('a deputy who signs for a group leader who filed the justification', () => {
    expect(explained({ requesterId: 'gina' })[0]).toEqual({
      en: 'Gina Leader (group leader) filed this justification and may not sign it. Their deputy Dora Deputy signs in their place.',
      fr: 'Gina Leader (chef de groupe) a déposé cette justification et ne peut pas la signer. Son suppléant, Dora Deputy, signe à sa place.',
    })
  })

  test('an escalation to the department head when the leader has no deputy', () => {
    const [leaderStep] = explained({ requesterId: 'victor', carryingGroupId: 'VSC' })
    expect(leaderStep?.en).toMatch(/^Victor Vacuum \(group leader\) filed this justification and may not sign it\. .*They have no deputy on that day\. The step goes up to the department head, Dave Head\.$/)
    expect(leaderStep?.fr).toMatch(/^Victor Vacuum \(chef de groupe\) a déposé cette justification et ne peut pas la signer\. .*Aucun suppléant n’est désigné ce jour-là\. L’étape remonte au chef de département, Dave Head\.$/)
  })

  test('a vacant position, dated in the reader’s language', () => {
    const [step] = explained({ carryingGroupId: 'EMPTY' })
    expect(step?.en).toMatch(/^The group leader position is vacant on 10 Feb 2025\. /)
    expect(step?.fr).toMatch(/^Le poste de chef de groupe est vacant le 10 févr\. 2025\. /)
  })

  test('a step that moves later: the signatory is away, no deputy can sign, so it goes up', () => {
    const small: OrgSnapshot = {
      groups: [{ id: 'g1', departmentId: 'd1', name: 'EN-MME' }],
      people: [
        { id: 'leader', name: 'Marta' },
        { id: 'head', name: 'Elena' },
      ],
      positions: [
        { personId: 'leader', kind: 'GROUP_LEADER', groupId: 'g1', from: '2020-01-01' },
        { personId: 'head', kind: 'DEPARTMENT_HEAD', departmentId: 'd1', from: '2020-01-01' },
      ],
      absences: [{ personId: 'leader', from: '2026-11-20', to: '2026-11-30' }],
    }
    const step: StepRecord = {
      ...{ tierIndex: 0, role: 'GROUP_LEADER', label: 'Group leader', signatoryId: 'leader', reason: 'POSITION', explanation: '', originalSignatoryId: null },
      ...{ status: 'pending', decidedBy: null, decidedAt: null, comment: null, reassignments: [] },
    }
    const replacement = findReplacement({ org: small, date: '2026-11-26', requesterId: 'requester', carryingGroupId: 'g1', chain: [step], stepIndex: 0, cause: 'ABSENT' })
    expect(replacement?.personId).toBe('head')
    expect(read('en', replacement!.explanation)).toBe('Marta is away until 30 Nov 2026. No deputy can sign, so the step goes up to the department head, Elena.')
    expect(read('fr', replacement!.explanation)).toBe('Marta est indisponible jusqu’au 30 nov. 2026 inclus. Aucun suppléant ne peut signer : l’étape remonte au chef de département, Elena.')
  })
})

describe('explanations as stored text', () => {
  test('an explanation is its sentences, each a message', () => {
    const stored = explanationOf([sentence('noDeputy'), sentence('deputySigns', { name: 'Dora' })])
    expect(sentencesOf(stored)).toEqual(['justifications:explanation.noDeputy', sentence('deputySigns', { name: 'Dora' })])
  })

  test('an English sentence stored before explanations were messages reads as it was written, in every language', () => {
    const old = 'Marta Mendes signs as group leader for EN-MME.'
    expect(read('fr', old)).toBe(old)
    expect(read('en', old)).toBe(old)
  })
})
