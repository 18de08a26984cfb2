import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, readMigrations } from '~/db/migrate.server'
import { seedDemoData } from '../../prisma/seed'
import { createEmptyTestDatabase, createTestDatabase, testDatabaseKind, type EmptyTestDatabase, type TestDatabase } from '../../tests/support/database'
import { ok } from '../../tests/support/workflow'
import { createJustification } from './create-justification.server'
import type { JustificationFields } from './prepare-fields.server'
import { submitJustification } from './submit-justification.server'
import { listAllJustifications } from './list-justifications.server'
import { translatorFor } from '~/i18n/i18n.server'
import { explanationText } from '~/workflow/explanation'
import { noFilters, PROCUREMENT_LIST_DEFAULT_SORT } from './list-query'
import { loadPolicies } from './signature-policy.server'
import { checkSplitPurchase, LIKELY_DUPLICATE_WINDOW_DAYS, splitPurchaseWarningFor } from './split-purchase.server'
import { LEGAL_FORMS, supplierKeyOf } from './supplier-name'

const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }
const DAY_MS = 24 * 60 * 60 * 1000

/** A warning (a message) as an English reader reads it. */
const english = (warning: string | null) => (warning === null ? null : explanationText(translatorFor('en', 'justifications'), warning))

describe(`split purchases and likely duplicates (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const ids: Record<string, string> = {}
  const groups: Record<string, string> = {}
  const now = new Date('2026-11-26T09:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    for (const person of await database.db.person.findMany()) ids[person.email.split('@')[0]!] = person.id
    for (const group of await database.db.group.findMany()) groups[group.code] = group.id
  })
  afterAll(async () => database?.drop())

  /** Files and submits a justification, `at` the given time; CHF amounts in centimes. */
  const submit = async (requester: string, supplierName: string, amount: number, { at = now, groupCode = 'EN-MME' } = {}) => {
    const fields: JustificationFields = {
      title: `Order from ${supplierName}`,
      description: 'Spare parts for the installed pumping groups.',
      supplierName,
      supplierCountryCode: 'CH',
      originCountryCode: 'CH',
      category: 'SUPPLIES',
      amount,
      currency: 'CHF',
      groupId: groups[groupCode]!,
      reason: 'COMPATIBILITY',
      reasonText: 'Only the original manufacturer supplies parts that fit the installed pumps without requalification.',
    }
    const actor = { id: ids[requester]!, origin }
    const created = ok(await createJustification(database.db, { fields, actor, now: at }))
    ok(await submitJustification(database.db, { id: created.id, actor, now: at }))
    return database.db.justification.findUniqueOrThrow({ where: { id: created.id } })
  }
  const policyCheck = async (justification: { id: string; groupId: string; supplierName: string; amountChfMinor: bigint | null; submittedAt: Date | null }) => {
    const [policy] = await loadPolicies(database.db)
    return checkSplitPurchase(database.db, {
      justificationId: justification.id,
      groupId: justification.groupId,
      supplierName: justification.supplierName,
      amountChfMinor: Number(justification.amountChfMinor),
      at: justification.submittedAt!,
      policy: policy!,
      windowDays: policy!.splitPurchaseWindowDays,
    })
  }

  test('spellings of one supplier are one supplier: two orders each under 10 000 CHF, together above it, are a split purchase', async () => {
    const minutesLater = (minutes: number) => ({ at: new Date(now.getTime() + minutes * 60_000) })
    const first = await submit('rita.romano', 'Split Vacuum Supplies SA', 800_000, minutesLater(0))
    const second = await submit('ruben.rasmussen', 'Split Vacuum Supplies S.A.', 700_000, minutesLater(1))
    const third = await submit('rita.romano', 'SPLIT-VACUUM SUPPLIES, s.a', 300_000, minutesLater(2))
    expect(first.splitPurchaseFlag).toBe(false)
    expect(second.splitPurchaseFlag).toBe(true)
    expect(third.splitPurchaseFlag).toBe(true)
    const check = await policyCheck(third)
    expect(check.related.map((r) => r.reference)).toEqual([first.reference, second.reference])
    expect(english(check.message)).toBe(
      `With ${first.reference}, ${second.reference} to the same supplier from the same group in the last 90 days, the total is CHF\u00a018’000.00: above CHF\u00a010’000.00, which each one alone stays under.`,
    )
  })

  test('six identical justifications of 56 472 CHF: each after the first is flagged as a likely duplicate, and procurement’s list shows it', async () => {
    // Above the department head's threshold each: no split purchase can cross a threshold here.
    const six = []
    for (const [index, name] of ['Duplicate Cryo AG', 'Duplicate Cryo AG', 'Duplicate Cryo A.G.', 'duplicate cryo', 'Duplicate Cryo AG', 'Duplicate Cryo AG'].entries()) {
      six.push(await submit(index % 2 ? 'ruben.rasmussen' : 'rita.romano', name, 5_647_200, { at: new Date(now.getTime() + index * 60_000) }))
    }
    expect(six.map((j) => j.splitPurchaseFlag)).toEqual([false, true, true, true, true, true])
    const last = await policyCheck(six[5]!)
    expect(last.thresholdChfMinor).toBeNull()
    expect(last.likelyDuplicates.map((d) => d.reference)).toEqual(six.slice(0, 5).map((j) => j.reference))
    expect(english(last.message)).toBe(
      `It may duplicate ${six
        .slice(0, 5)
        .map((j) => j.reference)
        .join(', ')}: the same supplier, the same group and the same amount, CHF\u00a056’472.00, in the last ${LIKELY_DUPLICATE_WINDOW_DAYS} days.`,
    )

    const paula = { id: ids['paula.procurement']!, groupId: null, isProcurementOfficer: true, isAdministrator: false }
    const { items } = await listAllJustifications(database.db, paula, { ...noFilters, q: 'Duplicate Cryo', ...PROCUREMENT_LIST_DEFAULT_SORT, page: 1 })
    const flagged = new Map(items.map((item) => [item.reference, item.splitPurchaseFlag]))
    expect(six.map((j) => flagged.get(j.reference))).toEqual([false, true, true, true, true, true])
  })

  test('not a likely duplicate: the same amount longer ago than the window, another amount, or another group', async () => {
    const old = await submit('rita.romano', 'Old Order GmbH', 6_100_000, { at: new Date(now.getTime() - (LIKELY_DUPLICATE_WINDOW_DAYS + 1) * DAY_MS) })
    const again = await submit('rita.romano', 'Old Order GmbH', 6_100_000)
    const otherAmount = await submit('rita.romano', 'Old Order GmbH', 6_100_100)
    const otherGroup = await submit('emil.eriksen', 'Old Order GmbH', 6_100_000, { groupCode: 'EN-EL' })
    expect([old, again, otherAmount, otherGroup].map((j) => j.splitPurchaseFlag)).toEqual([false, false, false, false])
    const sameDayTwice = await submit('ruben.rasmussen', 'Old Order', 6_100_100)
    expect(sameDayTwice.splitPurchaseFlag).toBe(true)
    expect((await policyCheck(sameDayTwice)).likelyDuplicates.map((d) => d.reference)).toEqual([otherAmount.reference])
  })

  test('the filing form warns of a likely duplicate as the person types, naming it only to someone who may see the group', async () => {
    const earlier = await submit('rita.romano', 'Typed Twice Sàrl', 5_200_000)
    const typed = { justificationId: null, groupId: groups['EN-MME']!, supplierName: 'typed twice sarl', amount: "52'000.00", currency: 'CHF', now }
    expect(english(await splitPurchaseWarningFor(database.db, { ...typed, detailed: true }))).toBe(
      `It may duplicate ${earlier.reference}: the same supplier, the same group and the same amount, CHF\u00a052’000.00, in the last ${LIKELY_DUPLICATE_WINDOW_DAYS} days.`,
    )
    const outsider = await splitPurchaseWarningFor(database.db, { ...typed, detailed: false })
    expect(english(outsider)).toBe(
      `Another justification to the same supplier from the same group for the same amount was submitted in the last ${LIKELY_DUPLICATE_WINDOW_DAYS} days: it may be a duplicate. Procurement will see it flagged.`,
    )
    expect(await splitPurchaseWarningFor(database.db, { ...typed, amount: "52'000.05", detailed: true })).toBeNull()
  })
})

describe(`the migration recomputes the supplier keys stored before (${testDatabaseKind()})`, () => {
  const MIGRATION = '20261201030000_audit_refuses_truncate'
  // Spellings the supplier key folds, every legal form it drops, and names it must leave apart.
  const NAMES = [
    'Split Vacuum Supplies SA',
    'Split Vacuum Supplies S.A.',
    '  SPLIT-VACUUM   SUPPLIES, s. a. ',
    'Precision Magnets GmbH & Co. KG',
    'Bobine S.p.A.',
    'Lyon Cryogénie S.à r.l.',
    'Cryo S.A.S.',
    'Fine Art S A',
    'Łódź Próżnia Sp. z o.o.',
    'Großmann Vakuumtechnik',
    'Dansk Køling A/S',
    'Smith & Sons and Daughters',
    'Dupont et Cie',
    'Acme™ Vacuum®',
    'ΑΘΗΝΑΪΚΟΣ ΚΕΝΟΣ',
    'Москва Вакуум ООО',
    'Énergie—Nucléaire (Suisse) S.A.',
    'Ｆｕｌｌｗｉｄｔｈ Ｌｔｄ',
    'Zürich Präzision AG Österreich',
    'S.A.',
    'AB',
    '&&&',
    'Lab Co Ag',
    '3M',
    ...[...LEGAL_FORMS].map((form) => `Vacuum Systems ${form.toUpperCase()}`),
  ]
  let empty: EmptyTestDatabase

  beforeAll(async () => {
    empty = await createEmptyTestDatabase()
  })
  afterAll(async () => empty?.drop())

  test('every justification’s key is the one supplierKeyOf gives its supplier name', async () => {
    const migrations = await readMigrations()
    await migrate(empty.url, migrations.filter((m) => m.name < MIGRATION))
    const client = new pg.Client({ connectionString: empty.url })
    await client.connect()
    try {
      const departmentId = randomUUID()
      const groupId = randomUUID()
      const personId = randomUUID()
      await client.query(`INSERT INTO "Country" (code, name) VALUES ('CH', 'Switzerland')`)
      await client.query(`INSERT INTO "Department" (id, code, name) VALUES ($1, 'EN', 'Engineering')`, [departmentId])
      await client.query(`INSERT INTO "Group" (id, code, name, "departmentId") VALUES ($1, 'EN-MME', 'Mechanical', $2)`, [groupId, departmentId])
      await client.query(`INSERT INTO "Person" (id, email, name, "groupId", "updatedAt") VALUES ($1, 'rita.romano@example.org', 'Rita Romano', $2, now())`, [personId, groupId])
      for (const [index, name] of NAMES.entries()) {
        // The key as the previous version wrote it: lower-cased, spaces collapsed.
        const previousKey = name.normalize('NFKC').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim()
        await client.query(
          `INSERT INTO "Justification" (id, reference, "requesterId", "groupId", title, description, "supplierName", "supplierKey", "supplierCountryCode",
             category, "amountMinor", currency, reason, "reasonText", "machineVersion", snapshot, "updatedAt")
           VALUES ($1, $2, $3, $4, 'Title', 'Description', $5, $6, 'CH', 'SUPPLIES', 100, 'CHF', 'COMPATIBILITY', 'Reason', 1, '{}', now())`,
          [randomUUID(), `SSJ-2026-${String(index).padStart(5, '0')}`, personId, groupId, name, previousKey],
        )
      }

      await migrate(empty.url, migrations)

      const rows = (await client.query<{ supplierName: string; supplierKey: string }>(`SELECT "supplierName", "supplierKey" FROM "Justification" ORDER BY reference`)).rows
      expect(rows.map((row) => [row.supplierName, row.supplierKey])).toEqual(NAMES.map((name) => [name, supplierKeyOf(name)]))
      expect(new Set(rows.slice(0, 3).map((row) => row.supplierKey))).toEqual(new Set(['splitvacuumsupplies']))
      // The function existed for the backfill only.
      expect((await client.query(`SELECT 1 FROM pg_proc WHERE proname = 'supplier_key_backfill'`)).rowCount).toBe(0)
    } finally {
      await client.end()
    }
  })
})
