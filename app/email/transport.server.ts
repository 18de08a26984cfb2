import net from 'node:net'
import nodemailer from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { getEnv } from '~/env.server'

export type EmailToDeliver = { messageId: string; to: string; subject: string; html: string; text: string }

/** Where delivered mail goes: an SMTP server, or the local mailbox when SMTP_URL is unset. */
export type MailTransport = {
  kind: 'smtp' | 'mailbox'
  /** Resolves only once the message is accepted; rejects otherwise. */
  send(email: EmailToDeliver): Promise<void>
  close(): void
  /** How many messages it takes at once (an SMTP transport: one per pooled connection). */
  concurrency: number
}

export type SmtpPoolOptions = {
  /** SMTP connections kept open at once, each carrying one message at a time (OUTBOX_SMTP_CONNECTIONS). */
  maxConnections?: number
  /** Messages one connection carries before it is replaced by a fresh one (OUTBOX_SMTP_MESSAGES_PER_CONNECTION). */
  maxMessages?: number
}

/**
 * SMTP through a pool of connections, kept open between messages: opening one (greeting, EHLO)
 * costs more than sending a short message, and several connections carry several messages at once.
 */
export function createSmtpTransport(smtpUrl: string, from: string, pool: SmtpPoolOptions = {}): MailTransport {
  const env = getEnv()
  const maxConnections = pool.maxConnections ?? env.OUTBOX_SMTP_CONNECTIONS
  // Options go with the URL's own (nodemailer reads a second argument as message defaults, not as these).
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl),
    pool: true,
    maxConnections,
    maxMessages: pool.maxMessages ?? env.OUTBOX_SMTP_MESSAGES_PER_CONNECTION,
    // Fail fast when the server is down: the outbox will retry with backoff.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: connectWithoutDelay,
  })
  return {
    kind: 'smtp',
    concurrency: maxConnections,
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

/**
 * The TCP connection to the SMTP server, with Nagle's algorithm off. With it on, the last small
 * write of a message (the dot that ends DATA) waits for the acknowledgement of the one before,
 * which the server delays (about 40 ms): every message on a kept-open connection paid it.
 * Nodemailer carries on from the connected socket (greeting, STARTTLS or TLS, as configured).
 */
export function connectWithoutDelay(options: { host?: string; port?: number; secure?: boolean; connectionTimeout?: number }, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? (options.secure ? 465 : 587), noDelay: true })
  const timer = setTimeout(() => socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), options.connectionTimeout ?? 10_000)
  socket.once('connect', () => {
    clearTimeout(timer)
    socket.removeListener('error', failed)
    callback(null, { connection: socket })
  })
  const failed = (error: Error) => {
    clearTimeout(timer)
    callback(error)
  }
  socket.once('error', failed)
}

/** The local mailbox: messages are stored in the database and read at /mailbox. */
export function createMailboxTransport(db: DatabaseOrTransaction): MailTransport {
  return {
    kind: 'mailbox',
    // A few upserts at a time: the app's database pool serves requests too.
    concurrency: 4,
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
