import type { Database } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import { justificationContextSchema } from '~/workflow/machine'
import { inspectSignOffLink } from './inspect-sign-off-link.server'
import { loadJustificationForEmail, signatureRequestEmail } from './notifications.server'
import { loadWorkflowSettings } from './settings.server'
import { findSignOffToken, issueSignOffToken, revokeSignOffTokens, signOffUrl } from './sign-off-tokens.server'

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
    (await db.person.findMany({ where: { id: { in: [context.requesterId, ...context.chain.map((s) => s.signatoryId)] } }, select: { id: true, name: true, email: true, preferredLanguage: true } })).map((p) => [p.id, p]),
  )
  const issued = issueSignOffToken({ justificationId: link.justificationId, round: link.round, stepIndex: link.stepIndex, signatoryId: link.signatoryId, now, ttlHours: settings.linkTtlHours })
  const appUrl = getEnv().APP_URL
  const email = await signatureRequestEmail({ justification, step, signOffUrl: signOffUrl(appUrl, issued.token), linkExpiresAt: issued.data.expiresAt, chain: context.chain, people, appUrl, linkTtlHours: settings.linkTtlHours })
  if (!email) return false
  await db.$transaction(async (tx) => {
    await revokeSignOffTokens(tx, { justificationId: link.justificationId, stepIndex: link.stepIndex, signatoryId: link.signatoryId }, 'SUPERSEDED', now)
    await tx.signOffToken.create({ data: issued.data })
    await enqueueEmail(tx, email, { appUrl })
  })
  return true
}
