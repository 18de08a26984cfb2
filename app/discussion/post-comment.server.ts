import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { visibleTo, type Viewer } from '~/justifications/visibility.server'
import { recordComment, type CommentResult } from './record-comment.server'

export type PostCommentResult = CommentResult | { ok: false; kind: 'NOT_FOUND'; message: string }

/**
 * A comment on a justification's page. Whoever may see the justification may comment on it, in any
 * status (a question on a draft, context for the signatories, an answer after the decision); a
 * person who may not see it is told no more than that it is not theirs to see.
 */
export async function postComment(db: Database, { justificationId, person, body, origin, now }: { justificationId: string; person: Viewer; body: string; origin: RequestOrigin; now: Date }): Promise<PostCommentResult> {
  const visible = await db.justification.findFirst({ where: { AND: [{ id: justificationId }, visibleTo(person)] }, select: { id: true } })
  if (!visible) return { ok: false, kind: 'NOT_FOUND', message: 'You may not see this justification, so you cannot comment on it.' }
  return recordComment(db, { justificationId, authorId: person.id, body, asSignatory: false, via: 'app', origin, now })
}
