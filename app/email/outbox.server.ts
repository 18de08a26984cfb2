import { randomUUID } from 'node:crypto'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { isLanguage, type Language } from '~/i18n/languages'
import { languageOfEmail } from './mailbox.server'
import type { RenderedEmail } from './render.server'
import { sealBody, sealTemplateDocument } from './sealed-body.server'
import type { TemplateEmail } from './templates.server'

/** An email to queue: its kind (the template that renders it at delivery) and that template's props. */
export type OutgoingEmail = TemplateEmail & { to: string; subject: string }

/** An email rendered before it is queued, as every email was before 027; the worker still delivers these. */
export type RenderedOutgoingEmail = RenderedEmail & { to: string; template: string }

/**
 * Queues an email in the outbox. Call it with the transaction that makes the change the email tells
 * about: the email exists if and only if the change was committed. The worker renders and delivers
 * it later, out of the request (docs/decisions/027-render-email-at-delivery.md).
 *
 * What is stored is sealed before it is written (AES-256-GCM, key derived from SESSION_SECRET, or
 * `secret`): the props of sign-in and sign-off emails carry secrets that the database only ever holds
 * as hashes. Recipient, subject and template stay readable for the outbox page; subjects never carry
 * a secret.
 */
export async function enqueueEmail(db: DatabaseOrTransaction, email: OutgoingEmail | RenderedOutgoingEmail, { appUrl, secret }: { appUrl: string; secret?: string }) {
  const messageId = `<${randomUUID()}@${new URL(appUrl).hostname}>`
  const owner = { messageId, toAddress: email.to }
  return db.outboxMessage.create({
    data: {
      messageId,
      template: email.template,
      toAddress: email.to,
      subject: email.subject,
      language: languageOfOutgoing(email),
      ...('props' in email ? sealTemplateDocument({ template: email.template, props: email.props }, owner, secret) : sealBody({ html: email.html, text: email.text }, owner, secret)),
    },
    select: { id: true, messageId: true },
  })
}

/**
 * The language an email is written in, stored beside its subject for the outbox page: the one its
 * template is rendered in (`props.language`, the recipient's; English when absent, as
 * emails/i18n.ts renders it), or, for an email rendered before it was queued, its HTML's `lang`.
 */
export function languageOfOutgoing(email: OutgoingEmail | RenderedOutgoingEmail): Language {
  if ('props' in email) {
    const language = (email.props as { language?: unknown }).language
    return isLanguage(language) ? language : 'en'
  }
  return languageOfEmail(email.html)
}
