/**
 * Who signs each required tier: the ordered chain of steps for one submission.
 *
 * Two rules shape every step (as in CERN's EDH): nobody signs their own justification, and
 * nobody signs twice in one chain. A step whose normal signatory cannot sign (absent, is the
 * requester, already in the chain) goes to that person's deputy; failing a usable deputy, it
 * climbs the role hierarchy up to a configurable top role. Each step says why it went where it
 * went, in a code for programs and an explanation for people (audit trail, pages): sentences as
 * messages (explanation.ts), worded in each reader's language where they are shown.
 */
import * as z from 'zod'
import { isIsoDate, type IsoDate } from '../calendar/calendar-date.ts'
import { explanationOf, sentence } from './explanation.ts'
import { deputiesOf, groupName, holderOf, isAbsent, personName, type OrgSnapshot } from './org-snapshot.ts'
import { roleRank, signatoryRoles, type RequiredTier, type SignatoryRole } from './signature-policy.ts'

export { whoActsFor, type ActingSignatory } from './org-snapshot.ts'

export const stepReasons = [
  'POSITION',
  'DEPUTY_FOR_ABSENT',
  'DEPUTY_FOR_SELF_APPROVAL',
  'DEPUTY_FOR_ALREADY_SIGNED',
  'ESCALATED_VACANT',
  'ESCALATED_ABSENT',
  'ESCALATED_SELF',
  'ESCALATED_ALREADY_SIGNED',
  // Only from a later REASSIGN_STEP (reminder job, procurement office), never from resolution:
  'ESCALATED_OVERDUE',
  'REASSIGNED_BY_PROCUREMENT',
] as const
export type StepReason = (typeof stepReasons)[number]

export const chainStepSchema = z.object({
  tierIndex: z.number().int().nonnegative(),
  role: z.enum(signatoryRoles),
  label: z.string(),
  signatoryId: z.string().min(1),
  reason: z.enum(stepReasons),
  explanation: z.string(),
  /** The person who would normally sign this tier, when someone else signs instead. */
  originalSignatoryId: z.string().nullable(),
})
export type ChainStep = z.infer<typeof chainStepSchema>

/** Escalation stops at this role unless the policy itself asks for a higher one. */
export const DEFAULT_ESCALATION_TOP_ROLE: SignatoryRole = 'DIRECTOR'

export type SignatoryRequest = {
  tiers: readonly RequiredTier[]
  org: OrgSnapshot
  carryingGroupId: string
  requesterId: string
  /** Submission day: positions, absences and deputies are read as they stand on that day. */
  date: IsoDate
  escalationTopRole?: SignatoryRole
}

export type SignatoryError = {
  code: 'NO_SIGNATORY' | 'UNKNOWN_GROUP' | 'AMBIGUOUS_POSITION' | 'INVALID_DATE'
  tierIndex: number | null
  /** An explanation (explanation.ts): what went wrong, for people, in their language where shown. */
  message: string
}

export type ResolveResult = { ok: true; chain: ChainStep[] } | { ok: false; error: SignatoryError }

type Cause = 'VACANT' | 'ABSENT' | 'SELF' | 'ALREADY_SIGNED'

const DEPUTY_REASON: Record<Exclude<Cause, 'VACANT'>, StepReason> = {
  ABSENT: 'DEPUTY_FOR_ABSENT',
  SELF: 'DEPUTY_FOR_SELF_APPROVAL',
  ALREADY_SIGNED: 'DEPUTY_FOR_ALREADY_SIGNED',
}
const ESCALATION_REASON: Record<Cause, StepReason> = {
  VACANT: 'ESCALATED_VACANT',
  ABSENT: 'ESCALATED_ABSENT',
  SELF: 'ESCALATED_SELF',
  ALREADY_SIGNED: 'ESCALATED_ALREADY_SIGNED',
}

export const roleNames: Record<SignatoryRole, string> = {
  GROUP_LEADER: 'group leader',
  DEPARTMENT_HEAD: 'department head',
  DIRECTOR: 'director',
  FINANCE_COMMITTEE: 'Finance Committee signatory',
}

