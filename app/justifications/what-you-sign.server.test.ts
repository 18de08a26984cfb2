import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { attachTestFile, minimalPdf } from '../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileDraft, justificationFields, latestSignOffToken, ok, origin, threeTierPolicy } from '../../tests/support/workflow'
import { coveredTextSha256 } from '~/attachments/covered-content'
import { said, saidDeep } from '~/i18n/said.test-support'
import { assessSubmission } from './assess-submission.server'
import { decideBySignOffLink } from './decide-by-sign-off-link.server'
import { decideJustification } from './decide-justification.server'
import { editJustification } from './edit-justification.server'
import { loadSubmissionReview } from './load-submission-review.server'
import { loadJustificationPage } from './page.server'
import { publishPolicy } from './signature-policy.server'
import { REVIEW_OUTDATED, submitJustification } from './submit-justification.server'

// Issue 11, "what you sign is fixed": the submission and each signature record the exact documents
// (by SHA-256) and the text's hash they covered; a new round after changes requested covers the new set.
describe(`what a submission and a signature cover (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let people: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    people = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const actor = (name: string) => ({ id: people[name]!, origin })
  const eventsOf = async (id: string, type: string) =>
    (await database.db.auditEvent.findMany({ where: { subject: `justification:${id}`, type }, orderBy: { id: 'asc' } })).map((e) => ({ id: e.id, payload: e.payload as Record<string, unknown> }))
  const attach = async (justificationId: string, fileName: string, kind: 'QUOTE' | 'MARKET_SURVEY' | 'OTHER' = 'QUOTE') =>
    attachTestFile(database.db, { justificationId, addedById: people['rita.romano']!, fileName, kind, bytes: await minimalPdf(`${fileName} ${crypto.randomUUID()}`) })
  const textHashOf = async (id: string) => coveredTextSha256(await database.db.justification.findUniqueOrThrow({ where: { id } }))

  test('the submission, a signature in the app and one from the email link each record the documents and the text they covered', async () => {
    const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now })
    const quote = await attach(id, 'quote.pdf', 'QUOTE')
    const survey = await attach(id, 'survey.pdf', 'MARKET_SURVEY')
    const expected = [
      { attachmentId: quote.id, fileName: 'quote.pdf', kind: 'QUOTE', sizeBytes: Number(quote.sizeBytes), sha256: quote.sha256 },
      { attachmentId: survey.id, fileName: 'survey.pdf', kind: 'MARKET_SURVEY', sizeBytes: Number(survey.sizeBytes), sha256: survey.sha256 },
    ]
    const textSha256 = await textHashOf(id)
    expect(textSha256).toMatch(/^[0-9a-f]{64}$/)

    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    const [submitted] = await eventsOf(id, 'JUSTIFICATION_SUBMITTED')
    expect(submitted!.payload).toMatchObject({ documents: expected, textSha256 })

    ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now }))
    const token = await latestSignOffToken(database.db, 'elena.navarro@example.org')
    const byLink = await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })
    expect(byLink.ok).toBe(true)
    const signatures = await eventsOf(id, 'STEP_SIGNED')
    expect(signatures.map((s) => s.payload)).toEqual([
      expect.objectContaining({ stepIndex: 0, via: 'app', documents: expected, textSha256 }),
      expect.objectContaining({ stepIndex: 1, via: 'link', documents: expected, textSha256 }),
    ])
  })

  test('a justification submitted without documents records an empty list, and its text hash still', async () => {
    const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now, amount: 800_000 })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    const [submitted] = await eventsOf(id, 'JUSTIFICATION_SUBMITTED')
    expect(submitted!.payload).toMatchObject({ documents: [], textSha256: await textHashOf(id) })
  })

  test('after changes requested, a document removed, another added and the text edited: the new round covers the new set, the old round’s events are unchanged', async () => {
    const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now })
    const first = await attach(id, 'quote-v1.pdf')
    const kept = await attach(id, 'spec.pdf', 'OTHER')
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now }))
    const firstRoundText = await textHashOf(id)
    const oldRound = await database.db.auditEvent.findMany({ where: { subject: `justification:${id}`, type: { in: ['JUSTIFICATION_SUBMITTED', 'STEP_SIGNED'] } }, orderBy: { id: 'asc' } })
    expect(oldRound).toHaveLength(2)
    ok(await decideJustification(database.db, { id, actor: actor('elena.navarro'), decision: { kind: 'request-changes', comment: 'The quote is out of date.' }, now }))

    // What the document use cases do (someone else's): mark the old quote removed, attach the new one, bump the version.
    const later = new Date('2026-11-27T09:00:00Z')
    await database.db.attachment.update({ where: { id: first.id }, data: { removedAt: later, removedById: people['rita.romano']! } })
    const second = await attach(id, 'quote-v2.pdf')
    await database.db.justification.update({ where: { id }, data: { rowVersion: { increment: 2 } } })
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const current = await database.db.justification.findUniqueOrThrow({ where: { id } })
    ok(
      await editJustification(database.db, {
        id,
        rowVersion: current.rowVersion,
        fields: justificationFields({ groupId: group.id, title: current.title, supplierName: current.supplierName, description: 'Two spare cold heads, quoted again in November.' }),
        actor: actor('rita.romano'),
        now: later,
      }),
    )
    const secondRoundText = await textHashOf(id)
    expect(secondRoundText).not.toBe(firstRoundText)

    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now: later }))
    ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now: later }))

    const fileNames = (payload: Record<string, unknown>) => (payload.documents as { sha256: string; fileName: string }[]).map((d) => d.fileName)
    const submissions = await eventsOf(id, 'JUSTIFICATION_SUBMITTED')
    const signatures = await eventsOf(id, 'STEP_SIGNED')
    expect(submissions.map((s) => fileNames(s.payload))).toEqual([
      ['quote-v1.pdf', 'spec.pdf'],
      ['spec.pdf', 'quote-v2.pdf'],
    ])
    expect(signatures.map((s) => fileNames(s.payload))).toEqual([
      ['quote-v1.pdf', 'spec.pdf'],
      ['spec.pdf', 'quote-v2.pdf'],
    ])
    expect(submissions[1]!.payload).toMatchObject({ textSha256: secondRoundText, round: 2 })
    expect(signatures[1]!.payload).toMatchObject({ textSha256: secondRoundText })
    expect((signatures[1]!.payload.documents as { sha256: string }[]).map((d) => d.sha256)).toEqual([kept.sha256, second.sha256])

    // The append-only trail: the first round's events are exactly as written.
    const oldAfter = await database.db.auditEvent.findMany({ where: { id: { in: oldRound.map((e) => e.id) } }, orderBy: { id: 'asc' } })
    expect(oldAfter).toEqual(oldRound)
    expect(oldAfter.map((e) => (e.payload as { textSha256: string }).textSha256)).toEqual([firstRoundText, firstRoundText])
  })

  test('the review’s fingerprint changes when a document is added, and a confirmation of the older review is refused', async () => {
    const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now })
    const assess = async () => {
      const assessed = await assessSubmission(database.db, await database.db.justification.findUniqueOrThrow({ where: { id } }), now)
      if (!assessed.ok) throw new Error(assessed.failure.message)
      return assessed
    }
    const before = await assess()
    expect(await assess()).toMatchObject({ fingerprint: before.fingerprint })
    await attach(id, 'late-quote.pdf')
    const after = await assess()
    expect(after.fingerprint).not.toBe(before.fingerprint)
    expect(after.attachments.map((a) => a.fileName)).toEqual(['late-quote.pdf'])

    const refused = await submitJustification(database.db, { id, actor: actor('rita.romano'), now, reviewedFingerprint: before.fingerprint })
    expect(refused).toMatchObject({ ok: false, kind: 'CONFLICT', message: REVIEW_OUTDATED })
    expect((await database.db.justification.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT')
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now, reviewedFingerprint: after.fingerprint }))
  })

  describe('the quote warning (the policy’s threshold, 50’000 CHF by default)', () => {
    const warningFor = async (amount: number, kinds: ('QUOTE' | 'OTHER')[]) => {
      const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now, amount })
      for (const kind of kinds) await attach(id, `${kind.toLowerCase()}.pdf`, kind)
      const assessed = await assessSubmission(database.db, await database.db.justification.findUniqueOrThrow({ where: { id } }), now)
      if (!assessed.ok) throw new Error(assessed.failure.message)
      // The warning is a message, worded where it is shown: read here as the English page says it.
      return assessed.quoteWarning === null ? null : said.en(assessed.quoteWarning)
    }

    test('above it with no quote attached (another kind of document does not count): a warning', async () => {
      expect(await warningFor(5_000_001, [])).toBe('Above CHF\u00a050’000.00 a supplier’s quote is expected; none is attached.')
      expect(await warningFor(6_000_000, ['OTHER'])).toBe('Above CHF\u00a050’000.00 a supplier’s quote is expected; none is attached.')
    })

    test('at or below it, or with a quote attached: none', async () => {
      expect(await warningFor(5_000_000, [])).toBeNull()
      expect(await warningFor(4_000_000, [])).toBeNull()
      expect(await warningFor(6_000_000, ['QUOTE'])).toBeNull()
    })

    test('the review lists the documents that will be submitted and warns; so does the draft page’s “Before you submit”', async () => {
      const rita = await database.db.person.findUniqueOrThrow({ where: { id: people['rita.romano']! } })
      const person = { sessionId: 's', id: rita.id, email: rita.email, name: rita.name, groupId: rita.groupId, isProcurementOfficer: false, isAdministrator: false, preferredLanguage: null }
      const { id } = await fileDraft(database.db, { requesterId: rita.id, now, amount: 7_500_000 })
      const survey = await attach(id, 'survey.pdf', 'MARKET_SURVEY')
      const warning = 'Above CHF\u00a050’000.00 a supplier’s quote is expected; none is attached.'
      const review = await loadSubmissionReview(database.db, person, id, now)
      expect(saidDeep('en', review)).toMatchObject({ outcome: 'EDITABLE', assessment: { ok: true, quoteWarning: warning, documents: [{ id: survey.id, kindLabel: 'Market survey', fileName: 'survey.pdf', sha256: survey.sha256 }] } })
      expect(saidDeep('en', (await loadJustificationPage(database.db, person, id, now))?.draftPreview)).toMatchObject({ quoteWarning: warning })
      await attach(id, 'quote.pdf', 'QUOTE')
      expect((await loadJustificationPage(database.db, person, id, now))?.draftPreview).toMatchObject({ quoteWarning: null })
    })

    test('a warning, not a refusal: the justification is submitted all the same', async () => {
      const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now, amount: 9_000_000 })
      expect(ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now })).status).toBe('AWAITING_SIGNATURE')
    })
  })

  test('a published policy version carries its own quote threshold, which the assessment applies from its effective date', async () => {
    const later = new Date('2027-01-04T09:00:00Z')
    const version = await publishPolicy(database.db, { ...threeTierPolicy({ effectiveFrom: '2027-01-04', splitPurchaseWindowDays: 90, financeCommitteeAboveChfMinor: 20_000_000 }), quoteExpectedAboveChfMinor: 2_000_000 }, actor('paula.procurement'), later)
    expect(version.quoteExpectedAboveChfMinor).toBe(2_000_000)
    const published = await database.db.auditEvent.findFirstOrThrow({ where: { type: 'POLICY_PUBLISHED' }, orderBy: { id: 'desc' } })
    expect(published.payload).toMatchObject({ version: version.version, quoteExpectedAboveChfMinor: 2_000_000 })
    const { id } = await fileDraft(database.db, { requesterId: people['rita.romano']!, now: later, amount: 3_000_000 })
    const assessed = await assessSubmission(database.db, await database.db.justification.findUniqueOrThrow({ where: { id } }), later)
    expect(saidDeep('en', assessed)).toMatchObject({ ok: true, quoteWarning: 'Above CHF\u00a020’000.00 a supplier’s quote is expected; none is attached.' })
  })
})
