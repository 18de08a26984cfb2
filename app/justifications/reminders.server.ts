import { calendarDateIn } from '~/calendar/calendar-date'
import { workingDaysHavePassed } from '~/calendar/working-days.server'
import type { Database } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import { Prisma } from '~/generated/prisma/client'
import { errorFields, log } from '~/server/logger.server'
import { startPeriodicJob, type PeriodicJob } from '~/server/periodic.server'
import { currentStep, justificationContextSchema, KNOWN_MACHINE_VERSIONS } from '~/workflow/machine'
import { isAbsent, type OrgSnapshot } from '~/workflow/org-snapshot'
import { findReplacement } from '~/workflow/reassignment'
import { loadJustificationForEmail, signatureRequestEmail } from './notifications.server'
import { loadOrgSnapshotFor } from './load-org-snapshot.server'
import { loadWorkflowSettings, type WorkflowSettings } from './settings.server'
import { issueSignOffToken, revokeSignOffTokens, signOffUrl } from './sign-off-tokens.server'
import { runTransition, SYSTEM_ACTOR, SYSTEM_ACTOR_ID } from './transition.server'

export type ReminderPassReport = { reminded: number; escalated: number; reassignedForAbsence: number }

function contextOf(snapshot: unknown) {
  return justificationContextSchema.parse((snapshot as { context: unknown }).context)
}

/** The signatory of the open step, for the organisation snapshot; a context that does not parse is reported by the pass itself. */
function currentSignatoryOf(snapshot: unknown): string[] {
  const parsed = justificationContextSchema.safeParse((snapshot as { context?: unknown } | null)?.context)
  const step = parsed.success ? currentStep(parsed.data) : undefined
  return step ? [step.signatoryId] : []
}

/**
 * One pass of the reminder scheduler, for the moment `now`. Everything it decides comes from the
 * database (when each step reached its signatory, which reminders were sent), never from timers:
 * a restart loses nothing, and a pass run twice, or by two instances, acts once (unique reminder
 * rows and the justification's row version).
 *  1. a step whose signatory is away today moves to their deputy (or up a level);
 *  2. after N working days without decision, a reminder with a fresh link (the old one stops);
 *  3. after M working days, the step moves to the deputy or the next level up.
 * Working days are Geneva's: weekends and the public holidays of the organisation's site do not count.
 */
export async function runReminderPass(db: Database, now: Date): Promise<ReminderPassReport> {
  const settings = await loadWorkflowSettings(db)
  const report: ReminderPassReport = { reminded: 0, escalated: 0, reassignedForAbsence: 0 }
  const open = await db.justification.findMany({
    where: { status: 'AWAITING_SIGNATURE', awaitingSince: { not: null } },
    select: { id: true, requesterId: true, groupId: true, snapshot: true, awaitingSince: true, awaitingPersonId: true, rowVersion: true, machineVersion: true },
  })
  if (open.length === 0) return report
  const today = calendarDateIn(now)
  // Only what these steps can be routed to today: their groups' signatories and each step's own (ADR 041).
  const org = await loadOrgSnapshotFor(db, { groupIds: open.map((j) => j.groupId), personIds: open.flatMap((j) => currentSignatoryOf(j.snapshot)), on: today })

  for (const justification of open) {
    try {
      if (!KNOWN_MACHINE_VERSIONS.includes(justification.machineVersion)) {
        log.warn('reminders skip a justification stored by an unknown workflow version', { justificationId: justification.id, machineVersion: justification.machineVersion })
        continue
      }
      const context = contextOf(justification.snapshot)
      const step = currentStep(context)
      const stepIndex = context.currentStepIndex
      if (!step || stepIndex === null) continue
      const since = justification.awaitingSince!

      if (isAbsent(org, step.signatoryId, today)) {
        if (await reassign(db, justification, context, stepIndex, 'ABSENT', now, org, today)) report.reassignedForAbsence++
        continue
      }
      if (workingDaysHavePassed(since, settings.escalateAfterWorkingDays, now)) {
        if (await reassign(db, justification, context, stepIndex, 'OVERDUE', now, org, today)) {
          report.escalated++
          continue
        }
        // Nobody to escalate to: at least make sure the signatory was reminded.
      }
      if (workingDaysHavePassed(since, settings.reminderAfterWorkingDays, now)) {
        if (await remind(db, justification.id, context.round, stepIndex, step.signatoryId, now, settings)) report.reminded++
      }
    } catch (error) {
      log.error('reminder pass failed for a justification', { justificationId: justification.id, ...errorFields(error) })
    }
  }
  return report
}

/**
 * Right after a person declares an absence that covers today: their open steps go to their deputy
 * now, rather than at the scheduler's next pass. Returns how many steps moved.
 */
export async function handOverOpenSteps(db: Database, personId: string, now: Date): Promise<number> {
  const open = await db.justification.findMany({
    where: { status: 'AWAITING_SIGNATURE', awaitingPersonId: personId },
    select: { id: true, requesterId: true, groupId: true, snapshot: true, rowVersion: true },
  })
  if (open.length === 0) return 0
  const today = calendarDateIn(now)
  const org = await loadOrgSnapshotFor(db, { groupIds: open.map((j) => j.groupId), personIds: [personId], on: today })
  if (!isAbsent(org, personId, today)) return 0
  let moved = 0
  for (const justification of open) {
    const context = contextOf(justification.snapshot)
    if (context.currentStepIndex === null) continue
    if (await reassign(db, justification, context, context.currentStepIndex, 'ABSENT', now, org, today)) moved++
  }
  return moved
}

