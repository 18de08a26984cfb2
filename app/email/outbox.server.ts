import { randomUUID } from 'node:crypto'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { RenderedEmail } from './render.server'
import { sealBody } from './sealed-body.server'

export type OutgoingEmail = RenderedEmail & { to: string; template: string }

/**
 * Queues an email in the outbox. Call it with the transaction that makes the change the email tells
 * about: the email exists if and only if the change was committed. The worker delivers it later.
 *
 * The body is sealed before it is written (AES-256-GCM, key derived from SESSION_SECRET, or `secret`):
 * sign-in and sign-off emails carry secrets that the database only ever holds as hashes. Recipient and
 * subject stay readable for the outbox page; subjects never carry a secret.
 */
export async function enqueueEmail(db: DatabaseOrTransaction, email: OutgoingEmail, { appUrl, secret }: { appUrl: string; secret?: string }) {
  const messageId = `<${randomUUID()}@${new URL(appUrl).hostname}>`
  return db.outboxMessage.create({
    data: {
      messageId,
      template: email.template,
      toAddress: email.to,
      subject: email.subject,
      ...sealBody({ html: email.html, text: email.text }, { messageId, toAddress: email.to }, secret),
    },
    select: { id: true, messageId: true },
  })
}
