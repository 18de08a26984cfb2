import nodemailer from 'nodemailer'
import type { DatabaseOrTransaction } from '~/db/client.server'

export type EmailToDeliver = { messageId: string; to: string; subject: string; html: string; text: string }

/** Where delivered mail goes: an SMTP server, or the local mailbox when SMTP_URL is unset. */
export type MailTransport = {
  kind: 'smtp' | 'mailbox'
  /** Resolves only once the message is accepted; rejects otherwise. */
  send(email: EmailToDeliver): Promise<void>
  close(): void
}

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    // Fail fast when the server is down: the outbox will retry with backoff.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return {
    kind: 'smtp',
    async send(email) {
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
      })
    },
    close: () => transporter.close(),
  }
}

/** The local mailbox: messages are stored in the database and read at /mailbox. */
export function createMailboxTransport(db: DatabaseOrTransaction): MailTransport {
  return {
    kind: 'mailbox',
    async send(email) {
      // Keyed by Message-ID, so a message delivered again after a crash is stored once.
      await db.mailboxMessage.upsert({
        where: { messageId: email.messageId },
        create: { messageId: email.messageId, toAddress: email.to, subject: email.subject, html: email.html, text: email.text },
        update: {},
      })
    },
    close: () => {},
  }
}
