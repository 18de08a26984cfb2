import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { attachTestFile, minimalPdf } from '../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileDraft, ok, origin, threeTierPolicy } from '../../tests/support/workflow'
import { CSV_COLUMNS, justificationsCsv } from './justifications-csv.server'
import { documentFlagsOf, withDocumentFlags } from './list-document-flags.server'
import { listAllJustifications } from './list-justifications.server'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from './list-query'
import { publishPolicy } from './signature-policy.server'
import { submitJustification } from './submit-justification.server'

// Procurement's list: how many documents each justification carries now, and "No quote" on those
// submitted above their policy version's threshold without a supplier's quote.
describe(`documents and the missing-quote flag in procurement's list (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let people: Record<string, string>
  const november = new Date('2026-11-26T09:00:00Z')
  const january = new Date('2027-01-04T09:00:00Z')
  const titles: Record<string, string> = {}

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    people = await demoPeople(database.db)
    const requesterId = people['rita.romano']!
    const file = async (key: string, { amount, kinds = [], submit = true, now = november }: { amount: number; kinds?: ('QUOTE' | 'OTHER')[]; submit?: boolean; now?: Date }) => {
      titles[key] = `Docflag ${key}`
      const { id } = await fileDraft(database.db, { requesterId, now, amount, title: titles[key] })
      const attached = []
      for (const kind of kinds) attached.push(await attachTestFile(database.db, { justificationId: id, addedById: requesterId, kind, fileName: `${kind}.pdf`, bytes: await minimalPdf(`${key} ${kind}`) }))
      if (submit) ok(await submitJustification(database.db, { id, actor: { id: requesterId, origin }, now }))
      return { id, attached }
    }
    await file('draftAbove', { amount: 9_000_000, submit: false })
    await file('aboveWithoutQuote', { amount: 9_000_000, kinds: ['OTHER'] })
    await file('aboveWithQuote', { amount: 9_000_000, kinds: ['QUOTE', 'OTHER'] })
    await file('atThreshold', { amount: 5_000_000 })
    await file('below', { amount: 3_000_000 })
    const removed = await file('quoteRemoved', { amount: 9_000_000, kinds: ['QUOTE'] })
    await database.db.attachment.update({ where: { id: removed.attached[0]!.id }, data: { removedAt: november, removedById: requesterId } })
    // A later policy version expects a quote only above 100 000 CHF: its justifications are judged by it.
    await publishPolicy(
      database.db,
      { ...threeTierPolicy({ effectiveFrom: '2027-01-04', splitPurchaseWindowDays: 90, financeCommitteeAboveChfMinor: 20_000_000 }), quoteExpectedAboveChfMinor: 10_000_000 },
      { id: people['paula.procurement']!, origin },
      january,
    )
    await file('aboveUnderLaterPolicy', { amount: 9_000_000, now: january })
  })
  afterAll(async () => database?.drop())

  const query = parseListQuery(new URLSearchParams('q=Docflag&sort=reference&dir=asc'), PROCUREMENT_LIST_DEFAULT_SORT).query
  const procurement = async () => {
    const person = await database.db.person.findUniqueOrThrow({ where: { id: people['paula.procurement']! } })
    return { id: person.id, groupId: person.groupId, isProcurementOfficer: person.isProcurementOfficer, isAdministrator: person.isAdministrator }
  }
  const keyOf = (title: string) => Object.keys(titles).find((key) => titles[key] === title)!

  test('the page’s rows: the count of current documents, and the flag', async () => {
    const { items } = await listAllJustifications(database.db, await procurement(), query)
    const rows = withDocumentFlags(items, await documentFlagsOf(database.db, items))
    expect(Object.fromEntries(rows.map((row) => [keyOf(row.title), { documents: row.documentCount, quoteMissing: row.quoteMissing }]))).toEqual({
      draftAbove: { documents: 0, quoteMissing: false },
      aboveWithoutQuote: { documents: 1, quoteMissing: true },
      aboveWithQuote: { documents: 2, quoteMissing: false },
      atThreshold: { documents: 0, quoteMissing: false },
      below: { documents: 0, quoteMissing: false },
      quoteRemoved: { documents: 0, quoteMissing: true },
      aboveUnderLaterPolicy: { documents: 0, quoteMissing: false },
    })
  })

  test('the CSV has a documents and a quote-missing column', async () => {
    const csv = await justificationsCsv(database.db, await procurement(), query, 'en')
    const [header, ...records] = csv.split('\r\n').slice(0, -1)
    expect(header!.split(',').slice(-2)).toEqual(['Supporting documents', 'Quote missing'])
    expect(CSV_COLUMNS.slice(-2)).toEqual(['documents', 'quote_missing'])
    const byTitle = Object.fromEntries(records.map((line) => line.split(',')).map((cells) => [keyOf(cells[1]!), cells.slice(-2)]))
    expect(byTitle).toEqual({
      draftAbove: ['0', 'no'],
      aboveWithoutQuote: ['1', 'yes'],
      aboveWithQuote: ['2', 'no'],
      atThreshold: ['0', 'no'],
      below: ['0', 'no'],
      quoteRemoved: ['0', 'yes'],
      aboveUnderLaterPolicy: ['0', 'no'],
    })
  })

  test('no rows, no query', async () => {
    expect(await documentFlagsOf(database.db, [])).toEqual(new Map())
  })
})
