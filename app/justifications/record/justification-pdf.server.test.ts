import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../tests/support/database'
import { englishFragments } from '../../../tests/support/english-sentences'
import { pdfPages, pdfText } from '../../../tests/support/pdf-text'
import { demoPeople, fileAndSubmit, latestSignOffToken, ok, origin } from '../../../tests/support/workflow'
import { readMessage } from '~/i18n/message'
import { decideBySignOffLink } from '../decide-by-sign-off-link.server'
import { decideJustification } from '../decide-justification.server'
import type { Viewer } from '../visibility.server'
import { justificationPdf } from './justification-pdf.server'
import { loadJustificationRecord } from './justification-record.server'
import { findRecordFont } from './record-font.server'
import { renderJustificationPdf } from './render-justification-pdf.server'

describe(`a justification's signed record as PDF (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const viewers: Record<string, Viewer> = {}
  let signed: { id: string; reference: string }
  // 10:00 in Geneva in winter (CET), 15:30 for the second signature.
  const submittedAt = new Date('2026-11-26T09:00:00Z')
  const linkSignedAt = new Date('2026-11-26T10:15:00Z')
  const appSignedAt = new Date('2026-11-27T14:30:00Z')
  const reasonText =
    'Only the original manufacturer supplies cold heads that fit the installed cryocoolers; its Łódź plant (Dvořák line, type “Ψ-7”) is the only qualified one.'

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
    for (const person of await database.db.person.findMany()) viewers[person.email.split('@')[0]!] = person
    // A signatory whose name is beyond Latin-1 (Czech), to see it survive into the PDF.
    await database.db.person.update({ where: { id: ids['marta.mendes']! }, data: { name: 'Marta Dvořáková' } })
    const filed = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now: submittedAt, amount: 6_000_000, currency: 'EUR', reasonText, title: 'Cold heads from Łódź' })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign', comment: 'Fits the bench.' }, now: linkSignedAt, origin, signedInPersonId: null })).toMatchObject({ ok: true })
    ok(await decideJustification(database.db, { id: filed.id, actor: { id: ids['elena.navarro']!, origin }, decision: { kind: 'sign' }, now: appSignedAt }))
    const row = await database.db.justification.findUniqueOrThrow({ where: { id: filed.id } })
    expect(row.status).toBe('APPROVED')
    signed = { id: filed.id, reference: row.reference }
  })
  afterAll(async () => database?.drop())

  test('a Debian font with Latin Extended and Greek is found on this machine (else the PDF falls back visibly)', () => {
    expect(findRecordFont()).not.toBeNull()
  })

  test('the PDF states the facts, the written justification, each signature with role, time and zone, and channel, and the timeline', async () => {
    const result = await justificationPdf(database.db, viewers['rita.romano']!, signed.id, new Date('2026-12-02T05:00:00Z'), 'en')
    expect(result?.reference).toBe(signed.reference)
    const text = await pdfText(result!.pdf)
    expect(text).toContain(`${signed.reference}: Cold heads from Łódź`)
    expect(text).toContain('EUR 60’000.00')
    expect(text).toContain('CHF 56’472.00 at 0.9412 CHF per EUR')
    expect(text).toContain('Rita Romano')
    expect(text).toContain('EN-MME')
    expect(text).toContain('Approved')
    // The written justification whole, Polish, Czech and Greek letters included.
    expect(text).toContain(reasonText)
    expect(text).toContain('Compatibility or standardisation with installed equipment')
    expect(text).toContain('Submitted 26 Nov 2026, 10:00 CET')
    expect(text).toContain('Group leader: Marta Dvořáková Signed on 26 Nov 2026, 11:15 CET, from the email link')
    expect(text).toContain('“Fits the bench.”')
    expect(text).toContain('Department head: Elena Navarro Signed on 27 Nov 2026, 15:30 CET, in the app')
    expect(text).toContain('26 Nov 2026, 10:00 CET · Submitted by Rita Romano')
    expect(text).toContain('26 Nov 2026, 11:15 CET · Signed by Marta Dvořáková')
    expect(text).toContain('27 Nov 2026, 15:30 CET · Approved')
    expect(text).toContain('Signature requested')
    expect(text).toContain('Supporting documents As submitted on 26 Nov 2026, 10:00 CET (round 1)')
    expect(text).toContain('No supporting documents.')
    expect(text).toContain('Covered no document and the text as submitted.')
    expect(text).toContain('Discussion No comments.')
    expect(text).not.toContain('cannot be drawn')
    // Every page carries the reference and its number.
    const pages = await pdfPages(result!.pdf)
    pages.forEach((page, index) => expect(page.replace(/\s+/g, ' ')).toContain(`page ${index + 1} of ${pages.length}`))
  })

  test('downloaded by a French reader, the record is in French: its labels and sentences, dates, amounts, statuses and countries', async () => {
    const result = await justificationPdf(database.db, viewers['rita.romano']!, signed.id, new Date('2026-12-02T05:00:00Z'), 'fr')
    const text = await pdfText(result!.pdf)
    expect(text).toContain(`${signed.reference} : Cold heads from Łódź`)
    expect(text).toContain('Faits Référence')
    expect(text).toContain('Statut Approuvée')
    expect(text).toContain('60’000.00 EUR')
    expect(text).toContain('56’472.00 CHF au taux de 0.9412 CHF par EUR, taux du')
    expect(text).toContain('Catégorie Fournitures')
    expect(text).toContain('Compatibilité ou standardisation avec l’équipement installé')
    expect(text).toContain('Soumise le 26 nov. 2026, 10:00 CET')
    expect(text).toContain('Chef de groupe : Marta Dvořáková Signée le 26 nov. 2026, 11:15 CET, depuis le lien du courriel')
    expect(text).toContain('« Fits the bench. »')
    expect(text).toContain('Chef de département : Elena Navarro Signée le 27 nov. 2026, 15:30 CET, dans l’application')
    expect(text).toContain('N’a couvert aucun document, et le texte tel que soumis.')
    expect(text).toContain('Pièces justificatives Tels que soumis le 26 nov. 2026, 10:00 CET (tour 1)')
    expect(text).toContain('26 nov. 2026, 10:00 CET · Soumise par Rita Romano')
    expect(text).toContain('Signature demandée')
    expect(text).toContain('Discussion Aucun commentaire.')
    const pages = await pdfPages(result!.pdf)
    pages.forEach((page, index) => expect(page.replace(/\s+/g, ' ')).toContain(`page ${index + 1} sur ${pages.length}`))
    // No sentence of the English catalogue is left (the catalogue's own words, so the check follows
    // it), but for the workflow's explanations of who signs while the snapshot stores them as English
    // text rather than as messages: those are shown as written, and checked once they are messages.
    const record = (await loadJustificationRecord(database.db, viewers['rita.romano']!, signed.id, new Date(), 'fr'))!
    const storedAsText = record.signatures.flatMap((line) => (line.explanation && !readMessage(line.explanation) ? [line.explanation] : []))
    const checked = storedAsText.reduce((rest, explanation) => rest.split(explanation).join(' '), text)
    expect(englishFragments().filter((fragment) => checked.includes(fragment))).toEqual([])
  })

  test('the English record is in English throughout: none of the French record messages shows', async () => {
    const text = await pdfText((await justificationPdf(database.db, viewers['rita.romano']!, signed.id, new Date('2026-12-02T05:00:00Z'), 'en'))!.pdf)
    for (const french of ['Faits', 'Pièces justificatives', 'Historique', 'généré le', 'nov. 2026']) expect(text).not.toContain(french)
  })

  test('whoever may see the page gets the record: the signatories and procurement; another group gets nothing', async () => {
    for (const who of ['marta.mendes', 'elena.navarro', 'paula.procurement', 'ruben.rasmussen']) {
      expect(await loadJustificationRecord(database.db, viewers[who]!, signed.id, new Date(), 'en'), who).not.toBeNull()
    }
    expect(await justificationPdf(database.db, viewers['emil.eriksen']!, signed.id, new Date(), 'en')).toBeNull()
    expect(await justificationPdf(database.db, viewers['rita.romano']!, '00000000-0000-4000-8000-000000000000', new Date(), 'en')).toBeNull()
  })

  test('without an embedded font, what Helvetica cannot draw becomes a visible "?" and the first page says so', async () => {
    const record = (await loadJustificationRecord(database.db, viewers['rita.romano']!, signed.id, new Date(), 'en'))!
    const [first, ...rest] = await pdfPages(await renderJustificationPdf(record, null))
    const text = [first, ...rest].join(' ').replace(/\s+/g, ' ')
    expect(first!.replace(/\s+/g, ' ')).toContain('Some characters of this record cannot be drawn in the PDF\'s font and are shown as "?"')
    expect(text).toContain('Marta Dvo?áková')
    expect(text).toContain('its ?ód? plant')
    expect(text).toContain('“?-7”')
  })
})
