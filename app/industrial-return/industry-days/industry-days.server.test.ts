import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { parseForm } from '~/ui/parse-form'
import { rebuildRollup } from '../ledger/rollup.server.ts'
import { useReturnTestDatabase } from '../test-support.ts'
import { deleteIndustryDay } from './delete-industry-day.server.ts'
import { editIndustryDay } from './edit-industry-day.server.ts'
import { industryDaySchema, type IndustryDayInput } from './industry-day-form.ts'
import { STALE_EDIT } from './industry-day-outcome.ts'
import { loadIndustryDayShares } from './load-industry-day-shares.server.ts'
import { loadIndustryDay, loadIndustryDayCountries } from './load-industry-day.server.ts'
import { recordIndustryDay } from './record-industry-day.server.ts'
import { loadIndustryDaySummary } from './load-industry-day-summary.server.ts'
import { seedDemoIndustryDays } from '../../../prisma/seed-industrial-return'

const NOW = new Date('2026-11-26T10:00:00Z') // status year 2026 (window 2022-2025) is the published one

/*
 * The same scale every year 2021-2025 (plain mean): CH 20, DE 20, FR 20, IT 10, PL 10, GR 5, PT 5, AT 5, NO 5.
 *
 * Status year 2025, window 2021-2024: contracts only in 2021, of 1000 in all:
 *   CH 350 -> 0.35/0.20 = 1.75, DE 200 -> 1.00, FR 200 -> 1.00, IT 150 -> 1.50, PL 50 -> 0.50,
 *   GR 10 -> 0.20, PT 20 -> 0.40, AT 10 -> 0.20, NO 10 -> 0.20.
 *   Lowest: AT, GR, NO 0.20 (rank 1), PT 0.40 (4), PL 0.50 (5), DE and FR 1.00 (6, tied): seven states.
 * Status year 2026, window 2022-2025: contracts only in 2025, of 1000 in all:
 *   CH 250 -> 1.25, DE 100 -> 0.50, FR 260 -> 1.30, IT 100 -> 1.00, PL 200 -> 2.00,
 *   GR 40 -> 0.80, PT 20 -> 0.40, AT 20 -> 0.40, NO 10 -> 0.20.
 *   Lowest: NO 0.20, AT and PT 0.40, DE 0.50, GR 0.80, IT 1.00: six states.
 */
const SCALE = { CH: '20', DE: '20', FR: '20', IT: '10', PL: '10', GR: '5', PT: '5', AT: '5', NO: '5' }
const CONTRACTS: Record<number, Record<string, number>> = {
  2021: { CH: 350, DE: 200, FR: 200, IT: 150, PL: 50, GR: 10, PT: 20, AT: 10, NO: 10 },
  2025: { CH: 250, DE: 100, FR: 260, IT: 100, PL: 200, GR: 40, PT: 20, AT: 20, NO: 10 },
}

async function seedLedger(db: Database) {
  for (let year = 2021; year <= 2025; year++) {
    const shares = Object.entries(SCALE).map(([countryCode, percent]) => ({ countryCode, percent }))
    await db.contributionScale.create({ data: { year, shares, source: 'test' } })
  }
  const department = await db.department.findFirstOrThrow()
  await db.contract.createMany({
    data: Object.entries(CONTRACTS).flatMap(([year, values]) =>
      Object.entries(values).map(([countryCode, chf]) => ({
        orderNumber: `ID-${year}-${countryCode}`,
        awardedOn: dateColumn(`${year}-06-30`),
        supplierName: `Supplier ${countryCode}`,
        originCountryCode: countryCode,
        establishmentCountryCode: countryCode,
        returnCountryCode: countryCode,
        category: 'SUPPLIES' as const,
        amountMinor: BigInt(chf * 100_000),
        currency: 'CHF',
        amountChfMinor: BigInt(chf * 100_000),
        exchangeRate: '1',
        exchangeRateDate: dateColumn(`${year}-06-30`),
        departmentId: department.id,
        source: 'IMPORT' as const,
      })),
    ),
  })
  await db.$transaction((tx) => rebuildRollup(tx))
}

