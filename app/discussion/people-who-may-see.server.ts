import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Person } from '~/justifications/notifications.server'
import { message } from '~/i18n/message'
import { findMentions } from './mentions'

/**
 * Who may see a justification, as people rather than a filter (visibility.server.ts says the same
 * from the viewer's side): its requester, the members of its group and of the requester's, everybody
 * ever asked to sign it, procurement officers and administrators. Only they can be mentioned.
 */
export function peopleWhoMaySee(db: DatabaseOrTransaction, justification: { id: string; requesterId: string; groupId: string; requesterGroupId: string | null }): Promise<Person[]> {
  const groupIds = [justification.groupId, ...(justification.requesterGroupId ? [justification.requesterGroupId] : [])]
  return db.person.findMany({
    where: {
      isActive: true,
      OR: [
        { id: justification.requesterId },
        { groupId: { in: groupIds } },
        { signatoryOf: { some: { justificationId: justification.id } } },
        { isProcurementOfficer: true },
        { isAdministrator: true },
      ],
    },
    select: { id: true, name: true, email: true, preferredLanguage: true },
    orderBy: { name: 'asc' },
  })
}

/** `messages`: why the comment cannot be posted, as messages the comment field says in its reader's language. */
export type ResolvedMentions = { ok: true; mentioned: Person[] } | { ok: false; messages: string[] }

/**
 * The people a comment mentions, all of whom may see the justification; or why it cannot be posted:
 * a mention of somebody who may not see it (named, so the author knows whom), or of nobody known.
 */
export async function resolveMentions(db: DatabaseOrTransaction, body: string, mayMention: Person[]): Promise<ResolvedMentions> {
  const found = findMentions(body, mayMention)
  if (found.unknown.length === 0) return { ok: true, mentioned: mayMention.filter((person) => found.people.some((p) => p.id === person.id)) }
  // Who the rest are, if anybody: looked up by their first word only, not the whole organisation.
  const others = await db.person.findMany({
    where: { isActive: true, OR: found.unknown.map((word) => ({ name: { startsWith: word.slice(1), mode: 'insensitive' as const } })) },
    select: { id: true, name: true },
    take: 200,
  })
  const mayMentionIds = new Set(mayMention.map((person) => person.id))
  const again = findMentions(body, [...mayMention, ...others.filter((person) => !mayMentionIds.has(person.id))])
  const outsiders = again.people.filter((person) => !mayMentionIds.has(person.id)).map((person) => person.name)
  const messages: string[] = []
  if (outsiders.length) {
    messages.push(message('forms:comment.outsiders', { names: outsiders, count: outsiders.length }))
  }
  if (again.unknown.length) {
    messages.push(message('forms:comment.unknown', { names: again.unknown }))
  }
  return { ok: false, messages }
}
