import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, Transaction } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { getEnv } from '~/env.server'
import { emailRowInclude, justificationForEmail, type Person } from '~/justifications/notifications.server'
import { CommentFormSchema } from './comment-form-schema'
import { commentEmails } from './comment-notifications.server'
import { peopleWhoMaySee, resolveMentions } from './people-who-may-see.server'

/** `notified`: the addresses emailed; `notifiedNames`: the same people, as a page names them. */
export type CommentResult = { ok: true; notified: string[]; notifiedNames: string[] } | { ok: false; kind: 'INVALID'; fieldErrors: { body: string[] } }

/**
 * Writes a comment whose author was already allowed to post it (post-comment.server.ts, or
 * post-comment-by-link.server.ts): the COMMENT_POSTED audit event, which the append-only trail keeps
 * for good, and its emails in the same transaction, so they go out if and only if it was written.
 * `stillAllowed` runs inside that transaction and throws if the author's right ended meanwhile.
 */
export async function recordComment(
  db: Database,
  input: {
    justificationId: string
    authorId: string
    body: string
    asSignatory: boolean
    via: 'app' | 'link'
    origin: RequestOrigin
    now: Date
    stillAllowed?: (tx: Transaction) => Promise<void>
  },
): Promise<CommentResult> {
  const parsed = CommentFormSchema.safeParse({ body: input.body })
  if (!parsed.success) return { ok: false, kind: 'INVALID', fieldErrors: { body: parsed.error.issues.map((issue) => issue.message) } }
  const { body } = parsed.data

  const row = await db.justification.findUniqueOrThrow({
    where: { id: input.justificationId },
    include: {
      ...emailRowInclude,
      requester: { select: { id: true, name: true, email: true, preferredLanguage: true, groupId: true, isActive: true } },
      signatories: { select: { person: { select: { id: true, name: true, email: true, preferredLanguage: true, isActive: true } } } },
    },
  })
  const author = await db.person.findUniqueOrThrow({ where: { id: input.authorId }, select: { id: true, name: true } })
  const mayMention = await peopleWhoMaySee(db, { id: row.id, requesterId: row.requesterId, groupId: row.groupId, requesterGroupId: row.requester.groupId })
  const mentions = await resolveMentions(db, body, mayMention)
  if (!mentions.ok) return { ok: false, kind: 'INVALID', fieldErrors: { body: mentions.messages } }

  const chain: Person[] = [row.requester, ...row.signatories.map((s) => s.person)].filter((person) => person.isActive)
  const appUrl = getEnv().APP_URL
  const emails = await commentEmails({
    justification: justificationForEmail(row),
    author,
    body,
    asSignatory: input.asSignatory,
    postedAt: input.now,
    chain,
    mentioned: mentions.mentioned,
    appUrl,
  })

  await db.$transaction(async (tx) => {
    await input.stillAllowed?.(tx)
    await appendAuditEvent(tx, {
      type: 'COMMENT_POSTED',
      actorId: author.id,
      subject: `justification:${row.id}`,
      payload: { body, mentions: mentions.mentioned.map((person) => ({ personId: person.id, name: person.name })), asSignatory: input.asSignatory, via: input.via },
      origin: input.origin,
      at: input.now,
    })
    for (const { email } of emails) await enqueueEmail(tx, email, { appUrl })
  })
  return { ok: true, notified: emails.map(({ email }) => email.to), notifiedNames: emails.map(({ recipient }) => recipient.name) }
}
