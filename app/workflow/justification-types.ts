/**
 * Data carried by the justification machine: its context (persisted as JSON in every snapshot)
 * and its events (built by routes and jobs from validated requests).
 *
 * Zod schemas come first and the types derive from them, so what restore validates and what the
 * machine assumes cannot drift apart. Everything is JSON-safe: numbers are safe integers,
 * times are ISO 8601 instants supplied by the caller.
 */
import * as z from 'zod'
import { chainStepSchema, stepReasons } from './signatories.ts'

export const justificationStates = ['draft', 'awaitingSignature', 'changesRequested', 'approved', 'rejected', 'withdrawn'] as const
export type JustificationState = (typeof justificationStates)[number]
export const finalStates: readonly JustificationState[] = ['approved', 'rejected', 'withdrawn']

/** An instant such as 2025-03-03T09:15:00.000Z or 2025-03-03T10:15:00+01:00. */
export const instantSchema = z.iso.datetime({ offset: true })

/**
 * Step life cycle: to-come -> pending -> done, or, when the round ends early, the pending step
 * becomes rejected / returned (changes requested) and the steps after it not-reached.
 */
export const stepStatuses = ['to-come', 'pending', 'done', 'rejected', 'returned', 'not-reached'] as const
export type StepStatus = (typeof stepStatuses)[number]

const personId = z.string().trim().min(1)
const requiredText = z.string().trim().min(1)

export const reassignmentSchema = z.object({
  fromSignatoryId: z.string(),
  toSignatoryId: z.string(),
  reason: z.enum(stepReasons),
  explanation: z.string(),
  by: z.string(),
  at: z.string(),
})

export const stepRecordSchema = chainStepSchema.extend({
  status: z.enum(stepStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Signing comment, rejection reason or change request, as the signatory wrote it. */
  comment: z.string().nullable(),
  reassignments: z.array(reassignmentSchema),
})

export const decisionSchema = z.object({
  kind: z.enum(['APPROVED', 'REJECTED', 'CHANGES_REQUESTED', 'WITHDRAWN']),
  by: z.string(),
  at: z.string(),
  text: z.string().nullable(),
})

export const submissionSchema = z.object({
  by: z.string(),
  at: z.string(),
  policyVersion: z.number().int().positive(),
  amountChfMinor: z.number().int().positive(),
})

export const justificationContextSchema = z.object({
  justificationId: z.string().min(1),
  requesterId: z.string().min(1),
  /** 0 while a draft; +1 at every submission. Steps of a new round start from scratch. */
  round: z.number().int().nonnegative(),
  edits: z.number().int().nonnegative(),
  lastEditedAt: z.string().nullable(),
  submission: submissionSchema.nullable(),
  chain: z.array(stepRecordSchema),
  currentStepIndex: z.number().int().nonnegative().nullable(),
  /** True when the amount was at or below the first threshold: approved on submission. */
  approvedWithoutSignature: z.boolean(),
  /** The latest closing decision (approval, rejection, change request, withdrawal). */
  decision: decisionSchema.nullable(),
})

export type Reassignment = z.infer<typeof reassignmentSchema>
export type StepRecord = z.infer<typeof stepRecordSchema>
export type Decision = z.infer<typeof decisionSchema>
export type JustificationContext = z.infer<typeof justificationContextSchema>

export const justificationInputSchema = z.object({ justificationId: z.string().min(1), requesterId: z.string().min(1) })
export type JustificationInput = z.infer<typeof justificationInputSchema>

const stamp = { actorId: personId, at: instantSchema }

export const justificationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SAVE_DRAFT'), ...stamp }),
  z.object({ type: z.literal('EDIT'), ...stamp }),
  z.object({
    type: z.literal('SUBMIT'),
    ...stamp,
    /** Resolved by the caller (policy in force + signatories.ts) for this submission. */
    chain: z.array(chainStepSchema),
    policyVersion: z.number().int().positive(),
    amountChfMinor: z.number().int().positive(),
  }),
  z.object({ type: z.literal('SIGN'), ...stamp, comment: z.string().optional() }),
  z.object({ type: z.literal('REJECT'), ...stamp, reason: requiredText }),
  z.object({ type: z.literal('REQUEST_CHANGES'), ...stamp, comment: requiredText }),
  z.object({ type: z.literal('WITHDRAW'), ...stamp, reason: z.string().optional() }),
  z.object({
    type: z.literal('REASSIGN_STEP'),
    ...stamp,
    toSignatoryId: personId,
    reason: z.enum(stepReasons),
    explanation: requiredText,
  }),
])

export type JustificationEvent = z.infer<typeof justificationEventSchema>
export type JustificationEventType = JustificationEvent['type']
