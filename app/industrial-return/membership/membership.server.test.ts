import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { createEmptyTestDatabase, testDatabaseKind } from '../../../tests/support/database'
import { migrate, readMigrations } from '~/db/migrate.server'
import { seedMembershipHistory, seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { APP_URL, useReturnTestDatabase } from '../test-support.ts'
import { saveContributionScales } from '../ledger/scales.server.ts'
import { calendarWindow } from '../arithmetic/window.ts'
import { loadReturnInputs } from '../views/return-inputs.server.ts'
import { computeReport } from '../views/return-report.ts'
import { loadMembershipHistory } from './membership-history.server.ts'
import { recordMembershipChange } from './record-membership-change.server.ts'
import { removeMembershipChange } from './remove-membership-change.server.ts'
import { translatorFor } from '~/i18n/i18n.server'
import { translated } from '../views/format.ts'
import { translateList } from '../ledger/message-list.ts'

const NOW = new Date('2026-06-15T10:00:00Z')

describe(`membership over time (${testDatabaseKind()})`, () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW, contractsPerYear: 40 })) })
  const actor = () => ({ actorId: database.officerId, now: NOW, appUrl: APP_URL })

  test('the seed dates the changes that are public (Brazil, Serbia, Lithuania, Estonia, Slovenia) and leaves the others undated', async () => {
    const history = await loadMembershipHistory(database.db)
    expect(history.filter((h) => h.countryCode === 'BR')).toEqual([
      { countryCode: 'BR', membership: 'OTHER', effectiveFrom: null },
      { countryCode: 'BR', membership: 'ASSOCIATE', effectiveFrom: '2024-03-13' },
    ])
    const changes = (code: string) => history.filter((h) => h.countryCode === code).map((h) => [h.membership, h.effectiveFrom])
    expect(changes('RS')).toEqual([['OTHER', null], ['ASSOCIATE', '2012-03-15'], ['MEMBER', '2019-03-24']])
    expect(changes('LT')).toEqual([['OTHER', null], ['ASSOCIATE', '2018-01-08']])
    expect(changes('EE')).toEqual([['OTHER', null], ['ASSOCIATE', '2021-02-01'], ['MEMBER', '2024-08-30']])
    expect(changes('SI')).toEqual([['ASSOCIATE', null], ['MEMBER', '2025-06-21']])
    for (const code of ['LV', 'HR']) expect(history.filter((h) => h.countryCode === code).map((h) => h.effectiveFrom)).toEqual([null])
    const croatia = await database.db.countryMembership.findFirstOrThrow({ where: { countryCode: 'HR' } })
    expect(croatia.source).toMatch(/not in our sources/)
    expect(await seedReturnDemoData(database.db, { now: NOW, contractsPerYear: 40 })).toMatchObject({ membershipsCreated: 0 })
  })

  test('on an installation migrated with Brazil as an Associate (undated), the demo seed dates it; a dated history is left alone', async () => {
    const db = database.db
    const saved = await db.countryMembership.findMany({ where: { countryCode: 'BR' } })
    await db.countryMembership.deleteMany({ where: { countryCode: 'BR' } })
    await db.countryMembership.create({ data: { countryCode: 'BR', membership: 'ASSOCIATE', effectiveFrom: null, source: 'carried over' } })
    expect(await seedMembershipHistory(db, NOW)).toBe(1)
    expect((await loadMembershipHistory(db)).filter((h) => h.countryCode === 'BR').map((h) => [h.membership, h.effectiveFrom])).toEqual([
      ['OTHER', null],
      ['ASSOCIATE', '2024-03-13'],
    ])
    expect(await seedMembershipHistory(db, NOW)).toBe(0)
    expect(await db.countryMembership.count({ where: { countryCode: 'BR' } })).toBe(saved.length)
  })

  test('a window counts Brazil only from the year it became an Associate', async () => {
    const inputs = await loadReturnInputs(database.db, NOW)
    const before = computeReport(inputs, calendarWindow(2022, 2023), 'SUPPLIES').rows.find((r) => r.countryCode === 'BR')
    expect(before).toMatchObject({ membership: 'OTHER', coefficient: null, noCoefficientReason: 'NOT_A_MEMBER' })
    const across = computeReport(inputs, calendarWindow(2022, 2025), 'SUPPLIES').rows.find((r) => r.countryCode === 'BR')
    expect(across).toMatchObject({ membership: 'ASSOCIATE', nonMemberYears: [2022, 2023] })
    expect(across?.coefficient).not.toBeNull()
  })

  test('scales are checked against the membership of their year', async () => {
    const rows = (withBrazil: boolean) => [
      { countryCode: 'DE', percent: withBrazil ? '89.9' : '90' },
      { countryCode: 'FR', percent: '10' },
      ...(withBrazil ? [{ countryCode: 'BR', percent: '0.1' }] : []),
    ]
    const in2023 = await saveContributionScales(database.db, [{ year: 2023, rows: rows(true), budgetChfMinor: null, source: 'test' }], 'form', { ...actor(), actorId: database.officerId })
    expect(in2023.ok).toBe(false)
    // Errors are messages (a row's problem nested in the row's) said as the scales page says them: here in English.
    const inEnglish = translatorFor('en', 'return-data')
    if (!in2023.ok) expect(in2023.errors.map((e) => translateList(inEnglish, e.message))).toContain('Row 3 (Brazil, BR): Brazil is not a Member or Associate Member State in 2023, so it has no contribution that year.')
    const in2024 = await saveContributionScales(database.db, [{ year: 2024, rows: rows(true), budgetChfMinor: null, source: 'test' }], 'form', { ...actor(), actorId: database.officerId })
    expect(in2024.ok).toBe(true)
  })

  test('recording a dated change is audited, moves today’s membership when in force, and changes the years after it', async () => {
    const db = database.db
    // A fixture date, not a historical claim.
    const outcome = await recordMembershipChange(db, { countryCode: 'HR', membership: 'MEMBER', effectiveFrom: '2025-02-01', source: 'test fixture' }, actor())
    expect(outcome).toEqual({ ok: true, replaced: false })
    expect((await db.country.findUniqueOrThrow({ where: { code: 'HR' } })).membership).toBe('MEMBER')
    const inputs = await loadReturnInputs(db, NOW)
    expect(computeReport(inputs, calendarWindow(2024, 2024), 'SUPPLIES').rows.find((r) => r.countryCode === 'HR')?.membership).toBe('ASSOCIATE')
    expect(computeReport(inputs, calendarWindow(2025, 2025), 'SUPPLIES').rows.find((r) => r.countryCode === 'HR')?.membership).toBe('MEMBER')
    const audit = await db.auditEvent.findMany({ where: { subject: 'country:HR' } })
    expect(audit.map((a) => [a.type, a.payload])).toEqual([
      ['COUNTRY_MEMBERSHIP_RECORDED', { countryCode: 'HR', membership: 'MEMBER', effectiveFrom: '2025-02-01', source: 'test fixture', previous: null }],
    ])

    // The same day again replaces the row rather than adding a second one.
    expect(await recordMembershipChange(db, { countryCode: 'HR', membership: 'ASSOCIATE', effectiveFrom: '2025-02-01', source: 'corrected' }, actor())).toEqual({ ok: true, replaced: true })
    expect(await db.countryMembership.count({ where: { countryCode: 'HR' } })).toBe(2)

    const dated = await db.countryMembership.findFirstOrThrow({ where: { countryCode: 'HR', effectiveFrom: { not: null } } })
    expect(await removeMembershipChange(db, dated.id, actor())).toEqual({ ok: true, countryCode: 'HR' })
    expect(await removeMembershipChange(db, dated.id, actor())).toMatchObject({ ok: false })
    expect((await db.auditEvent.findMany({ where: { subject: 'country:HR' }, orderBy: { id: 'asc' } })).map((a) => a.type)).toEqual([
      'COUNTRY_MEMBERSHIP_RECORDED',
      'COUNTRY_MEMBERSHIP_RECORDED',
      'COUNTRY_MEMBERSHIP_REMOVED',
    ])
  })

  test('the first dated change of a country without history keeps what it is today as what held before', async () => {
    const db = database.db
    await db.countryMembership.deleteMany({ where: { countryCode: 'IN' } })
    await recordMembershipChange(db, { countryCode: 'IN', membership: 'MEMBER', effectiveFrom: '2028-01-01', source: 'test fixture' }, actor())
    expect((await loadMembershipHistory(db)).filter((h) => h.countryCode === 'IN').map((h) => [h.membership, h.effectiveFrom])).toEqual([
      ['ASSOCIATE', null],
      ['MEMBER', '2028-01-01'],
    ])
    expect((await db.country.findUniqueOrThrow({ where: { code: 'IN' } })).membership).toBe('ASSOCIATE')
  })

  test('a change dated after today leaves today’s membership alone; an unknown country is a field error, nothing written', async () => {
    const db = database.db
    await recordMembershipChange(db, { countryCode: 'LV', membership: 'MEMBER', effectiveFrom: '2027-01-01', source: 'test fixture' }, actor())
    expect((await db.country.findUniqueOrThrow({ where: { code: 'LV' } })).membership).toBe('ASSOCIATE')
    const count = await db.countryMembership.count()
    const unknown = await recordMembershipChange(db, { countryCode: 'ZZ', membership: 'MEMBER', source: 'test fixture' }, actor())
    expect(unknown).toEqual({ ok: false, fieldErrors: { countryCode: [expect.any(String)] } })
    const [refusal] = unknown.ok ? [] : (unknown.fieldErrors.countryCode ?? [])
    expect(translated(translatorFor('en', 'industrial-return'), refusal!)).toBe('Choose a country from the list.')
    expect(translated(translatorFor('fr', 'industrial-return'), refusal!)).toBe('Choisissez un pays de la liste.')
    expect(await db.countryMembership.count()).toBe(count)
  })
})

