import { describe, expect, test } from 'vitest'
import { testDatabaseKind } from '../../tests/support/database'
import { translatorFor } from '~/i18n/i18n.server'
import { translated } from './views/format.ts'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import { APP_URL, useReturnTestDatabase } from './test-support.ts'
import { publishReturnPolicy } from './publish-return-policy.server.ts'
import { PublishReturnPolicySchema, type PublishReturnPolicyInput } from './return-policy-form.ts'
import { loadReturnPolicy } from './return-policy.server.ts'
import { loadReturnPolicyVersions } from './return-policy-versions.server.ts'
import { loadAmsCeilings } from './views/ams-ceilings.server.ts'
import { loadFilingTimeReturn } from './views/filing-time.server.ts'

const NOW = new Date('2026-06-15T10:00:00Z')

// Messages travel as keys: read them as an English (or French) reader would.
const inLanguage = (language: 'en' | 'fr') => (text: string) => translated(translatorFor(language, 'industrial-return'), text).replaceAll('\u00a0', ' ')
const english = inLanguage('en')
const readOutcome = <T,>(outcome: T): T =>
  outcome && typeof outcome === 'object' && 'fieldErrors' in outcome
    ? { ...outcome, fieldErrors: Object.fromEntries(Object.entries(outcome.fieldErrors as Record<string, string[]>).map(([field, texts]) => [field, texts.map(english)])) }
    : outcome

const form = (overrides: Record<string, string> = {}): Omit<PublishReturnPolicyInput, 'intent'> => {
  const parsed = PublishReturnPolicySchema.safeParse({
    intent: 'publish',
    effectiveFrom: '2026-06-15',
    suppliesVeryPoorlyBelow: '0.40',
    suppliesPoorlyBelow: '1.00',
    servicesPoorlyBelow: '0.40',
    windowYears: '4',
    baselineStatusYear: '2021',
    baselineCount: '6',
    targetStatusYear: '2025',
    targetCount: '3',
    startsOn: '2021-01-01',
    deadline: '2025-12-31',
    digestFrequency: 'MONTHLY',
    amsCeilings: '',
    ...overrides,
  })
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  const { intent: _intent, ...input } = parsed.data
  return input
}

describe('the spread policy form', () => {
  test('reads ceilings one a line and reports a bad line by its number', () => {
    expect(form({ amsCeilings: 'br 2024 1.50\nUA, 2024, 2\n\n' }).amsCeilings).toEqual([
      { countryCode: 'BR', year: 2024, ceiling: '1.50' },
      { countryCode: 'UA', year: 2024, ceiling: '2' },
    ])
    const bad = PublishReturnPolicySchema.safeParse({ ...form(), intent: 'publish', windowYears: '4', baselineStatusYear: '2021', baselineCount: '6', targetStatusYear: '2025', targetCount: '3', amsCeilings: 'BR 2024 1.5\nBrazil 1.5\nBR 2024 2' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => english(i.message))).toEqual([
      'Line 2 (“Brazil 1.5”): write the country code, the year and the ceiling, like “BR 2024 1.50”.',
      'Line 3: BR already has a ceiling for 2024 on an earlier line.',
    ])
    expect(bad.error?.issues.map((i) => inLanguage('fr')(i.message))[0]).toBe('Ligne 2 (« Brazil 1.5 ») : écrivez le code du pays, l’année et le plafond, comme « BR 2024 1.50 ».')
  })

  test('refuses bands out of order and a target before its baseline', () => {
    const bad = PublishReturnPolicySchema.safeParse({ ...form(), intent: 'publish', windowYears: '4', baselineStatusYear: '2025', baselineCount: '6', targetStatusYear: '2021', targetCount: '3', suppliesVeryPoorlyBelow: '1.00', suppliesPoorlyBelow: '0.40', amsCeilings: '' })
    expect(bad.error?.issues.map((i) => [i.path.join('.'), english(i.message)])).toEqual([
      ['suppliesPoorlyBelow', 'The poorly balanced line must be above the very poorly balanced one.'],
      ['targetStatusYear', 'The target comes after the baseline.'],
    ])
  })
})

