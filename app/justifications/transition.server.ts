import type { Covered } from '~/attachments/load-covered.server'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, Transaction } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import type { Prisma } from '~/generated/prisma/client'
import { minorFromColumn } from '~/money/minor-units'
import {
  currentStep,
  sendAndSnapshot,
  UnknownMachineVersionError,
  InvalidSnapshotError,
  type Effect,
  type JustificationEvent,
  type JustificationState,
  type JustificationContext,
} from '~/workflow/machine'
import type { JustificationStatus } from './labels'
import { statedAlternativesOf } from '~/industrial-return/suppliers/stated-alternatives'
import { emailsFor, justificationForEmail, type JustificationForEmail, type Person } from './notifications.server'
import { message } from '~/i18n/message'
import { loadTransitionRow, type TransitionRow } from './load-transition-row.server'
import { loadWorkflowSettings, type WorkflowSettings } from './settings.server'
import { issueSignOffToken, revokeSignOffTokens, signOffUrl, type IssuedToken } from './sign-off-tokens.server'

/** Who acts: a person, or SoleSource itself (id null: the reminder and escalation scheduler). */
export type Actor = { id: string | null; origin: RequestOrigin; via?: 'app' | 'link' }

/** A person acting (every use case but the scheduler's). */
export type PersonActor = Actor & { id: string }

export const SYSTEM_ACTOR: Actor = { id: null, origin: { ipAddress: null, userAgent: null } }
/** The machine needs an actor id on every event; this one can never be a person's. */
export const SYSTEM_ACTOR_ID = 'system'

export type TransitionFailure =
  | { ok: false; kind: 'NOT_FOUND'; message: string }
  | { ok: false; kind: 'CONFLICT'; message: string }
  | { ok: false; kind: 'REFUSED'; message: string }
  | { ok: false; kind: 'UNREADABLE_SNAPSHOT'; message: string }
  | { ok: false; kind: 'INVALID'; message: string; fieldErrors: Record<string, string[]> }

export type TransitionSuccess = { ok: true; id: string; reference: string; status: JustificationStatus; rowVersion: number }
export type TransitionResult = TransitionSuccess | TransitionFailure

// Messages (app/i18n/message.ts): the page that shows a failure translates it in its reader's language.
export const CHANGED_MEANWHILE = message('justifications:refusals.changedMeanwhile')

const statusOfState: Record<JustificationState, JustificationStatus> = {
  draft: 'DRAFT',
  awaitingSignature: 'AWAITING_SIGNATURE',
  changesRequested: 'CHANGES_REQUESTED',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  withdrawn: 'WITHDRAWN',
}

export type JustificationRow = TransitionRow

/** What a use case adds to a transition: the event, and the columns it changes besides the workflow's. */
export type PreparedTransition = {
  event: JustificationEvent
  columns?: Prisma.JustificationUpdateManyMutationInput
  /** Extra audit payload for the SUBMITTED effect (amount, rate, split-purchase flag). */
  submission?: { amountMinor: number; currency: string; amountChfMinor: number; rate: string; rateDate: string; splitPurchaseFlag: boolean; splitPurchaseWarning: string | null }
  /**
   * What the person acted on: the documents and the text's hash, recorded by the SUBMITTED and
   * STEP_SIGNED effects (a submission must say it; a signature without it records nothing covered).
   */
  covered?: Covered
  /** Written in the same transaction, after the guarded update (e.g. the edit's audit event). */
  alsoWrite?: (tx: Transaction) => Promise<void>
}

/** Thrown inside a transition's transaction when a guard finds the world changed: rolls back, answers CHANGED_MEANWHILE. */
export class ChangedMeanwhile extends Error {}

/**
 * The one way a justification changes state. Optimistic concurrency: read the row and its version,
 * restore the machine from the stored snapshot, send the event, render the emails; then, in one
 * transaction, write the new snapshot only if the row still has the version read (else nothing is
 * written and the caller hears CHANGED_MEANWHILE), with the audit events, signatory records and
 * outbox emails derived from the transition. Of two concurrent events exactly one wins.
 */