describe(`the migration to membership history (${testDatabaseKind()})`, () => {
  test('carries today’s membership of every country over as its undated row', async () => {
    const empty = await createEmptyTestDatabase()
    try {
      const migrations = await readMigrations()
      const index = migrations.findIndex((m) => m.name === '20261203080000_membership_history')
      expect(index).toBeGreaterThan(0)
      await migrate(empty.url, migrations.slice(0, index))
      const client = new pg.Client({ connectionString: empty.url })
      await client.connect()
      try {
        await client.query(`INSERT INTO "Country" ("code", "name", "membership") VALUES ('FR', 'France', 'MEMBER'), ('UA', 'Ukraine', 'ASSOCIATE'), ('US', 'United States', 'OTHER')`)
        await migrate(empty.url, migrations)
        const { rows } = await client.query(`SELECT "countryCode", "membership", "effectiveFrom" FROM "CountryMembership" ORDER BY "countryCode"`)
        expect(rows).toEqual([
          { countryCode: 'FR', membership: 'MEMBER', effectiveFrom: null },
          { countryCode: 'UA', membership: 'ASSOCIATE', effectiveFrom: null },
          { countryCode: 'US', membership: 'OTHER', effectiveFrom: null },
        ])
        const policy = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'ReturnPolicy' AND column_name = 'amsCeilings'`)
        expect(policy.rows).toHaveLength(1)
      } finally {
        await client.end()
      }
    } finally {
      await empty.drop()
    }
  })
})
