/**
 * How each accepted event changes the context: plain functions (old context + event -> new
 * context) that the machine's assign actions call. Guards have already run, so these trust
 * their input. Nothing is mutated: snapshots before and after must both stay intact for
 * effectsOf to compare them.
 */
import type { Decision, JustificationContext, JustificationEvent, JustificationInput, StepRecord, StepStatus } from './justification-types.ts'

type EventOf<T extends JustificationEvent['type']> = Extract<JustificationEvent, { type: T }>

export function initialContext(input: JustificationInput): JustificationContext {
  return {
    justificationId: input.justificationId,
    requesterId: input.requesterId,
    round: 0,
    edits: 0,
    lastEditedAt: null,
    submission: null,
    chain: [],
    currentStepIndex: null,
    approvedWithoutSignature: false,
    decision: null,
  }
}

export function recordEdit(context: JustificationContext, event: EventOf<'SAVE_DRAFT' | 'EDIT'>): JustificationContext {
  return { ...context, edits: context.edits + 1, lastEditedAt: event.at }
}

/** A submission starts a new round with a fresh chain; an empty chain approves at once. */
export function recordSubmission(context: JustificationContext, event: EventOf<'SUBMIT'>): JustificationContext {
  const approvedWithoutSignature = event.chain.length === 0
  return {
    ...context,
    round: context.round + 1,
    submission: { by: event.actorId, at: event.at, policyVersion: event.policyVersion, amountChfMinor: event.amountChfMinor },
    chain: event.chain.map((step, index) => ({
      ...step,
      status: index === 0 ? 'pending' : 'to-come',
      decidedBy: null,
      decidedAt: null,
      comment: null,
      reassignments: [],
    })),
    currentStepIndex: approvedWithoutSignature ? null : 0,
    approvedWithoutSignature,
    decision: approvedWithoutSignature ? { kind: 'APPROVED', by: event.actorId, at: event.at, text: null } : null,
  }
}

/** Marks the current step signed; the next one becomes pending, or the justification is approved. */
export function recordSignature(context: JustificationContext, event: EventOf<'SIGN'>): JustificationContext {
  const index = context.currentStepIndex ?? 0
  const isLast = index === context.chain.length - 1
  const chain = context.chain.map((step, i): StepRecord => {
    if (i === index) return { ...step, status: 'done', decidedBy: event.actorId, decidedAt: event.at, comment: event.comment ?? null }
    if (i === index + 1) return { ...step, status: 'pending' }
    return step
  })
  return {
    ...context,
    chain,
    currentStepIndex: isLast ? null : index + 1,
    decision: isLast ? { kind: 'APPROVED', by: event.actorId, at: event.at, text: null } : null,
  }
}

export function recordRejection(context: JustificationContext, event: EventOf<'REJECT'>): JustificationContext {
  return closeRound(context, 'rejected', { kind: 'REJECTED', by: event.actorId, at: event.at, text: event.reason })
}

export function recordChangeRequest(context: JustificationContext, event: EventOf<'REQUEST_CHANGES'>): JustificationContext {
  return closeRound(context, 'returned', { kind: 'CHANGES_REQUESTED', by: event.actorId, at: event.at, text: event.comment })
}

export function recordWithdrawal(context: JustificationContext, event: EventOf<'WITHDRAW'>): JustificationContext {
  return closeRound(context, 'not-reached', { kind: 'WITHDRAWN', by: event.actorId, at: event.at, text: event.reason ?? null })
}

/** The current step goes to someone else; its history keeps who had it and why it moved. */
export function recordReassignment(context: JustificationContext, event: EventOf<'REASSIGN_STEP'>): JustificationContext {
  const index = context.currentStepIndex
  const chain = context.chain.map((step, i): StepRecord => {
    if (i !== index) return step
    const reassignment = { fromSignatoryId: step.signatoryId, toSignatoryId: event.toSignatoryId, reason: event.reason, explanation: event.explanation, by: event.actorId, at: event.at }
    return {
      ...step,
      signatoryId: event.toSignatoryId,
      reason: event.reason,
      explanation: event.explanation,
      originalSignatoryId: step.originalSignatoryId ?? step.signatoryId,
      reassignments: [...step.reassignments, reassignment],
    }
  })
  return { ...context, chain }
}

/** Ends the round early: the pending step takes `status` (its decider and text recorded when it
 * was a signatory's decision), and the steps after it will never be reached. */
function closeRound(context: JustificationContext, status: StepStatus, decision: Decision): JustificationContext {
  const index = context.currentStepIndex
  const byStep = decision.kind === 'REJECTED' || decision.kind === 'CHANGES_REQUESTED'
  const chain = context.chain.map((step, i): StepRecord => {
    if (index === null || i < index) return step
    if (i === index && byStep) return { ...step, status, decidedBy: decision.by, decidedAt: decision.at, comment: decision.text }
    return { ...step, status: 'not-reached' }
  })
  return { ...context, chain, currentStepIndex: null, decision }
}
