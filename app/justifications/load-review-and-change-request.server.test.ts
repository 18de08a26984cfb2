import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { justificationFields, ok } from '../../tests/support/workflow'
import type { SignedInPerson } from '~/auth/session.server'
import { dateColumn } from '~/calendar/date-column'
import { saidDeep } from '~/i18n/said.test-support'
import { createJustification } from './create-justification.server'
import { decideJustification } from './decide-justification.server'
import { loadChangeRequest } from './load-change-request.server'
import { loadSubmissionReview } from './load-submission-review.server'
import type { JustificationFields } from './prepare-fields.server'
import { REVIEW_OUTDATED, submitJustification } from './submit-justification.server'

const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }

describe(`the review before submitting and the change request shown on the edit page (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const people: Record<string, SignedInPerson> = {}
  let groupId: string
  const now = new Date('2026-11-26T09:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    for (const p of await database.db.person.findMany()) {
      people[p.email.split('@')[0]!] = { sessionId: 's', id: p.id, email: p.email, name: p.name, groupId: p.groupId, isProcurementOfficer: p.isProcurementOfficer, isAdministrator: p.isAdministrator, preferredLanguage: null }
    }
    groupId = (await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })).id
  })
  afterAll(async () => database?.drop())

  const actor = (name: string) => ({ id: people[name]!.id, origin })
  const draft = async (overrides: Partial<JustificationFields> = {}) =>
    ok(await createJustification(database.db, { fields: justificationFields({ groupId, ...overrides }), actor: actor('rita.romano'), now }))
  const review = async (id: string, at = now) => {
    const loaded = await loadSubmissionReview(database.db, people['rita.romano']!, id, at)
    if (loaded.outcome !== 'EDITABLE' || !loaded.assessment.ok) throw new Error(`No review: ${JSON.stringify(loaded)}`)
    // Who signs, why, and the warnings are messages: read as the English review page says them.
    return saidDeep('en', loaded.assessment) as typeof loaded.assessment
  }
  const statusOf = async (id: string) => (await database.db.justification.findUniqueOrThrow({ where: { id } })).status

  test('60 000 EUR: the CHF equivalent, the rate and its date, and who signs by name and role, in order', async () => {
    const { id } = await draft({ currency: 'EUR', supplierName: 'Euro Cryo GmbH' })
    const shown = await review(id)
    expect(shown).toMatchObject({
      amountChf: 'CHF\u00a056’472.00',
      rate: '0.9412 CHF per EUR, rate valid from 1 Jan 2026',
      signatories: [
        { who: 'Marta Mendes, group leader of EN-MME', why: null },
        { who: 'Elena Navarro, department head of EN', why: null },
      ],
      noSignatureAtOrBelow: null,
      splitPurchaseWarning: null,
      returnPanel: { countryCode: 'DE', category: 'SUPPLIES', amountChfMinor: 5_647_200 },
    })
    expect((await review(id)).fingerprint, 'the same review twice').toBe(shown.fingerprint)
  })

  test('a CHF amount says nothing of a rate', async () => {
    const { id } = await draft({ amount: 2_000_000, supplierName: 'Franc Cryo SA' })
    expect(await review(id)).toMatchObject({ amountChf: 'CHF\u00a020’000.00', rate: null, signatories: [{ who: 'Marta Mendes, group leader of EN-MME' }] })
  })

  test('a confirmation whose review is outdated (the group leader is now absent) submits nothing; confirming the new review submits', async () => {
    const { id } = await draft({ amount: 2_000_000, supplierName: 'Absent Leader AG' })
    const before = await review(id)
    const absence = await database.db.absence.create({ data: { personId: people['marta.mendes']!.id, startsOn: dateColumn('2026-11-20'), endsOn: dateColumn('2026-11-30') } })
    try {
      const after = await review(id)
      expect(after.signatories).toEqual([{ who: 'Mikko Mäkinen, for the group leader of EN-MME', why: expect.stringContaining('absent') }])
      expect(after.fingerprint).not.toBe(before.fingerprint)

      const refused = await submitJustification(database.db, { id, rowVersion: 1, reviewedFingerprint: before.fingerprint, actor: actor('rita.romano'), now })
      expect(refused).toEqual({ ok: false, kind: 'CONFLICT', message: REVIEW_OUTDATED })
      expect(await statusOf(id)).toBe('DRAFT')

      ok(await submitJustification(database.db, { id, rowVersion: 1, reviewedFingerprint: after.fingerprint, actor: actor('rita.romano'), now }))
      expect(await database.db.justification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'AWAITING_SIGNATURE', awaitingPersonId: people['mikko.makinen']!.id })
    } finally {
      await database.db.absence.delete({ where: { id: absence.id } })
    }
  })

  test('below the first threshold nobody is asked; a flagged split purchase is named to the requester of the same group', async () => {
    const first = await draft({ amount: 800_000, supplierName: 'Splitter AG' })
    ok(await submitJustification(database.db, { id: first.id, actor: actor('rita.romano'), now }))
    const { id } = await draft({ amount: 700_000, supplierName: 'Splitter AG' })
    const shown = await review(id, new Date(now.getTime() + 60_000))
    expect(shown.signatories).toEqual([])
    expect(shown.noSignatureAtOrBelow).toBe('CHF\u00a010’000.00')
    expect(shown.splitPurchaseWarning).toContain(`With ${first.reference} to the same supplier from the same group`)
  })

  test('only the requester’s own justification, and only while it can be submitted', async () => {
    const { id } = await draft({ amount: 2_000_000, supplierName: 'Own Only AG' })
    expect((await loadSubmissionReview(database.db, people['ruben.rasmussen']!, id, now)).outcome).toBe('NOT_FOUND')
    expect((await loadSubmissionReview(database.db, people['rita.romano']!, 'not-a-uuid', now)).outcome).toBe('NOT_FOUND')
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    expect((await loadSubmissionReview(database.db, people['rita.romano']!, id, now)).outcome).toBe('NOT_EDITABLE')
  })

  test('the edit page’s change request: who asked, when, and the comment', async () => {
    const { id } = await draft({ amount: 2_000_000, supplierName: 'Sent Back AG' })
    expect(await loadChangeRequest(database.db, id)).toBeNull()
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'request-changes', comment: 'Attach the quote, please.' }, now }))
    expect(await loadChangeRequest(database.db, id)).toEqual({ by: 'Marta Mendes', at: '26 Nov 2026, 10:00 CET', atIso: expect.any(String), comment: 'Attach the quote, please.', viaLink: false })
  })
})
