// Demo data of the geographic spread: the real 2009 contribution scale, made-up ("demo") scales and
// contracts for recent years so the dashboard has something to show, and the spread policy.
// Idempotent: keyed by year and order number; nothing procurement entered is overwritten.
import type { Database } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { establishBandBaseline } from '~/industrial-return/alerts/establish-band-baseline.server'
import { dateColumn } from '~/calendar/date-column'
import { DEFAULT_RETURN_POLICY } from '~/industrial-return/return-policy'
import { rebuildRollup } from '~/industrial-return/ledger/rollup.server'
import { syncMembershipToday } from '~/industrial-return/membership/membership-history.server'

type Membership = 'MEMBER' | 'ASSOCIATE' | 'OTHER'

/**
 * Membership over time (issue 13.6), with the dates that are public: Brazil became an Associate
 * Member State on 13 March 2024 (issue 13); Serbia an Associate in the pre-stage to membership on
 * 15 March 2012 (CERN International Relations) and a Member State on 24 March 2019 (CERN press
 * release of that day); Lithuania an Associate on 8 January 2018 (CERN update of that day); Estonia
 * an Associate in the pre-stage on 1 February 2021 and a Member State on 30 August 2024 (CERN press
 * release, 30 August 2024); Slovenia a Member State on 21 June 2025 (CERN press release, 23 June
 * 2025), an Associate in the pre-stage before it (its first contribution scale is 2017's; the day it
 * started is not in the sources we read, so that row is undated). Latvia's and Croatia's dates as
 * Associates were not found in a source we could read: they keep today's membership, undated, for
 * procurement to date on /industrial-return/membership. Every other country also keeps today's
 * membership, undated ("before the dated history starts").
 */
export const DATED_MEMBERSHIP: Record<string, { before: Membership; changes: [Membership, string, string][] }> = {
  BR: { before: 'OTHER', changes: [['ASSOCIATE', '2024-03-13', 'Associate Member State since 13 March 2024 (issue 13)']] },
  RS: {
    before: 'OTHER',
    changes: [
      ['ASSOCIATE', '2012-03-15', 'Associate Member State in the pre-stage to membership since 15 March 2012 (CERN International Relations)'],
      ['MEMBER', '2019-03-24', 'Member State since 24 March 2019 (CERN press release, 24 March 2019)'],
    ],
  },
  LT: { before: 'OTHER', changes: [['ASSOCIATE', '2018-01-08', 'Associate Member State since 8 January 2018 (CERN update, 8 January 2018)']] },
  EE: {
    before: 'OTHER',
    changes: [
      ['ASSOCIATE', '2021-02-01', 'Associate Member State in the pre-stage to membership since 1 February 2021 (CERN press release, 30 August 2024)'],
      ['MEMBER', '2024-08-30', 'Member State since 30 August 2024 (CERN press release, 30 August 2024)'],
    ],
  },
  SI: { before: 'ASSOCIATE', changes: [['MEMBER', '2025-06-21', 'Member State since 21 June 2025 (CERN press release, 23 June 2025)']] },
}
export const UNDATED_STATUS_CHANGES = ['LV', 'HR']
const UNDATED_SOURCE = 'Membership before the dated history (seeded)'
const UNDATED_CHANGE_SOURCE = 'Changed status in recent years; the date is not in our sources (to be entered)'

/** Gives every country a membership history; a country whose history procurement already dated is left alone. */
export async function seedMembershipHistory(db: Database, now: Date): Promise<number> {
  const countries = await db.country.findMany({ select: { code: true, membership: true, memberships: { select: { id: true, effectiveFrom: true } } } })
  let created = 0
  for (const country of countries) {
    const dated = DATED_MEMBERSHIP[country.code]
    const undatedSource = UNDATED_STATUS_CHANGES.includes(country.code) ? UNDATED_CHANGE_SOURCE : UNDATED_SOURCE
    if (country.memberships.some((m) => m.effectiveFrom !== null)) continue
    const undated = country.memberships.find((m) => m.effectiveFrom === null)
    if (!undated) {
      await db.countryMembership.create({ data: { countryCode: country.code, membership: dated?.before ?? country.membership, effectiveFrom: null, source: undatedSource } })
      created++
    } else if (dated) {
      await db.countryMembership.update({ where: { id: undated.id }, data: { membership: dated.before, source: undatedSource } })
    }
    for (const [membership, effectiveFrom, source] of dated?.changes ?? []) {
      await db.countryMembership.create({ data: { countryCode: country.code, membership, effectiveFrom: dateColumn(effectiveFrom), source } })
      created++
    }
  }
  await syncMembershipToday(db, now)
  return created
}

