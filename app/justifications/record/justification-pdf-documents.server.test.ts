import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../../prisma/seed'
import { attachTestFile, minimalPdf } from '../../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../tests/support/database'
import { pdfText } from '../../../tests/support/pdf-text'
import { demoPeople, fileDraft, ok, origin } from '../../../tests/support/workflow'
import { appendAuditEvent } from '~/audit/audit.server'
import { formatFileSize } from '~/attachments/file-size'
import { decideJustification } from '../decide-justification.server'
import { submitJustification } from '../submit-justification.server'
import type { Viewer } from '../visibility.server'
import { justificationPdf } from './justification-pdf.server'
import { loadJustificationRecord } from './justification-record.server'

// The record's "Supporting documents" (the last submission's, each with its full SHA-256), what each
// signature covered, and the "Discussion". Comments are appended as their audit events directly: the
// comment use case is tested on its own.
describe(`a justification's record lists its documents and its discussion (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const viewers: Record<string, Viewer> = {}
  let id: string
  const files: Record<string, { sha256: string; sizeBytes: bigint }> = {}
  const submittedAt = new Date('2026-11-26T09:00:00Z')
  const questionAt = new Date('2026-11-26T13:05:00Z')
  const resubmittedAt = new Date('2026-11-27T08:00:00Z')
  const signedAt = new Date('2026-11-27T10:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
    for (const person of await database.db.person.findMany()) viewers[person.email.split('@')[0]!] = person
    const requesterId = ids['rita.romano']!
    ;({ id } = await fileDraft(database.db, { requesterId, now: submittedAt, amount: 6_000_000, title: 'Cold heads, quoted twice' }))
    const attach = async (fileName: string, kind: 'QUOTE' | 'TECHNICAL_SPECIFICATION') => {
      const row = await attachTestFile(database.db, { justificationId: id, addedById: requesterId, fileName, kind, bytes: await minimalPdf(`${fileName}: cold heads`) })
      files[fileName] = row
      return row
    }
    const firstQuote = await attach('quote-2026-117.pdf', 'QUOTE')
    await attach('cold-head-specification.pdf', 'TECHNICAL_SPECIFICATION')
    ok(await submitJustification(database.db, { id, actor: { id: requesterId, origin }, now: submittedAt }))
    ok(await decideJustification(database.db, { id, actor: { id: ids['marta.mendes']!, origin }, decision: { kind: 'request-changes', comment: 'The quote has expired.' }, now: questionAt }))

    await appendAuditEvent(database.db, {
      type: 'COMMENT_POSTED',
      actorId: ids['marta.mendes']!,
      subject: `justification:${id}`,
      payload: { body: 'Is the 2026-117 quote still valid after December? @Rita Romano', mentions: [{ personId: requesterId, name: 'Rita Romano' }], asSignatory: true },
      at: questionAt,
    })
    await appendAuditEvent(database.db, {
      type: 'COMMENT_POSTED',
      actorId: requesterId,
      subject: `justification:${id}`,
      payload: { body: 'Supplier sent a new one, valid until March: attached.' },
      at: resubmittedAt,
    })

    // The new round: the old quote removed, a new one added (as the document use cases would).
    await database.db.attachment.update({ where: { id: firstQuote.id }, data: { removedAt: resubmittedAt, removedById: requesterId } })
    await attach('quote-2026-141.pdf', 'QUOTE')
    await database.db.justification.update({ where: { id }, data: { rowVersion: { increment: 2 } } })
    ok(await submitJustification(database.db, { id, actor: { id: requesterId, origin }, now: resubmittedAt }))
    ok(await decideJustification(database.db, { id, actor: { id: ids['marta.mendes']!, origin }, decision: { kind: 'sign' }, now: signedAt }))
  })
  afterAll(async () => database?.drop())

  const text = async () => pdfText((await justificationPdf(database.db, viewers['rita.romano']!, id, new Date('2026-12-02T05:00:00Z'), 'en'))!.pdf)

  test('the last submission’s documents: kind, name, size and the full SHA-256, unbroken on its line; not the removed one', async () => {
    const pdf = await text()
    const section = pdf.slice(pdf.indexOf('Supporting documents'), pdf.indexOf('Signatures'))
    expect(section).toContain('As submitted on 27 Nov 2026, 09:00 CET (round 2)')
    expect(section).toContain(`Technical specification: cold-head-specification.pdf (${formatFileSize(Number(files['cold-head-specification.pdf']!.sizeBytes))})`)
    expect(section).toContain(`Supplier’s quote: quote-2026-141.pdf (${formatFileSize(Number(files['quote-2026-141.pdf']!.sizeBytes))})`)
    expect(section).toContain(`SHA-256 ${files['cold-head-specification.pdf']!.sha256}`)
    expect(section).toContain(`SHA-256 ${files['quote-2026-141.pdf']!.sha256}`)
    expect(section).toContain('The text as submitted: SHA-256 ')
    expect(pdf).not.toContain('quote-2026-117.pdf')
    expect(pdf).not.toContain(files['quote-2026-117.pdf']!.sha256)
  })

  test('the signature says how many documents it covered', async () => {
    expect(await text()).toContain('Group leader: Marta Mendes Signed on 27 Nov 2026, 11:00 CET, in the app Covered 2 documents and the text as submitted.')
  })

  test('the discussion: each comment with its author, its time and zone, a signatory’s question marked, mentions named', async () => {
    const pdf = await text()
    const section = pdf.slice(pdf.indexOf('Discussion'), pdf.indexOf('Timeline'))
    expect(section).toContain('26 Nov 2026, 14:05 CET · Marta Mendes, as signatory (a question, no decision) Is the 2026-117 quote still valid after December? @Rita Romano Mentions Rita Romano.')
    expect(section).toContain('27 Nov 2026, 09:00 CET · Rita Romano Supplier sent a new one, valid until March: attached.')
    expect(section.indexOf('Marta Mendes, as signatory')).toBeLessThan(section.indexOf('Supplier sent a new one'))
  })

  test('a draft lists the documents attached now, and a justification without comments says so', async () => {
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now: submittedAt, title: 'A draft with a quote' })
    const quote = await attachTestFile(database.db, { justificationId: draft.id, addedById: ids['rita.romano']!, fileName: 'draft-quote.pdf', bytes: await minimalPdf('draft quote') })
    const record = (await loadJustificationRecord(database.db, viewers['rita.romano']!, draft.id, new Date(), 'en'))!
    expect(record).toMatchObject({ documentsNote: 'Not submitted yet: the documents attached now.', textSha256: null, discussion: [], documents: [{ fileName: 'draft-quote.pdf', sha256: quote.sha256 }] })
    const pdf = await pdfText((await justificationPdf(database.db, viewers['rita.romano']!, draft.id, new Date(), 'en'))!.pdf)
    expect(pdf).toContain(`SHA-256 ${quote.sha256}`)
    expect(pdf).toContain('Discussion No comments.')
  })
})