export function resolveSignatories(request: SignatoryRequest): ResolveResult {
  if (!isIsoDate(request.date)) return failure('INVALID_DATE', null, sentence('invalidDate', { date: request.date }))
  if (!request.org.groups.some((g) => g.id === request.carryingGroupId)) {
    return failure('UNKNOWN_GROUP', null, sentence('unknownGroup', { group: request.carryingGroupId }))
  }
  const chain: ChainStep[] = []
  for (const tier of request.tiers) {
    const resolved = resolveTier(request, tier, chain)
    if (!resolved.ok) return resolved
    chain.push(resolved.step)
  }
  return { ok: true, chain }
}

function resolveTier(request: SignatoryRequest, tier: RequiredTier, chain: readonly ChainStep[]): { ok: true; step: ChainStep } | { ok: false; error: SignatoryError } {
  const { org, date, requesterId } = request
  const name = (id: string) => personName(org, id)
  const whyCannotSign = (personId: string): Cause | null => {
    if (personId === requesterId) return 'SELF'
    if (chain.some((s) => s.signatoryId === personId)) return 'ALREADY_SIGNED'
    if (isAbsent(org, personId, date)) return 'ABSENT'
    return null
  }
  // Each sentence a message: names and the date as values, the role as its code (the catalogue names it).
  const notes: string[] = []
  let firstCause: Cause | null = null
  let original: string | null = null
  const step = (signatoryId: string, reason: StepReason, closing: string): { ok: true; step: ChainStep } => ({
    ok: true,
    step: {
      tierIndex: tier.tierIndex,
      role: tier.role,
      label: tier.label,
      signatoryId,
      reason,
      explanation: explanationOf([...notes, closing]),
      originalSignatoryId: original === signatoryId ? null : original,
    },
  })

  for (const [rung, role] of escalationLadder(tier.role, request.escalationTopRole).entries()) {
    const holder = holderOf(org, role, request.carryingGroupId, date)
    if (!holder.ok) {
      if (holder.problem === 'AMBIGUOUS') {
        return failure('AMBIGUOUS_POSITION', tier.tierIndex, sentence('ambiguousPosition', { role, date, names: holder.personIds.map(name).join(', ') }))
      }
      firstCause ??= 'VACANT'
      notes.push(sentence('vacant', { role, date }))
      continue
    }
    if (rung === 0) original = holder.personId
    const cause = whyCannotSign(holder.personId)
    if (cause === null) {
      if (firstCause === null) return step(holder.personId, 'POSITION', sentence('position', { name: name(holder.personId), role, group: groupName(org, request.carryingGroupId) }))
      return step(holder.personId, ESCALATION_REASON[firstCause], sentence('goesUpTo', { role, name: name(holder.personId) }))
    }
    firstCause ??= cause
    notes.push(sentence(`cannotSign.${cause}`, { name: name(holder.personId), role }))
    const deputies = deputiesOf(org, holder.personId, date)
    const deputy = deputies.find((id) => whyCannotSign(id) === null)
    for (const skipped of deputies.slice(0, deputy === undefined ? undefined : deputies.indexOf(deputy))) {
      notes.push(sentence(`deputyCannotSign.${whyCannotSign(skipped) ?? 'ABSENT'}`, { name: name(skipped) }))
    }
    if (deputy !== undefined) {
      const reason = rung === 0 && cause !== 'VACANT' ? DEPUTY_REASON[cause] : ESCALATION_REASON[firstCause]
      return step(deputy, reason, sentence('deputySigns', { name: name(deputy) }))
    }
    if (deputies.length === 0) notes.push(sentence('noDeputy'))
  }
  // For people (the review page, the submit notice): an explanation too, with what was tried.
  return failure('NO_SIGNATORY', tier.tierIndex, explanationOf([sentence('nobodyCanSign', { role: tier.role }), ...notes, sentence('nameADeputy')]))
}

/** The role itself, then each higher role up to the top role (or the role itself if higher). */
function escalationLadder(role: SignatoryRole, topRole: SignatoryRole = DEFAULT_ESCALATION_TOP_ROLE): SignatoryRole[] {
  return signatoryRoles.slice(roleRank(role), Math.max(roleRank(role), roleRank(topRole)) + 1)
}

function failure(code: SignatoryError['code'], tierIndex: number | null, message: string): { ok: false; error: SignatoryError } {
  return { ok: false, error: { code, tierIndex, message } }
}