export async function runTransition(
  db: Database,
  {
    justificationId,
    expectedRowVersion,
    actor,
    prepare,
    settings: settingsRead,
  }: {
    justificationId: string
    /** The version the person saw when they acted; a newer row means their view was stale. */
    expectedRowVersion?: number | undefined
    actor: Actor
    prepare: (row: JustificationRow) => Promise<PreparedTransition | TransitionFailure>
    /** The workflow settings, when the caller has read them in this request already. */
    settings?: WorkflowSettings | undefined
  },
): Promise<TransitionResult> {
  // The row with what its emails describe, in one statement.
  const row = await loadTransitionRow(db, justificationId)
  if (!row) return { ok: false, kind: 'NOT_FOUND', message: message('justifications:refusals.notFound') }
  if (expectedRowVersion !== undefined && row.rowVersion !== expectedRowVersion) return { ok: false, kind: 'CONFLICT', message: CHANGED_MEANWHILE }

  const prepared = await prepare(row)
  if ('ok' in prepared) return prepared

  let sent: ReturnType<typeof sendAndSnapshot>
  try {
    sent = sendAndSnapshot({ machineVersion: row.machineVersion, persisted: row.snapshot }, prepared.event, { justificationId: row.id, requesterId: row.requesterId })
  } catch (error) {
    if (error instanceof UnknownMachineVersionError || error instanceof InvalidSnapshotError) {
      return { ok: false, kind: 'UNREADABLE_SNAPSHOT', message: message('justifications:refusals.unreadableSnapshot', { detail: error.message }) }
    }
    throw error
  }
  if (!sent.changed) return { ok: false, kind: 'REFUSED', message: sent.message ?? message('justifications:refusals.notPossibleNow') }

  const context = sent.snapshot.context
  const status = statusOfState[sent.state]
  const people = await peopleIn(db, sent.effects, context, [row.requester, ...row.chainPeople])
  // Emails describe the justification as the transition leaves it: an edit's amount, a submission's CHF and warning.
  const stored = justificationForEmail(row)
  const editedAmount = prepared.columns?.amountMinor
  const forEmail: JustificationForEmail = {
    ...stored,
    amountMinor: typeof editedAmount === 'bigint' ? minorFromColumn(editedAmount) : stored.amountMinor,
    amountChfMinor: prepared.submission?.amountChfMinor ?? stored.amountChfMinor,
    splitPurchaseWarning: prepared.submission?.splitPurchaseWarning ?? stored.splitPurchaseWarning,
    alternativeSuppliers: prepared.columns?.alternativeSuppliers !== undefined ? statedAlternativesOf(prepared.columns.alternativeSuppliers, row.alternativeSuppliersReason) : stored.alternativeSuppliers,
  }
  const appUrl = getEnv().APP_URL
  const at = new Date(prepared.event.at)
  // Each newly assigned signatory gets a sign-off link of their own, written with the transition.
  const settings = settingsRead ?? (await loadWorkflowSettings(db))
  const tokens = new Map<number, IssuedToken>()
  for (const effect of sent.effects) {
    if (effect.type !== 'STEP_ASSIGNED') continue
    tokens.set(
      effect.stepIndex,
      issueSignOffToken({ justificationId: row.id, round: context.round, stepIndex: effect.stepIndex, signatoryId: effect.step.signatoryId, now: at, ttlHours: settings.linkTtlHours }),
    )
  }
  const signOffLinks = new Map([...tokens].map(([stepIndex, issued]) => [stepIndex, { url: signOffUrl(appUrl, issued.token), expiresAt: issued.data.expiresAt }]))
  const emails = await emailsFor(sent.effects, forEmail, people, { appUrl, signOffLinks, chain: context.chain, linkTtlHours: settings.linkTtlHours })
  const newAssignee = sent.effects.some((e) => e.type === 'STEP_ASSIGNED' || e.type === 'STEP_REASSIGNED')

  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.justification.updateMany({
        where: { id: row.id, rowVersion: row.rowVersion },
        data: {
          ...prepared.columns,
          snapshot: sent.persisted as Prisma.InputJsonValue,
          machineVersion: sent.machineVersion,
          status,
          awaitingPersonId: status === 'AWAITING_SIGNATURE' ? (currentStep(context)?.signatoryId ?? null) : null,
          ...(status !== 'AWAITING_SIGNATURE' ? { awaitingSince: null } : newAssignee ? { awaitingSince: at } : {}),
          ...(status === 'APPROVED' || status === 'REJECTED' || status === 'WITHDRAWN' ? { decidedAt: at } : {}),
          rowVersion: row.rowVersion + 1,
        },
      })
      if (count !== 1) throw new ChangedMeanwhile()
      await prepared.alsoWrite?.(tx)
      await recordEffects(tx, row, sent.effects, prepared, people, actor, at)
      for (const effect of sent.effects) {
        if (effect.type === 'ASSIGNMENT_ENDED') {
          await revokeSignOffTokens(tx, { justificationId: row.id, stepIndex: effect.stepIndex, signatoryId: effect.signatoryId }, 'ASSIGNMENT_ENDED', at)
        }
      }
      for (const issued of tokens.values()) await tx.signOffToken.create({ data: issued.data })
      for (const email of emails) await enqueueEmail(tx, email, { appUrl })
    })
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return { ok: false, kind: 'CONFLICT', message: CHANGED_MEANWHILE }
    throw error
  }
  return { ok: true, id: row.id, reference: row.reference, status, rowVersion: row.rowVersion + 1 }
}