/** CERN, "Facts and figures 2009" (press.cern): the only public scale at hand (shared/data/contributions-2009.csv). */
export const REAL_SCALE_2009 = {
  year: 2009,
  source: 'CERN, Facts and figures 2009 (real published scale)',
  shares: [
    ['AT', '2.24'], ['BE', '2.77'], ['BG', '0.22'], ['CZ', '1.15'], ['DK', '1.76'], ['FI', '1.55'], ['FR', '15.34'],
    ['DE', '19.88'], ['GR', '1.96'], ['HU', '0.78'], ['IT', '11.51'], ['NL', '4.79'], ['NO', '2.53'], ['PL', '2.85'],
    ['PT', '1.14'], ['SK', '0.54'], ['ES', '8.52'], ['SE', '2.76'], ['CH', '3.01'], ['GB', '14.70'],
  ] as [string, string][],
}

// Made-up percentages in hundredths of a point, shaped like a recent scale; labelled "demo" everywhere.
const DEMO_BASE_SHARES: [code: string, hundredths: number, fromYear?: number][] = [
  ['DE', 2050], ['GB', 1430], ['FR', 1360], ['IT', 1010], ['ES', 740], ['NL', 460], ['CH', 400], ['PL', 280],
  ['BE', 270], ['NO', 270], ['SE', 260], ['AT', 210], ['DK', 180], ['IL', 180], ['FI', 140], ['GR', 120],
  ['PT', 120], ['CZ', 110], ['RO', 110], ['HU', 60], ['SK', 50], ['BG', 30], ['RS', 20, 2019], ['SI', 20, 2017],
  ['EE', 10, 2024], ['IN', 30], ['TR', 20], ['PK', 10], ['UA', 10], ['LT', 10], ['HR', 10], ['LV', 5, 2021],
  ['CY', 5], ['IE', 5, 2025], ['BR', 15, 2024],
]
export const DEMO_SCALE_YEARS = { from: 2016, to: 2025 }

/**
 * How much each country's industry wins compared with what it pays (demo only): below 0.40 is very
 * poorly balanced. Those below improve a little every year, so the count per status year falls
 * roughly as the policy hopes (six, then fewer).
 */
const DEMO_RETURN_FACTOR: Record<string, number> = {
  CH: 3.2, FR: 1.9, DE: 0.85, IT: 1.25, GB: 0.8, ES: 0.55, NL: 0.7, PL: 0.6, BE: 0.95, NO: 0.38, SE: 0.75, AT: 1.0,
  DK: 0.62, IL: 0.36, FI: 0.9, GR: 0.3, PT: 0.4, CZ: 1.4, RO: 0.43, HU: 0.8, SK: 1.1, BG: 0.6, RS: 0.34, SI: 0.7,
  EE: 0.6, IN: 0.6, TR: 0.6, PK: 0.6, UA: 0.6, LT: 0.6, HR: 0.6, LV: 0.6, CY: 0.6, IE: 0.6, BR: 0.6,
}
const YEARLY_IMPROVEMENT = 0.014
const DEMO_YEARLY_TOTAL_CHF = 250_000_000
// Non-members win contracts too (they count in the totals only).
const DEMO_OTHER_SHARE: [string, number][] = [['US', 0.05], ['JP', 0.015], ['CN', 0.01], ['CA', 0.005]]