async function reassign(
  db: Database,
  justification: { id: string; requesterId: string; groupId: string; rowVersion: number },
  context: ReturnType<typeof contextOf>,
  stepIndex: number,
  cause: 'ABSENT' | 'OVERDUE',
  now: Date,
  org: OrgSnapshot,
  today: string,
): Promise<boolean> {
  const step = context.chain[stepIndex]!
  const replacement = findReplacement({ org, date: today, requesterId: justification.requesterId, carryingGroupId: justification.groupId, chain: context.chain, stepIndex, cause })
  if (!replacement) {
    log.warn('nobody can take over an open step', { justificationId: justification.id, stepIndex, cause })
    return false
  }
  // The decision was made on the state read at the start of the pass: if anything happened since
  // (a signature moved the chain on), nothing is written and the next pass decides afresh.
  const result = await runTransition(db, {
    justificationId: justification.id,
    expectedRowVersion: justification.rowVersion,
    actor: SYSTEM_ACTOR,
    prepare: async () => ({
      event: { type: 'REASSIGN_STEP', actorId: SYSTEM_ACTOR_ID, at: now.toISOString(), toSignatoryId: replacement.personId, reason: replacement.reason, explanation: replacement.explanation },
      alsoWrite:
        cause === 'OVERDUE'
          ? async (tx) => {
              await tx.stepReminder.create({ data: { justificationId: justification.id, round: context.round, stepIndex, signatoryId: step.signatoryId, kind: 'ESCALATION', sentAt: now } })
            }
          : undefined,
    }),
  })
  if (!result.ok && result.kind !== 'CONFLICT') log.warn('step reassignment refused', { justificationId: justification.id, message: result.message })
  return result.ok
}

/** A reminder with a fresh link, recorded once for this signatory's turn on this step. */
async function remind(db: Database, justificationId: string, round: number, stepIndex: number, signatoryId: string, now: Date, settings: WorkflowSettings): Promise<boolean> {
  const already = await db.stepReminder.findUnique({
    where: { justificationId_round_stepIndex_signatoryId_kind: { justificationId, round, stepIndex, signatoryId, kind: 'REMINDER' } },
  })
  if (already) return false
  const justification = await loadJustificationForEmail(db, justificationId)
  const { snapshot } = await db.justification.findUniqueOrThrow({ where: { id: justificationId }, select: { snapshot: true } })
  const context = contextOf(snapshot)
  const people = new Map(
    (await db.person.findMany({ where: { id: { in: [context.requesterId, ...context.chain.map((s) => s.signatoryId)] } }, select: { id: true, name: true, email: true, preferredLanguage: true } })).map((p) => [p.id, p]),
  )
  const appUrl = getEnv().APP_URL
  const issued = issueSignOffToken({ justificationId, round, stepIndex, signatoryId, now, ttlHours: settings.linkTtlHours })
  const email = await signatureRequestEmail({
    justification,
    step: context.chain[stepIndex]!,
    signOffUrl: signOffUrl(appUrl, issued.token),
    linkExpiresAt: issued.data.expiresAt,
    chain: context.chain,
    people,
    appUrl,
    linkTtlHours: settings.linkTtlHours,
    isReminder: true,
  })
  if (!email) return false
  try {
    await db.$transaction(async (tx) => {
      // Still this person's turn on this step? Read under a row lock, so a decision committing now
      // either happens before (and we see it) or waits until the reminder is written.
      await tx.$queryRaw`SELECT id FROM "Justification" WHERE id = ${justificationId}::uuid FOR UPDATE`
      const current = await tx.justification.findUniqueOrThrow({ where: { id: justificationId }, select: { status: true, awaitingPersonId: true, snapshot: true } })
      const currentContext = contextOf(current.snapshot)
      if (current.status !== 'AWAITING_SIGNATURE' || current.awaitingPersonId !== signatoryId || currentContext.round !== round || currentContext.currentStepIndex !== stepIndex) {
        throw new StepMovedOn()
      }
      await tx.stepReminder.create({ data: { justificationId, round, stepIndex, signatoryId, kind: 'REMINDER', sentAt: now } })
      await revokeSignOffTokens(tx, { justificationId, stepIndex, signatoryId }, 'SUPERSEDED', now)
      await tx.signOffToken.create({ data: issued.data })
      await enqueueEmail(tx, email, { appUrl })
    })
  } catch (error) {
    // Another pass (or instance) sent it first, or the step moved on: nothing to do.
    if (error instanceof StepMovedOn) return false
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false
    throw error
  }
  return true
}

class StepMovedOn extends Error {}

export type ReminderScheduler = PeriodicJob<ReminderPassReport>

/** Runs a pass every `intervalMs` in the app's process; `clock` is injectable so tests control time. */
export function startReminderScheduler({ db, intervalMs, clock = () => new Date() }: { db: Database; intervalMs: number; clock?: () => Date }): ReminderScheduler {
  return startPeriodicJob({
    name: 'reminder pass',
    intervalMs,
    onFailure: { reminded: 0, escalated: 0, reassignedForAbsence: 0 },
    run: async () => {
      const report = await runReminderPass(db, clock())
      if (report.reminded || report.escalated || report.reassignedForAbsence) log.info('reminder pass', report)
      return report
    },
  })
}
