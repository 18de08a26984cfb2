import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { decideJustification, type Decision } from './decide-justification.server'
import { checkSignOffLink, inspectSignOffLink } from './inspect-sign-off-link.server'
import type { SignOffLinkState } from './sign-off-link-state'
import { ChangedMeanwhile, CHANGED_MEANWHILE } from './transition.server'

export type SignOffResult = { ok: true; outcome: string; reference: string } | { ok: false; state: SignOffLinkState } | { ok: false; signInRequired: true; wrongPerson: boolean } | { ok: false; message: string }

/**
 * Decides through a sign-off link: the POST from the link's page. Everything is checked again at use,
 * and the token is consumed in the same transaction as the decision, so of twenty simultaneous
 * POSTs exactly one decides. In strict mode the person must also be signed in as the addressee.
 */
export async function decideBySignOffLink(
  db: Database,
  { token, decision, now, origin, signedInPersonId }: { token: string; decision: Decision; now: Date; origin: RequestOrigin; signedInPersonId: string | null },
): Promise<SignOffResult> {
  // The link's state and the settings in one read: the same settings decide whether signing in is
  // required and how long the next signatory's link lives.
  const { state, settings } = await checkSignOffLink(db, token, now)
  if (state.status !== 'open') return { ok: false, state }
  if (settings.linkRequiresSignIn && signedInPersonId !== state.signatoryId) {
    return { ok: false, signInRequired: true, wrongPerson: signedInPersonId !== null }
  }
  const result = await decideJustification(db, {
    id: state.justificationId,
    actor: { id: state.signatoryId, origin, via: 'link' },
    decision,
    now,
    settings,
    alsoWrite: async (tx) => {
      const { count } = await tx.signOffToken.updateMany({ where: { id: state.tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      if (count !== 1) throw new ChangedMeanwhile()
    },
  })
  if (result.ok) return { ok: true, outcome: decision.kind === 'sign' ? 'signed' : decision.kind === 'reject' ? 'rejected' : 'sent back for changes', reference: result.reference }
  if (result.kind === 'CONFLICT') {
    const after = await inspectSignOffLink(db, token, now)
    return after.status === 'open' ? { ok: false, message: CHANGED_MEANWHILE } : { ok: false, state: after }
  }
  return { ok: false, message: result.message }
}