/** Everybody the transition names; those read with the row are not read again (a decision names nobody new). */
async function peopleIn(db: Database, effects: Effect[], context: JustificationContext, known: Person[]): Promise<Map<string, Person>> {
  const ids = new Set<string>([context.requesterId])
  for (const step of context.chain) {
    ids.add(step.signatoryId)
    if (step.decidedBy) ids.add(step.decidedBy)
  }
  for (const effect of effects) if ('by' in effect && effect.by) ids.add(effect.by)
  const people = new Map(known.filter((p) => ids.has(p.id)).map((p) => [p.id, p]))
  const missing = [...ids].filter((id) => !people.has(id))
  if (missing.length > 0) {
    for (const p of await db.person.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, email: true, preferredLanguage: true } })) people.set(p.id, p)
  }
  return people
}

async function recordEffects(
  tx: Transaction,
  row: JustificationRow,
  effects: Effect[],
  prepared: PreparedTransition,
  people: Map<string, Person>,
  actor: Actor,
  at: Date,
) {
  const subject = `justification:${row.id}`
  const base = { actorId: actor.id, subject, origin: actor.origin, at }
  const via = actor.via ?? 'app'
  for (const effect of effects) {
    switch (effect.type) {
      case 'SUBMITTED':
        if (!prepared.submission) throw new Error('A submission must say its amount, rate and split-purchase flag')
        if (!prepared.covered) throw new Error('A submission must say which documents and which text it submits')
        await appendAuditEvent(tx, {
          ...base,
          type: 'JUSTIFICATION_SUBMITTED',
          payload: {
            round: effect.round,
            policyVersion: effect.policyVersion,
            amountMinor: prepared.submission.amountMinor,
            currency: prepared.submission.currency,
            amountChfMinor: prepared.submission.amountChfMinor,
            rate: prepared.submission.rate,
            rateDate: prepared.submission.rateDate,
            splitPurchaseFlag: prepared.submission.splitPurchaseFlag,
            documents: prepared.covered.documents,
            textSha256: prepared.covered.textSha256,
          },
        })
        break
      case 'STEP_ASSIGNED':
        // One INSERT ... ON CONFLICT DO NOTHING (an upsert with nothing to update costs three statements).
        await tx.justificationSignatory.createMany({ data: [{ justificationId: row.id, personId: effect.step.signatoryId }], skipDuplicates: true })
        await appendAuditEvent(tx, {
          ...base,
          type: 'STEP_ASSIGNED',
          payload: {
            stepIndex: effect.stepIndex,
            role: effect.step.role,
            label: effect.step.label,
            signatoryId: effect.step.signatoryId,
            signatoryName: people.get(effect.step.signatoryId)?.name ?? effect.step.signatoryId,
            reason: effect.step.reason,
            explanation: effect.step.explanation,
          },
        })
        break
      case 'STEP_REASSIGNED':
        await appendAuditEvent(tx, {
          ...base,
          type: 'STEP_REASSIGNED',
          payload: { stepIndex: effect.stepIndex, fromSignatoryId: effect.fromSignatoryId, toSignatoryId: effect.step.signatoryId, reason: effect.step.reason, explanation: effect.step.explanation },
        })
        break
      case 'STEP_SIGNED':
        await appendAuditEvent(tx, {
          ...base,
          type: 'STEP_SIGNED',
          payload: {
            stepIndex: effect.stepIndex,
            label: effect.step.label,
            comment: effect.step.comment,
            via,
            documents: prepared.covered?.documents ?? [],
            textSha256: prepared.covered?.textSha256 ?? null,
          },
        })
        break
      case 'REJECTED':
        await appendAuditEvent(tx, { ...base, type: 'JUSTIFICATION_REJECTED', payload: { stepIndex: effect.stepIndex, reason: effect.reason, via } })
        break
      case 'CHANGES_REQUESTED':
        await appendAuditEvent(tx, { ...base, type: 'CHANGES_REQUESTED', payload: { stepIndex: effect.stepIndex, comment: effect.comment, via } })
        break
      case 'WITHDRAWN':
        await appendAuditEvent(tx, { ...base, type: 'JUSTIFICATION_WITHDRAWN', payload: { reason: effect.reason } })
        break
      case 'APPROVED':
        await appendAuditEvent(tx, { ...base, type: 'JUSTIFICATION_APPROVED', payload: { withoutSignature: effect.withoutSignature } })
        break
      case 'EDITED':
      case 'ASSIGNMENT_ENDED':
        // The edit's field-by-field audit event is written by the edit itself (alsoWrite); an ended
        // assignment revokes that person's sign-off links (below, in the same transaction).
        break
    }
  }
}
