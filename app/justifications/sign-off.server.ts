import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import { formatDateTime } from '~/calendar/format-date'
import { justificationContextSchema, KNOWN_MACHINE_VERSIONS, type StepRecord } from '~/workflow/machine'
import { decideJustification, type Decision } from './decide-justification.server'
import { loadJustificationForEmail, signatureRequestEmail } from './notifications.server'
import { loadJustificationPage } from './page.server'
import { loadWorkflowSettings } from './settings.server'
import { findSignOffToken, issueSignOffToken, revokeSignOffTokens, signOffUrl } from './sign-off-tokens.server'
import { ChangedMeanwhile, CHANGED_MEANWHILE } from './transition.server'

/**
 * What a sign-off link stands for right now. Every refusal says what happened, and nothing about
 * any other justification; an unknown or tampered token says only that it is not valid.
 */
export type SignOffLinkState =
  | { status: 'open'; tokenId: string; justificationId: string; signatoryId: string; signatoryName: string; stepLabel: string; expiresAt: string }
  | { status: 'decided'; by: string; at: string; outcome: string }
  | { status: 'used' }
  | { status: 'withdrawn' }
  | { status: 'reassigned'; to: string }
  | { status: 'superseded' }
  | { status: 'changed' }
  | { status: 'expired'; canSendFresh: boolean }
  | { status: 'unknown' }

const outcomeOf: Partial<Record<StepRecord['status'], string>> = { done: 'signed', rejected: 'rejected', returned: 'sent back for changes' }

export async function inspectSignOffLink(db: Database, token: string, now: Date): Promise<SignOffLinkState> {
  const link = await findSignOffToken(db, token)
  if (!link) return { status: 'unknown' }
  const justification = await db.justification.findUniqueOrThrow({ where: { id: link.justificationId }, select: { id: true, status: true, snapshot: true, machineVersion: true } })
  const signatory = await db.person.findUnique({ where: { id: link.signatoryId }, select: { isActive: true } })
  // A person who left signs nothing, as their sessions end when they are made inactive.
  if (!signatory?.isActive) return { status: 'unknown' }
  if (!KNOWN_MACHINE_VERSIONS.includes(justification.machineVersion)) return { status: 'changed' }
  const context = justificationContextSchema.parse((justification.snapshot as { context: unknown }).context)
  if (justification.status === 'WITHDRAWN') return { status: 'withdrawn' }
  if (context.round !== link.round) return { status: 'changed' }
  const step = context.chain[link.stepIndex]
  if (!step) return { status: 'changed' }
  const name = async (id: string | null) => (id ? ((await db.person.findUnique({ where: { id }, select: { name: true } }))?.name ?? 'someone') : 'someone')
  if (step.status !== 'pending' && step.status !== 'to-come') {
    return { status: 'decided', by: await name(step.decidedBy), at: step.decidedAt ? formatDateTime(step.decidedAt) : '', outcome: outcomeOf[step.status] ?? 'closed' }
  }
  if (link.usedAt) return { status: 'used' }
  if (step.signatoryId !== link.signatoryId) return { status: 'reassigned', to: await name(step.signatoryId) }
  if (link.revokedAt) return link.revokedReason === 'SUPERSEDED' ? { status: 'superseded' } : { status: 'changed' }
  if (step.status !== 'pending' || justification.status !== 'AWAITING_SIGNATURE') return { status: 'changed' }
  if (link.expiresAt <= now) return { status: 'expired', canSendFresh: true }
  return {
    status: 'open',
    tokenId: link.id,
    justificationId: justification.id,
    signatoryId: link.signatoryId,
    signatoryName: await name(link.signatoryId),
    stepLabel: step.label,
    expiresAt: formatDateTime(link.expiresAt),
  }
}

/**
 * The justification an open link shows. A link is not a session: it shows what its addressee may
 * see by the link alone (the justification they are asked to sign), not what their group or roles
 * would show them when signed in.
 */
