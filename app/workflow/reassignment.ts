/**
 * Who takes over an open step when its signatory cannot act: away (an absence covers today) or
 * silent (no decision after the escalation delay). Pure, like signatory resolution, and bound by the
 * same chain rules: never the requester, never someone already in the chain, never someone absent.
 */
import type { IsoDate } from '../calendar/calendar-date.ts'
import type { StepRecord } from './justification-types.ts'
import { absenceOn, deputiesOf, holderOf, isAbsent, personName, type OrgSnapshot } from './org-snapshot.ts'
import { roleRank, signatoryRoles, type SignatoryRole } from './signature-policy.ts'
import { explanationOf, sentence } from './explanation.ts'
import { DEFAULT_ESCALATION_TOP_ROLE, type StepReason } from './signatories.ts'

export type ReplacementRequest = {
  org: OrgSnapshot
  date: IsoDate
  requesterId: string
  carryingGroupId: string
  chain: readonly StepRecord[]
  stepIndex: number
  cause: 'ABSENT' | 'OVERDUE'
  escalationTopRole?: SignatoryRole
}

/** `explanation`: sentences as messages (explanation.ts), worded where shown. */
export type Replacement = { personId: string; reason: StepReason; explanation: string }

export function findReplacement(request: ReplacementRequest): Replacement | null {
  const { org, date, chain, stepIndex, cause } = request
  const step = chain[stepIndex]
  if (!step) return null
  const current = step.signatoryId
  const name = (id: string) => personName(org, id)
  const excluded = (id: string) =>
    id === request.requesterId || id === current || chain.some((s, index) => index !== stepIndex && s.signatoryId === id) || isAbsent(org, id, date)

  const absence = absenceOn(org, current, date)
  const why =
    cause === 'ABSENT'
      ? absence
        ? sentence('awayUntil', { name: name(current), until: absence.to })
        : sentence('away', { name: name(current) })
      : sentence('overdue', { name: name(current) })

  const deputy = deputiesOf(org, current, date).find((id) => !excluded(id))
  if (deputy) {
    return {
      personId: deputy,
      reason: cause === 'ABSENT' ? 'DEPUTY_FOR_ABSENT' : 'ESCALATED_OVERDUE',
      explanation: explanationOf([why, sentence('deputySigns', { name: name(deputy) })]),
    }
  }
  const top = request.escalationTopRole ?? DEFAULT_ESCALATION_TOP_ROLE
  const higher = signatoryRoles.filter((role) => roleRank(role) > roleRank(step.role) && roleRank(role) <= Math.max(roleRank(top), roleRank(step.role)))
  for (const role of higher) {
    const holder = holderOf(org, role, request.carryingGroupId, date)
    if (!holder.ok) continue
    const candidate = [holder.personId, ...deputiesOf(org, holder.personId, date)].find((id) => !excluded(id))
    if (candidate) {
      return {
        personId: candidate,
        reason: cause === 'ABSENT' ? 'ESCALATED_ABSENT' : 'ESCALATED_OVERDUE',
        explanation: explanationOf([why, sentence(candidate === holder.personId ? 'noDeputyGoesUpTo' : 'noDeputyGoesUpToDeputy', { role, name: name(candidate) })]),
      }
    }
  }
  return null
}
