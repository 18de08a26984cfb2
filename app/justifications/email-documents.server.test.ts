import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { attachTestFile, minimalPdf } from '../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileDraft, ok, origin } from '../../tests/support/workflow'
import { readQueuedEmail } from '~/email/open-queued-email.server'
import { formatFileSize } from '~/attachments/file-size'
import { decideJustification } from './decide-justification.server'
import { submitJustification } from './submit-justification.server'

// The request to sign lists the documents the signature covers: those the justification carries
// when the request is sent, so a resubmission's request lists the new set, not the first.
describe(`documents in the signature request (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
  const latestRequestTo = async (address: string, reference: string) => {
    const message = await database.db.outboxMessage.findFirstOrThrow({
      where: { toAddress: address, subject: { contains: `${reference} awaits your signature` } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    })
    return readQueuedEmail(message)
  }

  test('the first request lists the documents attached before submission; after changes requested, the request lists the new set', async () => {
    const requester = { id: ids['rita.romano']!, origin }
    const draft = await fileDraft(database.db, { requesterId: requester.id, now, title: 'Documents in the request' })
    const firstQuote = await minimalPdf('First quote, 60 000 CHF')
    const letter = await minimalPdf('Compatibility letter')
    const quoteRow = await attachTestFile(database.db, { justificationId: draft.id, addedById: requester.id, fileName: 'Offre Müller.pdf', bytes: firstQuote })
    await attachTestFile(database.db, { justificationId: draft.id, addedById: requester.id, fileName: 'letter.pdf', kind: 'EXCLUSIVITY_LETTER', bytes: letter })
    ok(await submitJustification(database.db, { id: draft.id, actor: requester, now }))
    const reference = (await database.db.justification.findUniqueOrThrow({ where: { id: draft.id } })).reference

    const first = await latestRequestTo('marta.mendes@example.org', reference)
    const lines = (text: string) => text.split('\n').map((line) => line.trim())
    expect(lines(first.text)).toEqual(
      expect.arrayContaining([
        'Documents you are signing (2):',
        `• Supplier’s quote: Offre Müller.pdf (${formatFileSize(firstQuote.byteLength)})`,
        `SHA-256 ${sha256(firstQuote)}`,
        `• Exclusivity or compatibility letter: letter.pdf (${formatFileSize(letter.byteLength)})`,
        `SHA-256 ${sha256(letter)}`,
      ]),
    )
    expect(first.html).toContain(`SHA-256 ${sha256(firstQuote)}`)

    ok(await decideJustification(database.db, { id: draft.id, actor: { id: ids['marta.mendes']!, origin }, decision: { kind: 'request-changes', comment: 'A newer quote, please.' }, now }))
    await database.db.attachment.update({ where: { id: quoteRow.id }, data: { removedAt: now, removedById: requester.id } })
    const newQuote = await minimalPdf('Second quote, 58 000 CHF')
    await attachTestFile(database.db, { justificationId: draft.id, addedById: requester.id, fileName: 'quote-v2.pdf', bytes: newQuote })
    ok(await submitJustification(database.db, { id: draft.id, actor: requester, now: new Date(now.getTime() + 3600_000) }))

    const second = await latestRequestTo('marta.mendes@example.org', reference)
    expect(lines(second.text)).toEqual(expect.arrayContaining(['Documents you are signing (2):', `SHA-256 ${sha256(letter)}`, `SHA-256 ${sha256(newQuote)}`, `• Supplier’s quote: quote-v2.pdf (${formatFileSize(newQuote.byteLength)})`]))
    expect(second.text).not.toContain(sha256(firstQuote))
    expect(second.text).not.toContain('Offre Müller.pdf')
  })

  test('a justification without documents says so', async () => {
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now, title: 'No documents at all' })
    ok(await submitJustification(database.db, { id: draft.id, actor: { id: ids['rita.romano']!, origin }, now }))
    const reference = (await database.db.justification.findUniqueOrThrow({ where: { id: draft.id } })).reference
    const request = await latestRequestTo('marta.mendes@example.org', reference)
    expect(request.text.split('\n').map((line) => line.trim())).toContain('No supporting documents were attached.')
  })
})