const countryDay = (heldOn: string, countryCode: string): IndustryDayInput => ({ kind: 'COUNTRY', heldOn, countryCode, theme: null, invitations: [] })
const thematicDay = (heldOn: string, theme: string, companies: [string, string][]): IndustryDayInput => ({
  kind: 'THEMATIC',
  heldOn,
  countryCode: null,
  theme,
  invitations: companies.map(([companyName, countryCode]) => ({ companyName, countryCode })),
})

describe('Industry Days on the database', () => {
  const database = useReturnTestDatabase({ andThen: seedLedger })
  const context = () => ({ actorId: database.officerId, now: NOW })
  const record = async (input: IndustryDayInput) => {
    const outcome = await recordIndustryDay(database.db, input, context())
    if (!outcome.ok) throw new Error(`not recorded: ${JSON.stringify(outcome)}`)
    return outcome.id
  }
  const auditOf = (id: string) => database.db.auditEvent.findMany({ where: { subject: `industry-day:${id}` }, orderBy: { id: 'asc' } })

  it('shows nothing before a day is recorded', async () => {
    const shares = await loadIndustryDayShares(database.db, NOW)
    expect(shares).toMatchObject({ publishedStatusYear: 2026, years: [], days: [], target: { percent: 25, states: 6, fromYear: 2022 } })
  })

  it('records a day with its invitations in the order typed, and its audit event', async () => {
    const id = await record(thematicDay('2026-04-20', 'Cryogenics', [['Alpha Cryo', 'DE'], ['Beta AG', 'CH'], ['Gamma SA', 'FR'], ['Delta AS', 'NO']]))
    expect(await loadIndustryDay(database.db, id)).toMatchObject({
      heldOn: '2026-04-20',
      kind: 'THEMATIC',
      countryCode: null,
      theme: 'Cryogenics',
      version: 1,
      isDemo: false,
      companies: 'Alpha Cryo; DE\nBeta AG; CH\nGamma SA; FR\nDelta AS; NO',
    })
    const [event, ...more] = await auditOf(id)
    expect(more).toEqual([])
    expect(event).toMatchObject({
      type: 'INDUSTRY_DAY_RECORDED',
      actorId: database.officerId,
      payload: { industryDayId: id, heldOn: '2026-04-20', kind: 'THEMATIC', countryCode: null, theme: 'Cryogenics', invitations: [{ companyName: 'Alpha Cryo', countryCode: 'DE' }, expect.anything(), expect.anything(), expect.anything()] },
    })
  })

  it('measures each day against the six of its status year, computed from the ledger, and a day planned in a later status year against the published one', async () => {
    await record(countryDay('2026-02-10', 'PL')) // status year 2025: PL 0.50 is among its seven
    await record(countryDay('2026-05-12', 'PL')) // status year 2026: PL 2.00 is not
    await record(countryDay('2026-06-01', 'NO')) // yes
    await record(countryDay('2026-09-15', 'CH')) // no -> 2 of 4
    // Status year 2025: DE yes (tied sixth), IT no. With Cryogenics (DE yes, CH, FR, NO yes): 3 of 6.
    await record(thematicDay('2026-01-15', 'Vacuum', [['Epsilon GmbH', 'DE'], ['Zeta Srl', 'IT']]))
    await record(countryDay('2027-03-10', 'PT')) // status year 2027 is not published: 2026's six, PT yes

    const shares = await loadIndustryDayShares(database.db, NOW)
    expect(shares.years.map((y) => y.year)).toEqual([2026, 2027])
    const [y2026, y2027] = shares.years
    expect(y2026!.countryDays).toMatchObject({ targeted: 2, counted: 4, uncounted: 0, percent: 50, meetsTarget: true })
    expect(y2026!.countryDays.lines.map((l) => [l.heldOn, l.countryName, l.measuredAgainst, l.targeted])).toEqual([
      ['2026-02-10', 'Poland', 2025, true],
      ['2026-05-12', 'Poland', 2026, false],
      ['2026-06-01', 'Norway', 2026, true],
      ['2026-09-15', 'Switzerland', 2026, false],
    ])
    expect(y2026!.invitations).toMatchObject({ targeted: 3, counted: 6, percent: 50, meetsTarget: true, thematicDays: 2 })
    expect(y2026!.invitations.lines.filter((l) => l.targeted).map((l) => l.companyName)).toEqual(['Epsilon GmbH', 'Alpha Cryo', 'Delta AS'])
    expect(y2026!.sixes.map((six) => [six.statusYear, six.windowLabel, six.states.map((s) => `${s.countryCode} ${s.rank} ${s.coefficient}`)])).toEqual([
      [2025, '2021–2024', ['AT 1 0.20', 'GR 1 0.20', 'NO 1 0.20', 'PT 4 0.40', 'PL 5 0.50', 'DE 6 1.00', 'FR 6 1.00']],
      [2026, '2022–2025', ['NO 1 0.20', 'AT 2 0.40', 'PT 2 0.40', 'DE 4 0.50', 'GR 5 0.80', 'IT 6 1.00']],
    ])
    expect(y2027!.countryDays).toMatchObject({ targeted: 1, counted: 1, lines: [{ heldOn: '2027-03-10', statusYear: 2027, measuredAgainst: 2026, targeted: true }] })
    expect(y2027!.sixes.map((six) => six.statusYear)).toEqual([2026])
  })

  it('edits a day, replacing its invitations, and audits what changed; an edit from an older version is refused and changes nothing', async () => {
    const id = await record(thematicDay('2026-10-01', 'Magnets', [['Eta AB', 'SE'], ['Theta Oy', 'FI']]))
    const edited = await editIndustryDay(database.db, id, 1, thematicDay('2026-10-02', 'Superconducting magnets', [['Theta Oy', 'FI'], ['Iota SA', 'GR']]), context())
    expect(edited).toEqual({ ok: true, id, heldOn: '2026-10-02' })
    expect(await loadIndustryDay(database.db, id)).toMatchObject({ version: 2, heldOn: '2026-10-02', theme: 'Superconducting magnets', companies: 'Theta Oy; FI\nIota SA; GR' })
    const events = await auditOf(id)
    expect(events.map((e) => e.type)).toEqual(['INDUSTRY_DAY_RECORDED', 'INDUSTRY_DAY_EDITED'])
    expect(events[1]!.payload).toEqual({
      industryDayId: id,
      version: 2,
      changes: { heldOn: { from: '2026-10-01', to: '2026-10-02' }, theme: { from: 'Magnets', to: 'Superconducting magnets' } },
      invitationsAdded: [{ companyName: 'Iota SA', countryCode: 'GR' }],
      invitationsRemoved: [{ companyName: 'Eta AB', countryCode: 'SE' }],
    })

    // Made from version 1, which is no longer the day's: refused.
    const stale = await editIndustryDay(database.db, id, 1, countryDay('2026-10-02', 'GR'), context())
    vitestExpect(stale).toEqual({ ok: false, formError: STALE_EDIT })
    expect(await loadIndustryDay(database.db, id)).toMatchObject({ version: 2, kind: 'THEMATIC', companies: 'Theta Oy; FI\nIota SA; GR' })

    // Saving what is there already changes nothing and audits nothing.
    expect(await editIndustryDay(database.db, id, 2, thematicDay('2026-10-02', 'Superconducting magnets', [['Theta Oy', 'FI'], ['Iota SA', 'GR']]), context())).toMatchObject({ ok: true })
    expect(await auditOf(id)).toHaveLength(2)

    // A thematic day becomes a country day: the theme goes, the country comes.
    expect(await editIndustryDay(database.db, id, 2, countryDay('2026-10-02', 'GR'), context())).toMatchObject({ ok: true })
    expect(await loadIndustryDay(database.db, id)).toMatchObject({ version: 3, kind: 'COUNTRY', countryCode: 'GR', theme: null, companies: '' })
  })

  it('deletes a day with its invitations, keeping the audit trail; a stale delete is refused', async () => {
    const id = await record(thematicDay('2026-11-05', 'Civil engineering', [['Kappa NV', 'BE']]))
    vitestExpect(await deleteIndustryDay(database.db, id, 2, context())).toEqual({ ok: false, formError: STALE_EDIT })
    expect(await deleteIndustryDay(database.db, id, 1, context())).toEqual({ ok: true, id, heldOn: '2026-11-05' })
    expect(await loadIndustryDay(database.db, id)).toBeNull()
    expect(await database.db.industryDayInvitation.count({ where: { industryDayId: id } })).toBe(0)
    expect((await auditOf(id)).map((e) => [e.type, (e.payload as { invitations: unknown[] }).invitations.length])).toEqual([
      ['INDUSTRY_DAY_RECORDED', 1],
      ['INDUSTRY_DAY_DELETED', 1],
    ])
    expect(await deleteIndustryDay(database.db, id, 1, context())).toMatchObject({ ok: false, notFound: true })
  })

  it('refuses a country the organisation does not know with a message, and writes nothing', async () => {
    const before = await database.db.industryDay.count()
    const outcome = await recordIndustryDay(database.db, thematicDay('2026-11-06', 'Optics', [['Lambda Ltd', 'GB'], ['Mu Corp', 'ZZ']]), context())
    expect(outcome).toMatchObject({ ok: false, formError: expect.stringMatching(/no longer in the organisation’s list/) })
    expect(await database.db.industryDay.count()).toBe(before)
    expect(await database.db.auditEvent.count({ where: { type: 'INDUSTRY_DAY_RECORDED', payload: { path: ['theme'], equals: 'Optics' } } })).toBe(0)
  })

  it('refuses an unknown country code in the form on its line, with the countries of the database', async () => {
    const codes = (await loadIndustryDayCountries(database.db)).map((c) => c.code)
    const form = new FormData()
    form.set('kind', 'THEMATIC')
    form.set('heldOn', '2026-11-07')
    form.set('theme', 'Optics')
    form.set('companies', 'Lambda Ltd; GB\n\nMu Corp; ZZ\nNu Inc US\n Xi SA ; fr ')
    const submission = parseForm(form, { schema: industryDaySchema(codes) })
    expect(submission.status !== 'success' && submission.error).toEqual({
      companies: ['Line 3: the country code “ZZ” is not one the organisation knows.', 'Line 4: write the company, a semicolon and its country code, e.g. “Acme SA; FR”.'],
    })
    form.set('companies', 'Lambda Ltd; GB\n\n Xi   SA ; fr ')
    const fixed = parseForm(form, { schema: industryDaySchema(codes) })
    expect(fixed.status === 'success' && fixed.value).toEqual({
      kind: 'THEMATIC',
      heldOn: '2026-11-07',
      countryCode: null,
      theme: 'Optics',
      invitations: [
        { companyName: 'Lambda Ltd', countryCode: 'GB' },
        { companyName: 'Xi SA', countryCode: 'FR' },
      ],
    })
  })

  it('sums this year up for the dashboard', async () => {
    const summary = await loadIndustryDaySummary(database.db, NOW)
    vitestExpect(summary).toMatchObject({ year: 2026, targetApplies: true, target: { percent: 25 } })
    // The days of the earlier tests: the 2026 country days (PL, PL, NO, CH) and GR, made a country day.
    vitestExpect(summary.countryDays).toMatchObject({ targeted: 3, counted: 5, percent: 60, meetsTarget: true })
    vitestExpect(await loadIndustryDaySummary(database.db, new Date('2031-06-01T10:00:00Z'))).toMatchObject({ year: 2031, countryDays: null, invitations: null })
  })

  it('seeds the demo days once, labelled demo', async () => {
    const before = await database.db.industryDay.count()
    expect(await seedDemoIndustryDays(database.db)).toBe(15)
    expect(await seedDemoIndustryDays(database.db)).toBe(0)
    expect(await database.db.industryDay.count({ where: { isDemo: true } })).toBe(15)
    expect(await database.db.industryDay.count()).toBe(before + 15)
  })
})
