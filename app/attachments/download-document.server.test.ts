import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { attachTestFile, minimalPdf } from '../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileDraft, latestSignOffToken, ok, origin } from '../../tests/support/workflow'
import { decideBySignOffLink } from '~/justifications/decide-by-sign-off-link.server'
import { DEFAULT_WORKFLOW_SETTINGS, saveWorkflowSettings } from '~/justifications/settings.server'
import { revokeSignOffTokens } from '~/justifications/sign-off-tokens.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { downloadDocumentByLink } from './download-document-by-link.server'
import { downloadDocument, type DownloadAnswer } from './download-document.server'

// Who may read a supporting document: exactly who may see the justification, in the app; the
// addressee of a working sign-off link, by the link. Everybody else hears that there is no such
// document, and every download that happens is in the audit trail.
describe(`document downloads (${testDatabaseKind()})`, () => {
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

  /** A justification of Rita's (EN-MME) with a quote attached before submission, awaiting Marta's signature. */
  async function submittedWithQuote(title: string) {
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now, title })
    const bytes = await minimalPdf(`Quote for ${title}`)
    const attachment = await attachTestFile(database.db, { justificationId: draft.id, addedById: ids['rita.romano']!, fileName: `Quote ${title}.pdf`, bytes })
    ok(await submitJustification(database.db, { id: draft.id, actor: { id: ids['rita.romano']!, origin }, now }))
    return { id: draft.id, attachment, bytes, token: await latestSignOffToken(database.db, 'marta.mendes@example.org') }
  }

  const viewer = async (name: string) => database.db.person.findUniqueOrThrow({ where: { id: ids[name]! } })
  const inApp = async (name: string, justificationId: string, attachmentId: string) =>
    downloadDocument(database.db, { viewer: await viewer(name), justificationId, attachmentId, origin })
  const byLink = (token: string, attachmentId: string, { at = now, signedInAs = null as string | null } = {}) =>
    downloadDocumentByLink(database.db, { token, attachmentId, signedInPersonId: signedInAs ? ids[signedInAs]! : null, origin, now: at })
  const downloads = (justificationId: string) =>
    database.db.auditEvent.findMany({ where: { subject: `justification:${justificationId}`, type: 'DOCUMENT_DOWNLOADED' }, orderBy: { id: 'asc' } })

  async function bytesOf(answer: DownloadAnswer | { ok: false }) {
    if (!answer.ok) throw new Error(`not served: ${JSON.stringify(answer)}`)
    return new Uint8Array(await new Response(answer.document.body).arrayBuffer())
  }

  test('in the app: the requester, a colleague of the group, the signatory, procurement and the administrator get the exact bytes, each download recorded once; another group’s requester gets nothing', async () => {
    const { id, attachment, bytes } = await submittedWithQuote('Matrix in the app')
    for (const [name, index] of [['rita.romano', 0], ['ruben.rasmussen', 1], ['marta.mendes', 2], ['paula.procurement', 3], ['alex.admin', 4]] as const) {
      const answer = await inApp(name, id, attachment.id)
      expect(answer.ok, name).toBe(true)
      if (answer.ok) expect(answer.document).toMatchObject({ fileName: 'Quote Matrix in the app.pdf', mediaType: 'application/pdf', sizeBytes: bytes.byteLength })
      expect(sha256(await bytesOf(answer)), name).toBe(sha256(bytes))
      const events = await downloads(id)
      expect(events, name).toHaveLength(index + 1)
      expect(events[index], name).toMatchObject({
        actorId: ids[name],
        ipAddress: origin.ipAddress,
        userAgent: origin.userAgent,
        payload: { attachmentId: attachment.id, fileName: 'Quote Matrix in the app.pdf', sha256: sha256(bytes), via: 'app' },
      })
    }
    expect(await inApp('emil.eriksen', id, attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await downloads(id)).toHaveLength(5)
  })

  test('a HEAD request (a link checker, a mail scanner) is answered with the headers only and is no download: nothing recorded', async () => {
    const { id, attachment, bytes, token } = await submittedWithQuote('Checked by a scanner')
    const inAppHead = await downloadDocument(database.db, { viewer: await viewer('rita.romano'), justificationId: id, attachmentId: attachment.id, origin, headersOnly: true })
    const byLinkHead = await downloadDocumentByLink(database.db, { token, attachmentId: attachment.id, signedInPersonId: null, origin, now, headersOnly: true })
    for (const answer of [inAppHead, byLinkHead]) {
      expect(answer).toMatchObject({ ok: true, document: { fileName: 'Quote Checked by a scanner.pdf', sizeBytes: bytes.byteLength, body: null } })
    }
    expect(await downloads(id)).toHaveLength(0)
    expect(await downloadDocument(database.db, { viewer: await viewer('emil.eriksen'), justificationId: id, attachmentId: attachment.id, origin, headersOnly: true })).toEqual({ ok: false, notFound: true })
    expect(sha256(await bytesOf(await byLink(token, attachment.id)))).toBe(sha256(bytes))
    expect(await downloads(id)).toHaveLength(1)
  })

  test('an unknown id, or an attachment asked for under another justification, is not found, even for who sees both', async () => {
    const first = await submittedWithQuote('First of two')
    const second = await submittedWithQuote('Second of two')
    expect(await inApp('rita.romano', first.id, second.attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await inApp('paula.procurement', first.id, crypto.randomUUID())).toEqual({ ok: false, notFound: true })
    expect(await inApp('paula.procurement', crypto.randomUUID(), first.attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await downloads(first.id)).toHaveLength(0)
    expect(await downloads(second.id)).toHaveLength(0)
  })

  test('a removed document stays readable in the app (an earlier round’s signatures name it), not by a link', async () => {
    const { id, attachment, bytes, token } = await submittedWithQuote('Removed later')
    await database.db.attachment.update({ where: { id: attachment.id }, data: { removedAt: now, removedById: ids['rita.romano']! } })
    expect(sha256(await bytesOf(await inApp('marta.mendes', id, attachment.id)))).toBe(sha256(bytes))
    expect(await inApp('emil.eriksen', id, attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await byLink(token, attachment.id)).toEqual({ ok: false, notFound: true })
    expect((await downloads(id)).map((event) => (event.payload as { via: string }).via)).toEqual(['app'])
  })

  test('by a link: its addressee downloads the exact bytes while it works, recorded as theirs via the link', async () => {
    const { id, attachment, bytes, token } = await submittedWithQuote('By the link')
    expect(sha256(await bytesOf(await byLink(token, attachment.id)))).toBe(sha256(bytes))
    // Still working after a download: downloading decides nothing.
    expect(sha256(await bytesOf(await byLink(token, attachment.id)))).toBe(sha256(bytes))
    const events = await downloads(id)
    expect(events).toHaveLength(2)
    expect(events[0]).toMatchObject({ actorId: ids['marta.mendes'], ipAddress: origin.ipAddress, payload: { attachmentId: attachment.id, sha256: sha256(bytes), via: 'link' } })
  })

  test('by a link that does not work (expired, used, revoked, unknown) or for a document of another justification: not found, nothing recorded', async () => {
    const { id, attachment, token } = await submittedWithQuote('Dead links')
    const other = await submittedWithQuote('Someone else’s quote')
    const eightDaysLater = new Date(now.getTime() + 8 * 24 * 3600 * 1000)
    expect(await byLink(token, attachment.id, { at: eightDaysLater })).toEqual({ ok: false, notFound: true })
    expect(await byLink(token, other.attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await byLink(`${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`, attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await byLink(token, crypto.randomUUID())).toEqual({ ok: false, notFound: true })

    await database.db.$transaction((tx) => revokeSignOffTokens(tx, { justificationId: other.id }, 'SUPERSEDED', now))
    expect(await byLink(other.token, other.attachment.id)).toEqual({ ok: false, notFound: true })

    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toMatchObject({ ok: true })
    expect(await byLink(token, attachment.id)).toEqual({ ok: false, notFound: true })
    expect(await downloads(id)).toHaveLength(0)
    expect(await downloads(other.id)).toHaveLength(0)
  })

  test('strict mode: by a link only signed in as its addressee; without a session, or as someone else, sign in first', async () => {
    await saveWorkflowSettings(database.db, { ...DEFAULT_WORKFLOW_SETTINGS, linkRequiresSignIn: true }, ids['alex.admin']!)
    try {
      const { id, attachment, bytes, token } = await submittedWithQuote('Strict downloads')
      expect(await byLink(token, attachment.id)).toEqual({ ok: false, signInRequired: true, wrongPerson: false })
      expect(await byLink(token, attachment.id, { signedInAs: 'rita.romano' })).toEqual({ ok: false, signInRequired: true, wrongPerson: true })
      expect(await downloads(id)).toHaveLength(0)
      expect(sha256(await bytesOf(await byLink(token, attachment.id, { signedInAs: 'marta.mendes' })))).toBe(sha256(bytes))
      expect(await downloads(id)).toMatchObject([{ actorId: ids['marta.mendes'], payload: { via: 'link' } }])
      // A link that no longer works says nothing more in strict mode.
      expect(await byLink(token, attachment.id, { at: new Date(now.getTime() + 8 * 24 * 3600 * 1000) })).toEqual({ ok: false, notFound: true })
    } finally {
      await saveWorkflowSettings(database.db, DEFAULT_WORKFLOW_SETTINGS, ids['alex.admin']!)
    }
  })
})