/** A small deterministic generator, so the demo is the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function demoScale(year: number) {
  const present = DEMO_BASE_SHARES.filter(([, , from]) => from === undefined || year >= from)
  // A slow drift so the years differ; then the largest share absorbs the rounding so the total is exactly 100.
  const drifted = present.map(([code, hundredths], i) => [code, Math.max(5, Math.round(hundredths * (1 + 0.01 * Math.sin(year + i))))] as const)
  const total = drifted.reduce((a, [, h]) => a + h, 0)
  const shares = drifted.map(([code, h], i) => [code, i === 0 ? h + 10_000 - total : h] as const)
  return shares.map(([countryCode, h]) => ({ countryCode, percent: (h / 100).toFixed(2) }))
}

export type ReturnSeedReport = { scalesCreated: number; contractsCreated: number; policyCreated: boolean; membershipsCreated: number }

export async function seedReturnDemoData(db: Database, { now = new Date(), contractsPerYear = 220, contracts = true } = {}): Promise<ReturnSeedReport> {
  const membershipsCreated = await seedMembershipHistory(db, now)
  let policyCreated = false
  if ((await db.returnPolicy.count()) === 0) {
    await db.returnPolicy.create({
      data: {
        version: 1,
        effectiveFrom: dateColumn('2021-01-01'),
        bands: DEFAULT_RETURN_POLICY.bands as unknown as Prisma.InputJsonValue,
        windowYears: DEFAULT_RETURN_POLICY.windowYears,
        veryPoorlyTarget: DEFAULT_RETURN_POLICY.veryPoorlyTarget as unknown as Prisma.InputJsonValue,
        digestFrequency: DEFAULT_RETURN_POLICY.digestFrequency,
        // No Associate ceilings: their values are not in our sources; procurement sets them on /industrial-return/policy.
        amsCeilings: [],
      },
    })
    policyCreated = true
  }

  let scalesCreated = 0
  const ensureScale = async (year: number, shares: { countryCode: string; percent: string }[], source: string, isDemo: boolean, budgetChfMinor: bigint | null) => {
    if (await db.contributionScale.findUnique({ where: { year }, select: { year: true } })) return
    await db.contributionScale.create({ data: { year, shares, source, isDemo, budgetChfMinor } })
    scalesCreated++
  }
  await ensureScale(REAL_SCALE_2009.year, REAL_SCALE_2009.shares.map(([countryCode, percent]) => ({ countryCode, percent })), REAL_SCALE_2009.source, false, null)
  for (let year = DEMO_SCALE_YEARS.from; year <= DEMO_SCALE_YEARS.to; year++) {
    const budget = BigInt(1_150_000_000 + (year - 2016) * 15_000_000) * 100n
    await ensureScale(year, demoScale(year), 'Demo figures (not a published scale)', true, budget)
  }

  const groups = await db.group.findMany({ select: { id: true, departmentId: true }, orderBy: { code: 'asc' } })
  const countries = new Set((await db.country.findMany({ select: { code: true } })).map((c) => c.code))
  let contractsCreated = 0
  if (contracts && groups.length > 0) {
    const random = prng(20_091_126)
    const lastYear = Number(now.toISOString().slice(0, 4))
    const rows: Prisma.ContractCreateManyInput[] = []
    for (let year = DEMO_SCALE_YEARS.from; year <= lastYear; year++) {
      const scale = demoScale(Math.min(year, DEMO_SCALE_YEARS.to))
      // Each country wins about (its contribution x its return factor) of the year's value, in a few contracts.
      const weights = scale
        .filter(({ countryCode }) => countries.has(countryCode))
        .map(({ countryCode, percent }) => {
          const factor = DEMO_RETURN_FACTOR[countryCode] ?? 0.5
          const improving = factor < 0.5 ? factor + YEARLY_IMPROVEMENT * (year - DEMO_SCALE_YEARS.from) : factor
          return [countryCode, Number(percent) * improving] as const
        })
      const memberTotal = weights.reduce((a, [, w]) => a + w, 0)
      const otherTotal = DEMO_OTHER_SHARE.reduce((a, [, s]) => a + s, 0)
      const all = [...weights, ...DEMO_OTHER_SHARE.filter(([c]) => countries.has(c)).map(([c, s]) => [c, (memberTotal * s) / (1 - otherTotal)] as const)]
      const grandTotal = all.reduce((a, [, w]) => a + w, 0)
      const yearTotal = year === lastYear ? (DEMO_YEARLY_TOTAL_CHF * (Number(now.toISOString().slice(5, 7)) - 1)) / 12 : DEMO_YEARLY_TOTAL_CHF
      const lastMonth = year === lastYear ? Math.max(1, Number(now.toISOString().slice(5, 7)) - 1) : 12
      let n = 0
      for (const [countryCode, weight] of all) {
        const target = (yearTotal * weight) / grandTotal
        const count = Math.max(3, Math.min(Math.round(contractsPerYear * (weight / grandTotal)), 40))
        for (let k = 0; k < count && target >= 1; k++) {
          n++
          const category = k % 3 === 2 ? 'SERVICES' : 'SUPPLIES'
          const group = groups[Math.floor(random() * groups.length)]!
          const amountChf = Math.max(100, Math.round((target / count) * (0.7 + 0.6 * random()) * 100))
          const inEuro = random() < 0.3
          const awardedOn = `${year}-${String(1 + Math.floor(random() * lastMonth)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
          const amountMinor = inEuro ? Math.round(amountChf / 0.94) : amountChf
          rows.push({
            orderNumber: `DEMO-${year}-${String(n).padStart(4, '0')}`,
            awardedOn: dateColumn(awardedOn),
            supplierName: `Demo supplier ${countryCode}-${1 + Math.floor(random() * 12)}`,
            originCountryCode: category === 'SUPPLIES' ? countryCode : null,
            establishmentCountryCode: countryCode,
            returnCountryCode: countryCode,
            category,
            amountMinor: BigInt(amountMinor),
            currency: inEuro ? 'EUR' : 'CHF',
            amountChfMinor: BigInt(inEuro ? Math.round((amountMinor * 94) / 100) : amountChf),
            exchangeRate: inEuro ? '0.94' : '1',
            exchangeRateDate: dateColumn(awardedOn),
            departmentId: group.departmentId,
            groupId: group.id,
            source: 'DEMO',
          })
        }
      }
    }
    for (let i = 0; i < rows.length; i += 1_000) {
      contractsCreated += (await db.contract.createMany({ data: rows.slice(i, i + 1_000), skipDuplicates: true })).count
    }
  }
  if (contractsCreated > 0) await db.$transaction((tx) => rebuildRollup(tx), { timeout: 120_000 })
  if (contracts) await seedDemoIndustryDays(db)
  // The demo starts from its own bands: alerts are for changes made after seeding, not for the demo itself.
  if ((await db.returnBandState.count()) === 0) await establishBandBaseline(db, now)
  return { scalesCreated, contractsCreated, policyCreated, membershipsCreated }
}

/**
 * Demo Industry Days (labelled "demo"), 2022-2025: country days and thematic days with invited
 * companies, so that the Industry Days page and the dashboard's line have figures. Made once: skipped
 * when any demo day exists, whatever procurement recorded or deleted since.
 */