describe(`publishing the spread policy (${testDatabaseKind()})`, () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW, contractsPerYear: 40 })) })
  const actor = () => ({ actorId: database.officerId, now: NOW, appUrl: APP_URL })

  test('refuses a version dated before today, and a ceiling for a country that is not an Associate in that year; nothing written', async () => {
    const db = database.db
    expect(readOutcome(await publishReturnPolicy(db, form({ effectiveFrom: '2026-06-14' }), actor()))).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: [expect.stringMatching(/today \(15 Jun 2026\) or later/)] } })
    expect(readOutcome(await publishReturnPolicy(db, form({ amsCeilings: 'FR 2024 1.00\nBR 2023 1.00\nZZ 2024 1' }), actor()))).toEqual({
      ok: false,
      fieldErrors: {
        amsCeilings: [
          'BR 2023: Brazil is not an Associate Member State in 2023, so it has no ceiling that year.',
          'FR 2024: France is not an Associate Member State in 2024, so it has no ceiling that year.',
          'ZZ 2024: no country has the code ZZ.',
        ],
      },
    })
    expect(await db.returnPolicy.count()).toBe(1)
    expect(await db.auditEvent.count({ where: { type: 'RETURN_POLICY_PUBLISHED' } })).toBe(0)
  })

  test('publishes the next version from its date, audited, with ceilings that mark an Associate at its ceiling and warn at filing', async () => {
    const db = database.db
    const outcome = await publishReturnPolicy(db, form({ amsCeilings: 'BR 2024 0.01\nBR 2026 0.01\nUA 2024 40', digestFrequency: 'QUARTERLY' }), actor())
    expect(outcome).toEqual({ ok: true, version: 2 })
    const policy = await loadReturnPolicy(db, NOW)
    expect(policy).toMatchObject({ version: '2', effectiveFrom: '2026-06-15', digestFrequency: 'QUARTERLY', veryPoorlyTarget: { targetCount: 3, deadline: '2025-12-31' } })
    // Unchanged lines keep their bands' version.
    expect(policy.bands.version).toBe('cern-industrial-return-2021')
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: 'RETURN_POLICY_PUBLISHED' } })
    expect(audit).toMatchObject({ subject: 'return-policy:2', actorId: database.officerId })
    expect(audit.payload).toMatchObject({ version: 2, effectiveFrom: '2026-06-15', amsCeilings: [{ countryCode: 'BR', year: 2024, ceiling: '0.01' }, { countryCode: 'BR', year: 2026, ceiling: '0.01' }, { countryCode: 'UA', year: 2024, ceiling: '40' }] })

    const ceilings = await loadAmsCeilings(db, NOW, 2024)
    expect(ceilings.rows.map((r) => [r.countryCode, r.ceiling, r.reachedIn])).toEqual([
      ['BR', '0.01', ['SUPPLIES', 'SERVICES']],
      ['UA', '40.00', []],
    ])
    // The year's own coefficient needs the year's scale: without one, nothing is at its ceiling.
    expect((await loadFilingTimeReturn(db, NOW)).atCeiling).toEqual([])
    const scale2025 = await db.contributionScale.findUniqueOrThrow({ where: { year: 2025 } })
    await db.contributionScale.create({ data: { year: 2026, shares: scale2025.shares ?? [], source: 'test', isDemo: true } })
    const filing = await loadFilingTimeReturn(db, NOW)
    expect(filing.ceilingYear).toBe(2026)
    expect(filing.atCeiling.map((r) => r.countryCode)).toEqual(['BR'])

    const versions = await loadReturnPolicyVersions(db, NOW)
    expect(versions.map((v) => [v.version, v.inForce])).toEqual([
      ['2', true],
      ['1', false],
    ])
    const taken = await publishReturnPolicy(db, form(), actor())
    expect(readOutcome(taken)).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: ['A version already takes effect on 15 Jun 2026. Choose another day.'] } })
    expect(!taken.ok && inLanguage('fr')(taken.fieldErrors.effectiveFrom![0]!)).toBe('Une version prend déjà effet le 15 juin 2026. Choisissez un autre jour.')
  })

  test('new band lines get a version of their own, scheduled from a later date', async () => {
    const db = database.db
    expect(await publishReturnPolicy(db, form({ effectiveFrom: '2026-09-01', suppliesVeryPoorlyBelow: '0.50' }), actor())).toEqual({ ok: true, version: 3 })
    expect((await loadReturnPolicy(db, NOW)).version).toBe('2')
    const later = await loadReturnPolicy(db, new Date('2026-09-01T12:00:00Z'))
    expect(later.bands).toMatchObject({ version: 'spread-policy-3', SUPPLIES: [{ band: 'VERY_POORLY', below: '0.50' }, { band: 'POORLY', below: '1.00' }, { band: 'WELL', below: null }] })
  })
})