export function loadSignOffDetails(db: Database, link: { justificationId: string; signatoryId: string }, now: Date) {
  const linkViewer = { id: link.signatoryId, groupId: null, isProcurementOfficer: false, isAdministrator: false }
  return loadJustificationPage(db, linkViewer, link.justificationId, now)
}

export type SignOffResult = { ok: true; outcome: string } | { ok: false; state: SignOffLinkState } | { ok: false; signInRequired: true; wrongPerson: boolean } | { ok: false; message: string }

/**
 * Decides through a sign-off link: the POST from the link's page. Everything is checked again at use,
 * and the token is consumed in the same transaction as the decision, so of twenty simultaneous
 * POSTs exactly one decides. In strict mode the person must also be signed in as the addressee.
 */
export async function decideBySignOffLink(
  db: Database,
  { token, decision, now, origin, signedInPersonId }: { token: string; decision: Decision; now: Date; origin: RequestOrigin; signedInPersonId: string | null },
): Promise<SignOffResult> {
  const state = await inspectSignOffLink(db, token, now)
  if (state.status !== 'open') return { ok: false, state }
  const settings = await loadWorkflowSettings(db)
  if (settings.linkRequiresSignIn && signedInPersonId !== state.signatoryId) {
    return { ok: false, signInRequired: true, wrongPerson: signedInPersonId !== null }
  }
  const result = await decideJustification(db, {
    id: state.justificationId,
    actor: { id: state.signatoryId, origin, via: 'link' },
    decision,
    now,
    alsoWrite: async (tx) => {
      const { count } = await tx.signOffToken.updateMany({ where: { id: state.tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      if (count !== 1) throw new ChangedMeanwhile()
    },
  })
  if (result.ok) return { ok: true, outcome: decision.kind === 'sign' ? 'signed' : decision.kind === 'reject' ? 'rejected' : 'sent back for changes' }
  if (result.kind === 'CONFLICT') {
    const after = await inspectSignOffLink(db, token, now)
    return after.status === 'open' ? { ok: false, message: CHANGED_MEANWHILE } : { ok: false, state: after }
  }
  return { ok: false, message: result.message }
}

/**
 * A fresh link for an expired one, when the step is still open and still this person's: the old
 * link stays dead, the new one arrives by email like the first. Answers the same whatever happens,
 * so the page reveals nothing.
 */
export async function sendFreshSignOffLink(db: Database, { token, now }: { token: string; now: Date }): Promise<boolean> {
  const state = await inspectSignOffLink(db, token, now)
  if (state.status !== 'expired') return false
  const link = (await findSignOffToken(db, token))!
  const settings = await loadWorkflowSettings(db)
  const justification = await loadJustificationForEmail(db, link.justificationId)
  const { snapshot } = await db.justification.findUniqueOrThrow({ where: { id: link.justificationId }, select: { snapshot: true } })
  const context = justificationContextSchema.parse((snapshot as { context: unknown }).context)
  const step = context.chain[link.stepIndex]!
  const people = new Map(
    (await db.person.findMany({ where: { id: { in: [context.requesterId, ...context.chain.map((s) => s.signatoryId)] } }, select: { id: true, name: true, email: true } })).map((p) => [p.id, p]),
  )
  const issued = issueSignOffToken({ justificationId: link.justificationId, round: link.round, stepIndex: link.stepIndex, signatoryId: link.signatoryId, now, ttlHours: settings.linkTtlHours })
  const appUrl = getEnv().APP_URL
  const email = await signatureRequestEmail({ justification, step, signOffUrl: signOffUrl(appUrl, issued.token), chain: context.chain, people, appUrl, linkTtlHours: settings.linkTtlHours })
  if (!email) return false
  await db.$transaction(async (tx) => {
    await revokeSignOffTokens(tx, { justificationId: link.justificationId, stepIndex: link.stepIndex, signatoryId: link.signatoryId }, 'SUPERSEDED', now)
    await tx.signOffToken.create({ data: issued.data })
    await enqueueEmail(tx, email, { appUrl })
  })
  return true
}