const DEMO_INDUSTRY_DAYS: { heldOn: string; country?: string; theme?: string; companies?: string }[] = [
  { heldOn: '2022-03-22', country: 'GR' },
  { heldOn: '2022-05-17', country: 'PL' },
  { heldOn: '2022-06-14', theme: 'Cryogenics', companies: 'GR GR PT CH DE FR IT NO' },
  { heldOn: '2022-09-27', country: 'ES' },
  { heldOn: '2022-11-08', country: 'NO' },
  { heldOn: '2023-02-14', country: 'PT' },
  { heldOn: '2023-04-25', country: 'DE' },
  { heldOn: '2023-06-20', theme: 'Vacuum technologies', companies: 'RS CH CH DE FR IL' },
  { heldOn: '2023-10-10', country: 'RS' },
  { heldOn: '2024-03-19', country: 'IL' },
  { heldOn: '2024-05-28', theme: 'Civil engineering', companies: 'FR FR CH IT ES PT NO GR' },
  { heldOn: '2024-09-24', country: 'FR' },
  { heldOn: '2025-04-08', country: 'RO' },
  { heldOn: '2025-06-17', theme: 'Radiofrequency', companies: 'DE CH IT PL RO GR' },
  { heldOn: '2025-10-21', country: 'GR' },
]

export async function seedDemoIndustryDays(db: Database): Promise<number> {
  if (await db.industryDay.findFirst({ where: { isDemo: true }, select: { id: true } })) return 0
  const known = new Set((await db.country.findMany({ select: { code: true } })).map((c) => c.code))
  let created = 0
  for (const day of DEMO_INDUSTRY_DAYS) {
    const companies = (day.companies?.split(' ') ?? []).filter((code) => known.has(code))
    if (day.country && !known.has(day.country)) continue
    await db.industryDay.create({
      data: {
        heldOn: dateColumn(day.heldOn),
        kind: day.country ? 'COUNTRY' : 'THEMATIC',
        countryCode: day.country ?? null,
        theme: day.theme ?? null,
        isDemo: true,
        invitations: { createMany: { data: companies.map((countryCode, position) => ({ position, countryCode, companyName: `Demo company ${countryCode}-${position + 1}` })) } },
      },
    })
    created++
  }
  return created
}
