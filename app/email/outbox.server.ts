import { randomUUID } from 'node:crypto'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { RenderedEmail } from './render.server'

export type OutgoingEmail = RenderedEmail & { to: string; template: string }

/**
 * Queues an email in the outbox. Call it with the transaction that makes the change the email tells
 * about: the email exists if and only if the change was committed. The worker delivers it later.
 */
export async function enqueueEmail(db: DatabaseOrTransaction, email: OutgoingEmail, { appUrl }: { appUrl: string }) {
  const messageId = `<${randomUUID()}@${new URL(appUrl).hostname}>`
  return db.outboxMessage.create({
    data: {
      messageId,
      template: email.template,
      toAddress: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    },
    select: { id: true, messageId: true },
  })
}
