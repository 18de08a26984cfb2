import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { resetEnvForTests } from '~/env.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { CHANGED_MEANWHILE } from '~/justifications/transition.server'
import { addAttachments } from './add-attachments.server'
import { withSqlTransaction } from '~/db/sql-transaction.server'
import { DOCUMENTS_FROZEN, DocumentsChangedMeanwhile, claimEditableJustification } from './editable-documents.server'
import { listCurrentAttachments } from './list-attachments.server'
import { removeAttachment } from './remove-attachment.server'
import type { ReceivedUpload } from './receive-upload.server'
import { postgresFileStore } from './store/postgres-file-store.server'
import type { FileStoreBackend } from './store/file-store.server'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { htmlBytes, minimalPdf, pngBytes } from '../../tests/support/sample-files'
import { uploadOf } from '../../tests/support/uploads'
import { demoPeople, fileDraft, ok, origin } from '../../tests/support/workflow'
import { seedDemoData } from '../../prisma/seed'
import { said, saidDeep } from '~/i18n/said.test-support'

const now = new Date('2026-12-01T10:00:00Z')

describe(`adding and removing supporting documents (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const uploads: ReceivedUpload[] = []
  const saved = { file: process.env.ATTACHMENT_MAX_FILE_MB, total: process.env.ATTACHMENT_MAX_TOTAL_MB }

  beforeAll(async () => {
    process.env.ATTACHMENT_MAX_FILE_MB = '1'
    process.env.ATTACHMENT_MAX_TOTAL_MB = '2'
    resetEnvForTests()
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterEach(async () => {
    await Promise.all(uploads.splice(0).map((upload) => upload.cleanup()))
  })
  afterAll(async () => {
    process.env.ATTACHMENT_MAX_FILE_MB = saved.file
    process.env.ATTACHMENT_MAX_TOTAL_MB = saved.total
    if (saved.file === undefined) delete process.env.ATTACHMENT_MAX_FILE_MB
    if (saved.total === undefined) delete process.env.ATTACHMENT_MAX_TOTAL_MB
    resetEnvForTests()
    await database?.drop()
  })

  const rita = () => ({ id: ids['rita.romano']!, origin })
  const draft = async (supplierName: string) => fileDraft(database.db, { requesterId: ids['rita.romano']!, now, supplierName })
  const upload = async (files: { name: string; bytes: Uint8Array }[]) => {
    const received = await uploadOf(files, { maxFileBytes: 1_000_000 })
    uploads.push(received)
    return received.files
  }
  const trail = async (id: string) => (await database.db.auditEvent.findMany({ where: { subject: `justification:${id}` }, orderBy: { id: 'asc' } })).map((e) => ({ type: e.type, payload: e.payload, ipAddress: e.ipAddress }))
  const stored = (id: string) => database.db.attachment.count({ where: { justificationId: id } })

  test('two files of one kind are stored, each with its row and its audit event, and the version moves on', async () => {
    const { id } = await draft('Documents One AG')
    const pdf = await minimalPdf()
    const files = await upload([
      { name: 'quote.pdf', bytes: pdf },
      { name: 'photo.png', bytes: pngBytes() },
    ])
    const before = await database.db.justification.findUniqueOrThrow({ where: { id } })
    const result = await addAttachments(database.db, { justificationId: id, rowVersion: before.rowVersion, kind: 'QUOTE', files, actor: rita(), now })
    expect(result).toMatchObject({ ok: true, rowVersion: before.rowVersion + 1 })
    const listed = await listCurrentAttachments(database.db, id)
    expect(listed.map(({ fileName, kind, mediaType, sizeBytes, sha256 }) => ({ fileName, kind, mediaType, sizeBytes, sha256 }))).toEqual([
      { fileName: 'quote.pdf', kind: 'QUOTE', mediaType: 'application/pdf', sizeBytes: pdf.byteLength, sha256: files[0]!.sha256 },
      { fileName: 'photo.png', kind: 'QUOTE', mediaType: 'image/png', sizeBytes: pngBytes().byteLength, sha256: files[1]!.sha256 },
    ])
    const events = (await trail(id)).filter((e) => e.type === 'ATTACHMENT_ADDED')
    expect(events).toEqual(
      listed.map((a) => ({ type: 'ATTACHMENT_ADDED', ipAddress: origin.ipAddress, payload: { attachmentId: a.id, fileName: a.fileName, kind: 'QUOTE', sizeBytes: a.sizeBytes, mediaType: a.mediaType, sha256: a.sha256 } })),
    )
    expect((await database.db.justification.findUniqueOrThrow({ where: { id } })).rowVersion).toBe(before.rowVersion + 1)
  })

  test('all or nothing: a refused type, an empty file, a bad name and a file over the limit are each named, and nothing is stored', async () => {
    const { id } = await draft('Documents Two AG')
    const files = await upload([
      { name: 'fine.pdf', bytes: await minimalPdf() },
      { name: 'quote.pdf', bytes: htmlBytes() },
      { name: 'blank.pdf', bytes: new Uint8Array(0) },
      { name: 'CON.pdf', bytes: await minimalPdf() },
      { name: 'huge.pdf', bytes: new Uint8Array(1_000_001) },
    ])
    const result = await addAttachments(database.db, { justificationId: id, kind: 'OTHER', files, actor: rita(), now })
    expect(saidDeep('en', result)).toMatchObject({ ok: false, kind: 'INVALID', message: 'These files cannot be added; nothing was stored.' })
    const problems = !result.ok && result.kind === 'INVALID' ? result.fieldErrors.files!.map(said.en) : []
    expect(problems).toHaveLength(4)
    expect(problems[0]).toMatch(/^quote\.pdf is a web page \(HTML\)/)
    expect(problems[1]).toBe('blank.pdf is empty (0 bytes): choose the file again, or the right one.')
    expect(problems[2]).toMatch(/“CON\.pdf” is a name Windows reserves/)
    expect(problems[3]).toMatch(/^huge\.pdf is larger than 1 MB, the limit for one file/)
    expect(await stored(id)).toBe(0)
    expect(await trail(id)).not.toContainEqual(expect.objectContaining({ type: 'ATTACHMENT_ADDED' }))
  })

  test('the total over current documents and new ones is limited (ATTACHMENT_MAX_TOTAL_MB); removing one makes room', async () => {
    const { id } = await draft('Documents Three AG')
    const big = (seed: number) => {
      const bytes = new Uint8Array(900_000)
      bytes.set(new TextEncoder().encode('%PDF-1.4\n'))
      bytes[100] = seed
      return bytes
    }
    ok2(await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files: await upload([{ name: 'a.pdf', bytes: big(1) }, { name: 'b.pdf', bytes: big(2) }]), actor: rita(), now }))
    const third = await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files: await upload([{ name: 'c.pdf', bytes: big(3) }]), actor: rita(), now })
    expect(saidDeep('en', third)).toMatchObject({ ok: false, kind: 'INVALID', fieldErrors: { files: [expect.stringMatching(/^c\.pdf \(900 kB\) would bring this justification’s documents to 2\.7 MB, over the limit of 2 MB \(documents attached now: 1\.8 MB\)/)] } })
    const [first] = await listCurrentAttachments(database.db, id)
    ok2(await removeAttachment(database.db, { justificationId: id, attachmentId: first!.id, actor: rita(), now }))
    const later = new Date(now.getTime() + 60_000)
    ok2(await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files: await upload([{ name: 'c.pdf', bytes: big(3) }]), actor: rita(), now: later }))
    expect((await listCurrentAttachments(database.db, id)).map((a) => a.fileName)).toEqual(['b.pdf', 'c.pdf'])
  })

  test('removed then added again: the removal is kept (who, when), the bytes stored once, both events in the trail', async () => {
    const { id } = await draft('Documents Four AG')
    const pdf = await minimalPdf('Exclusivity letter')
    ok2(await addAttachments(database.db, { justificationId: id, kind: 'EXCLUSIVITY_LETTER', files: await upload([{ name: 'letter.pdf', bytes: pdf }]), actor: rita(), now }))
    const [letter] = await listCurrentAttachments(database.db, id)
    const removed = await removeAttachment(database.db, { justificationId: id, attachmentId: letter!.id, actor: rita(), now })
    expect(removed).toMatchObject({ ok: true, fileName: 'letter.pdf' })
    expect(await removeAttachment(database.db, { justificationId: id, attachmentId: letter!.id, actor: rita(), now })).toMatchObject({ ok: false, kind: 'NOT_FOUND' })
    expect(await listCurrentAttachments(database.db, id)).toEqual([])
    expect(await database.db.attachment.findUniqueOrThrow({ where: { id: letter!.id } })).toMatchObject({ removedAt: now, removedById: ids['rita.romano'] })
    ok2(await addAttachments(database.db, { justificationId: id, kind: 'EXCLUSIVITY_LETTER', files: await upload([{ name: 'letter.pdf', bytes: pdf }]), actor: rita(), now }))
    const [again] = await listCurrentAttachments(database.db, id)
    expect(again!.id).not.toBe(letter!.id)
    expect(await database.db.storedFile.count({ where: { sha256: letter!.sha256 } })).toBe(1)
    expect((await trail(id)).filter((e) => e.type.startsWith('ATTACHMENT_')).map((e) => e.type)).toEqual(['ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED', 'ATTACHMENT_ADDED'])
    expect((await trail(id)).find((e) => e.type === 'ATTACHMENT_REMOVED')?.payload).toEqual({ attachmentId: letter!.id, fileName: 'letter.pdf', sha256: letter!.sha256 })
  })

  test('after submission documents are frozen: adding and removing are refused and nothing is stored', async () => {
    const { id } = await draft('Documents Five AG')
    ok2(await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files: await upload([{ name: 'quote.pdf', bytes: await minimalPdf() }]), actor: rita(), now }))
    ok(await submitJustification(database.db, { id, actor: rita(), now }))
    const [quote] = await listCurrentAttachments(database.db, id)
    const added = await addAttachments(database.db, { justificationId: id, kind: 'OTHER', files: await upload([{ name: 'late.png', bytes: pngBytes() }]), actor: rita(), now })
    expect(added).toEqual({ ok: false, kind: 'CONFLICT', message: DOCUMENTS_FROZEN })
    expect(await removeAttachment(database.db, { justificationId: id, attachmentId: quote!.id, actor: rita(), now })).toEqual({ ok: false, kind: 'CONFLICT', message: DOCUMENTS_FROZEN })
    expect((await listCurrentAttachments(database.db, id)).map((a) => a.fileName)).toEqual(['quote.pdf'])
    expect(await stored(id)).toBe(1)
  })

  test('only the requester adds documents', async () => {
    const { id } = await draft('Documents Six AG')
    const result = await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files: await upload([{ name: 'quote.pdf', bytes: await minimalPdf() }]), actor: { id: ids['marta.mendes']!, origin }, now })
    expect(result).toMatchObject({ ok: false, kind: 'REFUSED' })
    expect(await stored(id)).toBe(0)
  })

  test('a submission that read the version before an upload fails; an upload that read it before a submission stores nothing', async () => {
    const { id } = await draft('Documents Seven AG')
    const { rowVersion } = await database.db.justification.findUniqueOrThrow({ where: { id } })
    ok2(await addAttachments(database.db, { justificationId: id, rowVersion, kind: 'QUOTE', files: await upload([{ name: 'quote.pdf', bytes: await minimalPdf() }]), actor: rita(), now }))
    expect(await submitJustification(database.db, { id, rowVersion, actor: rita(), now })).toEqual({ ok: false, kind: 'CONFLICT', message: CHANGED_MEANWHILE })

    // The upload's guard, as it runs in its transaction after a submission won the race.
    const current = await database.db.justification.findUniqueOrThrow({ where: { id } })
    ok(await submitJustification(database.db, { id, rowVersion: current.rowVersion, actor: rita(), now }))
    await expect(withSqlTransaction(database.db, (sql) => claimEditableJustification(sql, id, current.rowVersion, now))).rejects.toThrow(DocumentsChangedMeanwhile)
  })

  test('an upload and a submission at once: exactly one wins, and the submission never covers documents it did not see', async () => {
    for (const supplier of ['Race One AG', 'Race Two AG', 'Race Three AG']) {
      const { id } = await draft(supplier)
      const { rowVersion } = await database.db.justification.findUniqueOrThrow({ where: { id } })
      const files = await upload([{ name: 'quote.pdf', bytes: await minimalPdf(supplier) }])
      const [added, submitted] = await Promise.all([
        addAttachments(database.db, { justificationId: id, rowVersion, kind: 'QUOTE', files, actor: rita(), now }),
        submitJustification(database.db, { id, rowVersion, actor: rita(), now }),
      ])
      expect([added.ok, submitted.ok].filter(Boolean)).toHaveLength(1)
      const row = await database.db.justification.findUniqueOrThrow({ where: { id } })
      if (added.ok) {
        expect(row.status).toBe('DRAFT')
        expect(await stored(id)).toBe(1)
      } else {
        expect(added).toMatchObject({ ok: false, kind: 'CONFLICT', message: expect.stringContaining(DOCUMENTS_FROZEN) })
        expect(row.status).not.toBe('DRAFT')
        expect(await stored(id)).toBe(0)
        expect(await database.db.storedFile.count({ where: { sha256: files[0]!.sha256 } })).toBe(0)
      }
    }
  })

  test('a file store that does not answer: a clear message, nothing stored', async () => {
    const { id } = await draft('Documents Eight AG')
    // An object store whose server is down: the connection is refused.
    const unreachable: FileStoreBackend = {
      kind: 'S3',
      async write() {
        await fetch('http://127.0.0.1:9/solesource/objects', { method: 'PUT', body: 'x' })
      },
      read: postgresFileStore.read,
    }
    const files = await upload([{ name: 'quote.pdf', bytes: await minimalPdf('Unstorable') }])
    const result = await addAttachments(database.db, { justificationId: id, kind: 'QUOTE', files, actor: rita(), now, backend: unreachable })
    expect(saidDeep('en', result)).toEqual({ ok: false, kind: 'UNAVAILABLE', message: 'The documents could not be stored: the file store did not answer. Nothing was stored; try again in a few minutes.' })
    expect(await stored(id)).toBe(0)
    expect(await database.db.storedFile.count({ where: { sha256: files[0]!.sha256 } })).toBe(0)
    expect((await database.db.justification.findUniqueOrThrow({ where: { id } })).rowVersion).toBe(1)
  })
})

function ok2<T extends { ok: boolean; message?: string }>(result: T): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`)
  return result
}
