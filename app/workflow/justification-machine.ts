/**
 * The life of one single-source justification, as an XState v5 machine.
 *
 * Pure on purpose: no timers (delayed transitions are not restored from snapshots, so reminders
 * and escalation belong to a database-backed scheduler that sends REASSIGN_STEP), no side effects
 * (e-mails and audit rows are derived from the snapshots before and after, see effects.ts), no
 * clock (every event carries its own time).
 */
import { and, assertEvent, assign, setup } from 'xstate'
import { initialContext, recordChangeRequest, recordEdit, recordReassignment, recordRejection, recordSignature, recordSubmission, recordWithdrawal } from './justification-context.ts'
import { refusalFor } from './justification-rules.ts'
import type { JustificationContext, JustificationEvent, JustificationInput } from './justification-types.ts'

/**
 * Stored with every snapshot. Bump it whenever a change to states, context or events would make
 * an old snapshot mean something else, and teach restoreJustificationActor to migrate or refuse.
 */
export const JUSTIFICATION_MACHINE_VERSION = 1

export const justificationMachine = setup({
  types: {
    context: {} as JustificationContext,
    events: {} as JustificationEvent,
    input: {} as JustificationInput,
  },
  guards: {
    permitted: ({ context, event }) => refusalFor(context, event) === null,
    chainIsEmpty: ({ event }) => event.type === 'SUBMIT' && event.chain.length === 0,
    isLastStep: ({ context }) => context.currentStepIndex === context.chain.length - 1,
  },
  actions: {
    recordEdit: assign(({ context, event }) => {
      assertEvent(event, ['SAVE_DRAFT', 'EDIT'])
      return recordEdit(context, event)
    }),
    recordSubmission: assign(({ context, event }) => {
      assertEvent(event, 'SUBMIT')
      return recordSubmission(context, event)
    }),
    recordSignature: assign(({ context, event }) => {
      assertEvent(event, 'SIGN')
      return recordSignature(context, event)
    }),
    recordRejection: assign(({ context, event }) => {
      assertEvent(event, 'REJECT')
      return recordRejection(context, event)
    }),
    recordChangeRequest: assign(({ context, event }) => {
      assertEvent(event, 'REQUEST_CHANGES')
      return recordChangeRequest(context, event)
    }),
    recordWithdrawal: assign(({ context, event }) => {
      assertEvent(event, 'WITHDRAW')
      return recordWithdrawal(context, event)
    }),
    recordReassignment: assign(({ context, event }) => {
      assertEvent(event, 'REASSIGN_STEP')
      return recordReassignment(context, event)
    }),
  },
}).createMachine({
  id: 'justification',
  context: ({ input }) => initialContext(input),
  initial: 'draft',
  states: {
    draft: {
      on: {
        SAVE_DRAFT: { guard: 'permitted', actions: 'recordEdit' },
        EDIT: { guard: 'permitted', actions: 'recordEdit' },
        SUBMIT: [
          { guard: and(['permitted', 'chainIsEmpty']), target: 'approved', actions: 'recordSubmission' },
          { guard: 'permitted', target: 'awaitingSignature', actions: 'recordSubmission' },
        ],
        WITHDRAW: { guard: 'permitted', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    awaitingSignature: {
      on: {
        SIGN: [
          { guard: and(['permitted', 'isLastStep']), target: 'approved', actions: 'recordSignature' },
          { guard: 'permitted', actions: 'recordSignature' },
        ],
        REJECT: { guard: 'permitted', target: 'rejected', actions: 'recordRejection' },
        REQUEST_CHANGES: { guard: 'permitted', target: 'changesRequested', actions: 'recordChangeRequest' },
        REASSIGN_STEP: { guard: 'permitted', actions: 'recordReassignment' },
        WITHDRAW: { guard: 'permitted', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    changesRequested: {
      on: {
        EDIT: { guard: 'permitted', actions: 'recordEdit' },
        SAVE_DRAFT: { guard: 'permitted', actions: 'recordEdit' },
        SUBMIT: [
          { guard: and(['permitted', 'chainIsEmpty']), target: 'approved', actions: 'recordSubmission' },
          { guard: 'permitted', target: 'awaitingSignature', actions: 'recordSubmission' },
        ],
        WITHDRAW: { guard: 'permitted', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
})

export type JustificationMachine = typeof justificationMachine
