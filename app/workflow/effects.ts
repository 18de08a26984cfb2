/**
 * What happened in one transition, read from the snapshots before and after it.
 *
 * The persistence layer turns these into audit events, outbox e-mails and link tokens in the same
 * transaction as the snapshot. Deriving them from state (not from actions run by the machine)
 * keeps the machine pure and means restoring a snapshot can never re-send an e-mail.
 */
import type { JustificationContext, JustificationState, StepRecord } from './justification-types.ts'

/** The part of a machine snapshot (live or persisted JSON) that effects depend on. */
export type SnapshotView = { value: unknown; context: JustificationContext }

export type Effect =
  | { type: 'EDITED'; at: string | null }
  | { type: 'SUBMITTED'; round: number; policyVersion: number; amountChfMinor: number; stepCount: number; at: string; by: string }
  /** A person's turn on a step is over (signed, moved to someone else, or the round ended):
   * revoke the link tokens issued to them for this step. */
  | { type: 'ASSIGNMENT_ENDED'; stepIndex: number; signatoryId: string }
  | { type: 'STEP_SIGNED'; stepIndex: number; step: StepRecord }
  | { type: 'STEP_REASSIGNED'; stepIndex: number; fromSignatoryId: string; step: StepRecord }
  /** A person must now sign: issue a link token and e-mail them. */
  | { type: 'STEP_ASSIGNED'; stepIndex: number; step: StepRecord }
  | { type: 'APPROVED'; withoutSignature: boolean; by: string; at: string }
  | { type: 'REJECTED'; stepIndex: number | null; by: string; at: string; reason: string }
  | { type: 'CHANGES_REQUESTED'; stepIndex: number | null; by: string; at: string; comment: string }
  | { type: 'WITHDRAWN'; by: string; at: string; reason: string | null }

export type EffectType = Effect['type']

/** Effects in the order they should be recorded. An unchanged snapshot gives none. */
export function effectsOf(before: SnapshotView, after: SnapshotView): Effect[] {
  const was = before.context
  const now = after.context
  const effects: Effect[] = []
  if (now.edits > was.edits) effects.push({ type: 'EDITED', at: now.lastEditedAt })
  const newRound = now.round !== was.round
  if (newRound && now.submission) {
    const { policyVersion, amountChfMinor, at, by } = now.submission
    effects.push({ type: 'SUBMITTED', round: now.round, policyVersion, amountChfMinor, stepCount: now.chain.length, at, by })
  }
  effects.push(...stepEffects(newRound ? [] : was.chain, now.chain))
  if (after.value !== before.value) effects.push(...closingEffects(after.value as JustificationState, now))
  return effects
}

function stepEffects(previous: readonly StepRecord[], current: readonly StepRecord[]): Effect[] {
  const ended: Effect[] = []
  const signed: Effect[] = []
  const reassigned: Effect[] = []
  const assigned: Effect[] = []
  current.forEach((step, stepIndex) => {
    const old = previous[stepIndex]
    const wasPending = old?.status === 'pending'
    const movedAway = wasPending && step.signatoryId !== old.signatoryId
    if (wasPending && (step.status !== 'pending' || movedAway)) ended.push({ type: 'ASSIGNMENT_ENDED', stepIndex, signatoryId: old.signatoryId })
    if (step.status === 'done' && old?.status !== 'done') signed.push({ type: 'STEP_SIGNED', stepIndex, step })
    if (step.status === 'pending' && movedAway) reassigned.push({ type: 'STEP_REASSIGNED', stepIndex, fromSignatoryId: old.signatoryId, step })
    if (step.status === 'pending' && (!wasPending || movedAway)) assigned.push({ type: 'STEP_ASSIGNED', stepIndex, step })
  })
  return [...ended, ...signed, ...reassigned, ...assigned]
}

function closingEffects(state: JustificationState, context: JustificationContext): Effect[] {
  const decision = context.decision
  if (!decision) return []
  const decidedStep = context.chain.findIndex((s) => s.status === 'rejected' || s.status === 'returned')
  const stepIndex = decidedStep === -1 ? null : decidedStep
  switch (state) {
    case 'approved':
      return [{ type: 'APPROVED', withoutSignature: context.approvedWithoutSignature, by: decision.by, at: decision.at }]
    case 'rejected':
      return [{ type: 'REJECTED', stepIndex, by: decision.by, at: decision.at, reason: decision.text ?? '' }]
    case 'changesRequested':
      return [{ type: 'CHANGES_REQUESTED', stepIndex, by: decision.by, at: decision.at, comment: decision.text ?? '' }]
    case 'withdrawn':
      return [{ type: 'WITHDRAWN', by: decision.by, at: decision.at, reason: decision.text }]
    default:
      return []
  }
}

/** Alias under the name used in design notes: what a transition means for the outside world. */
export const describeTransition = effectsOf
