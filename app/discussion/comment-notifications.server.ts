import { commentHeadline } from '#emails/comment-posted'
import { formatDateTime } from '~/calendar/format-date'
import { translatorFor } from '~/i18n/i18n.server'
import type { OutgoingEmail } from '~/email/outbox.server'
import { languageOf, summaryOf, type JustificationForEmail, type Person } from '~/justifications/notifications.server'

/**
 * The emails one comment causes: one to each person of the chain (the requester and everybody asked
 * to sign so far) and one to each person mentioned, never one to its author. A person both in the
 * chain and mentioned gets one email, saying they were mentioned.
 */
export async function commentEmails({
  justification,
  author,
  body,
  asSignatory,
  postedAt,
  chain,
  mentioned,
  appUrl,
}: {
  justification: JustificationForEmail
  author: Pick<Person, 'id' | 'name'>
  body: string
  asSignatory: boolean
  postedAt: Date
  chain: Person[]
  mentioned: Person[]
  appUrl: string
}): Promise<{ recipient: Person; email: OutgoingEmail }[]> {
  const recipients = new Map<string, { person: Person; mentioned: boolean }>()
  for (const person of mentioned) recipients.set(person.id, { person, mentioned: true })
  for (const person of chain) if (!recipients.has(person.id)) recipients.set(person.id, { person, mentioned: false })
  recipients.delete(author.id)

  // The justification's page for everybody, a signatory whose step is pending included: a comment
  // asks for no decision, so its email carries no sign-off link (a sign-off link is for deciding).
  const discussionUrl = `${appUrl}/justifications/${justification.id}#discussion`
  const emails: { recipient: Person; email: OutgoingEmail }[] = []
  for (const { person, mentioned: wasMentioned } of recipients.values()) {
    // In each recipient's language, whoever wrote the comment.
    const language = languageOf(person)
    const t = translatorFor(language, 'emails')
    const headline = commentHeadline(t, { authorName: author.name, mentioned: wasMentioned, asSignatory })
    emails.push({
      recipient: person,
      email: {
        to: person.email,
        subject: t('referenceAnd', { reference: justification.reference, text: headline }),
        template: wasMentioned ? 'comment-mention' : 'comment-posted',
        props: {
          recipientName: person.name,
          authorName: author.name,
          mentioned: wasMentioned,
          asSignatory,
          body,
          postedAt: formatDateTime(postedAt, language),
          discussionUrl,
          summary: summaryOf(justification, language),
          language,
        },
      },
    })
  }
  return emails
}
