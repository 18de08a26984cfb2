import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { inspectSignOffLink } from '~/justifications/inspect-sign-off-link.server'
import { loadWorkflowSettings } from '~/justifications/settings.server'
import type { SignOffLinkState } from '~/justifications/sign-off-link-state'
import { recordComment, type CommentResult } from './record-comment.server'

export type QuestionByLinkResult = CommentResult | { ok: false; state: SignOffLinkState } | { ok: false; signInRequired: true; wrongPerson: boolean }

/** The link stopped working between the check and the write (decided, revoked or expired meanwhile). */
class LinkClosedMeanwhile extends Error {}

/**
 * A signatory's question from their sign-off link, asked without deciding: the same checks as a
 * decision by the link (valid, not used, revoked or expired; in strict mode, signed in as its
 * addressee), but the token is left unused, so the link still decides afterwards. Recorded as the
 * signatory's, from the link.
 */
export async function postCommentByLink(
  db: Database,
  { token, body, now, origin, signedInPersonId }: { token: string; body: string; now: Date; origin: RequestOrigin; signedInPersonId: string | null },
): Promise<QuestionByLinkResult> {
  const state = await inspectSignOffLink(db, token, now)
  if (state.status !== 'open') return { ok: false, state }
  const settings = await loadWorkflowSettings(db)
  if (settings.linkRequiresSignIn && signedInPersonId !== state.signatoryId) return { ok: false, signInRequired: true, wrongPerson: signedInPersonId !== null }
  try {
    return await recordComment(db, {
      justificationId: state.justificationId,
      authorId: state.signatoryId,
      body,
      asSignatory: true,
      via: 'link',
      origin,
      now,
      stillAllowed: async (tx) => {
        const live = await tx.signOffToken.count({ where: { id: state.tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: now } } })
        if (live !== 1) throw new LinkClosedMeanwhile()
      },
    })
  } catch (error) {
    if (!(error instanceof LinkClosedMeanwhile)) throw error
    return { ok: false, state: await inspectSignOffLink(db, token, now) }
  }
}
