import { describe, expect, test } from 'vitest'
import { testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { useDeliveryHarness } from '../../tests/support/delivery'
import { type TestSmtpServer } from '../../tests/support/smtp'
import { deliverDueMessages } from './delivery.server'
import { readQueuedEmail } from './open-queued-email.server'
import { enqueueEmail, type OutgoingEmail } from './outbox.server'
import { renderTemplateEmail } from './render.server'
import { sealTemplateDocument } from './sealed-body.server'
import { createMailboxTransport, type MailTransport } from './transport.server'

const secret = 'render-secret-render-secret-render-secret'
const appUrl = 'http://localhost:3000'
const token = 'SECRET-TOKEN-6f1d0c9a0b3e4d5f8a7b6c5d4e3f2a1b0c9d8e7'
const signIn = (to: string): OutgoingEmail => ({
  to,
  subject: 'Your SoleSource sign-in link',
  template: 'sign-in-link',
  props: { name: 'Ada Lovelace', signInUrl: `${appUrl}/sign-in/link/${token}`, code: '493027', expiresInMinutes: 15, expiresAt: '2 Dec 2026, 21:00 CET' },
})

describe(`emails rendered at delivery from their template and props (${testDatabaseKind()}, real SMTP server)`, () => {
  let database: TestDatabase
  let smtp: TestSmtpServer
  let transport: MailTransport
  useDeliveryHarness(secret, (started) => ({ database, smtp, transport } = started), { emptyOutboxBeforeEach: true })
  const deliver = (via = transport) => deliverDueMessages({ db: database.db, transport: via, now: new Date(Date.now() + 1000), maxAttempts: 5, retryBaseMs: 1000 })

  test('queued: the template and its props, sealed (no link or code in clear); delivered: the HTML and text the template renders', async () => {
    const { id, messageId } = await enqueueEmail(database.db, signIn('ada@example.org'), { appUrl })
    const stored = await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(stored).toMatchObject({ template: 'sign-in-link', subject: 'Your SoleSource sign-in link', unsealedHtml: null })
    expect(stored.sealedBodyKey).toMatch(/^v2:[0-9a-f]{16}$/)
    expect(Buffer.from(stored.sealedBody!).toString('latin1')).not.toContain(token)
    expect(Buffer.from(stored.sealedBody!).toString('latin1')).not.toContain('493027')

    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 })
    const delivered = await smtp.waitForMessage((m) => m.messageId === messageId)
    const expected = await renderTemplateEmail(signIn('ada@example.org'))
    expect(delivered.text?.trim()).toBe(expected.text.trim())
    expect(delivered.html).toContain(`${appUrl}/sign-in/link/${token}`)
    expect(delivered.text).toContain('493027')
    expect(await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', sealedBody: null, sealedBodyKey: null })
  })

  test('a template this version does not know fails at once and says so; nothing is sent', async () => {
    const messageId = '<retired@localhost>'
    const { id } = await database.db.outboxMessage.create({
      data: { messageId, template: 'retired-template', toAddress: 'bob@example.org', subject: 'Old', ...sealTemplateDocument({ template: 'retired-template', props: {} }, { messageId, toAddress: 'bob@example.org' }) },
    })
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 })
    const failed = await database.db.outboxMessage.findUniqueOrThrow({ where: { id } })
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, lockedBy: null })
    expect(failed.lastError).toBe('The template "retired-template" is not one this version of SoleSource knows, so the email cannot be rendered. It is not sent.')
    expect(failed.sealedBody).not.toBeNull()
    expect(smtp.messagesTo('bob@example.org')).toHaveLength(0)
  })

  test('props that are not an object, or a template renamed in clear, fail at once with a reason; nothing is sent', async () => {
    const messageId = '<not-props@localhost>'
    await database.db.outboxMessage.create({
      data: { messageId, template: 'sign-in-link', toAddress: 'carl@example.org', subject: 'Broken', ...sealTemplateDocument({ template: 'sign-in-link', props: 'x' }, { messageId, toAddress: 'carl@example.org' }) },
    })
    const { id: renamed } = await enqueueEmail(database.db, signIn('dora@example.org'), { appUrl })
    await database.db.outboxMessage.update({ where: { id: renamed }, data: { template: 'spread-digest' } })
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 2 })
    const errors = (await database.db.outboxMessage.findMany({ orderBy: { toAddress: 'asc' } })).map((m) => [m.toAddress, m.status, m.lastError])
    expect(errors).toEqual([
      ['carl@example.org', 'FAILED', 'The props of the "sign-in-link" email are not an object, so it cannot be rendered. It is not sent.'],
      ['dora@example.org', 'FAILED', 'The sealed body does not open: it was altered, or moved to another message or recipient. It is not sent.'],
    ])
    expect(smtp.messages).toHaveLength(0)
  })

  test('the local mailbox receives the rendered email too, and a queued email can be read as it will be sent', async () => {
    const { id, messageId } = await enqueueEmail(database.db, signIn('erin@example.org'), { appUrl })
    const read = await readQueuedEmail(await database.db.outboxMessage.findUniqueOrThrow({ where: { id } }))
    expect(await deliver(createMailboxTransport(database.db))).toEqual({ sent: 1, retried: 0, failed: 0 })
    const inMailbox = await database.db.mailboxMessage.findUniqueOrThrow({ where: { messageId } })
    expect(inMailbox).toMatchObject({ toAddress: 'erin@example.org', subject: 'Your SoleSource sign-in link', html: read.html, text: read.text })
    expect(inMailbox.text).toContain(`${appUrl}/sign-in/link/${token}`)
  })
})
