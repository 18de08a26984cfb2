/**
 * Who may send which event, and with what payload: the machine's guards.
 *
 * Written as one function returning a reason code instead of a boolean, so the same rule that
 * blocks a transition also tells the user why ("only the current signatory can sign"). Which
 * events a state accepts at all is the machine's business, not this file's.
 */
import { justificationEventSchema, type JustificationContext, type JustificationEvent } from './justification-types.ts'
import type { ChainStep } from './signatories.ts'

export type Refusal =
  | 'ALREADY_FINAL'
  | 'NOT_ALLOWED_IN_STATE'
  | 'NOT_REQUESTER'
  | 'NOT_CURRENT_SIGNATORY'
  | 'SELF_APPROVAL'
  | 'INVALID_EVENT'
  | 'INVALID_CHAIN'
  | 'INVALID_REASSIGNMENT'

export const refusalMessages: Record<Refusal, string> = {
  ALREADY_FINAL: 'This justification has already been decided or withdrawn; nothing more can change.',
  NOT_ALLOWED_IN_STATE: 'This action is not possible at this stage of the justification.',
  NOT_REQUESTER: 'Only the requester can do this.',
  NOT_CURRENT_SIGNATORY: 'Only the person whose signature is awaited now can decide.',
  SELF_APPROVAL: 'Nobody can sign their own justification.',
  INVALID_EVENT: 'The request is incomplete: a time is required, and a reason or comment where one is asked for.',
  INVALID_CHAIN: 'The signature chain is invalid: the requester may not sign, and nobody may sign twice.',
  INVALID_REASSIGNMENT: 'The step cannot go to this person: the requester, the current signatory and anyone already in the chain are excluded.',
}

export function refusalFor(context: JustificationContext, event: JustificationEvent): Refusal | null {
  // Events usually come through justificationEventSchema already; checking again here keeps the
  // machine safe when a caller builds an event by hand.
  if (!justificationEventSchema.safeParse(event).success) return 'INVALID_EVENT'
  switch (event.type) {
    case 'SAVE_DRAFT':
    case 'EDIT':
    case 'WITHDRAW':
      return event.actorId === context.requesterId ? null : 'NOT_REQUESTER'
    case 'SUBMIT':
      if (event.actorId !== context.requesterId) return 'NOT_REQUESTER'
      return isValidChain(event.chain, context.requesterId) ? null : 'INVALID_CHAIN'
    case 'SIGN':
    case 'REJECT':
    case 'REQUEST_CHANGES': {
      if (event.actorId === context.requesterId) return 'SELF_APPROVAL'
      return currentStep(context)?.signatoryId === event.actorId ? null : 'NOT_CURRENT_SIGNATORY'
    }
    case 'REASSIGN_STEP': {
      const current = currentStep(context)
      if (!current) return 'NOT_ALLOWED_IN_STATE'
      // A requester choosing who approves their own request would defeat the chain.
      if (event.actorId === context.requesterId) return 'NOT_REQUESTER'
      const taken = context.chain.map((s) => s.signatoryId)
      return event.toSignatoryId === context.requesterId || taken.includes(event.toSignatoryId) ? 'INVALID_REASSIGNMENT' : null
    }
  }
}

export function currentStep(context: JustificationContext) {
  return context.currentStepIndex === null ? undefined : context.chain[context.currentStepIndex]
}

/** Nobody signs their own justification, nobody signs twice, tiers in policy order. */
export function isValidChain(chain: readonly ChainStep[], requesterId: string): boolean {
  const ids = chain.map((s) => s.signatoryId)
  const tiersAscend = chain.every((s, i) => i === 0 || s.tierIndex > (chain[i - 1]?.tierIndex ?? -1))
  return !ids.includes(requesterId) && new Set(ids).size === ids.length && tiersAscend
}
