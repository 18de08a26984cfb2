import { describe, expect, it } from 'vitest'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { testDatabaseKind } from '../../../tests/support/database'
import { justificationFields, ok } from '../../../tests/support/workflow'
import { createJustification } from '~/justifications/create-justification.server'
import { editJustification } from '~/justifications/edit-justification.server'
import { loadSubmissionReview } from '~/justifications/load-submission-review.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { loadFilingTimeReturn } from '../views/filing-time.server.ts'
import { useReturnTestDatabase } from '../test-support.ts'
import { saidDeep } from '~/i18n/said.test-support'
import { importSuppliersCsv } from './import-suppliers.server.ts'
import { listPassedOverSuppliers } from './list-passed-over.server.ts'
import { suggestionBandsOf } from './supplier-suggestions.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }

describe(`supplier suggestions at filing and submission (${testDatabaseKind()})`, () => {
  const database = useReturnTestDatabase({ andThen: async (db) => void (await seedReturnDemoData(db, { now: NOW, contractsPerYear: 60 })) })

  it('a supplier in a well balanced country needs the reason why the registered ones in very poorly balanced countries cannot deliver; both are kept', async () => {
    const db = database.db
    const data = await loadFilingTimeReturn(db, NOW)
    const bands = suggestionBandsOf(data)
    const well = data.countries.find((c) => bands.bandOf(c.code, 'SUPPLIES') === 'WELL')!
    const veryPoorly = data.veryPoorly[0]!
    expect(well).toBeDefined()
    expect(veryPoorly).toBeDefined()
    const csv = ['name,establishment_country_iso2,origin_countries_iso2,activity_codes', `Far Away Vacuum Ltd,${veryPoorly.countryCode},,38000000`, `Elsewhere Optics Ltd,${veryPoorly.countryCode},,31000000`].join('\n')
    expect(await importSuppliersCsv(db, csv, { fileName: 'register.csv', actorId: database.officerId, now: NOW })).toMatchObject({ ok: true, registered: 2 })

    const group = await db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const rita = await db.person.findUniqueOrThrow({ where: { email: 'rita.romano@example.org' } })
    const actor = { id: rita.id, origin }
    const fields = justificationFields({ groupId: group.id, supplierName: 'Near Vacuum GmbH', supplierCountryCode: well.code, originCountryCode: well.code, activityCode: '38000000', amount: 2_000_000 })
    const { id } = ok(await createJustification(db, { fields, actor, now: NOW }))

    const review = await loadSubmissionReview(db, { sessionId: 'test', id: rita.id, email: rita.email, name: rita.name, groupId: rita.groupId, isProcurementOfficer: false, isAdministrator: false, preferredLanguage: null }, id, NOW)
    expect(saidDeep('en', review)).toMatchObject({
      outcome: 'EDITABLE',
      facts: { activityCode: '38000000', alternativeSuppliers: [{ name: 'Far Away Vacuum Ltd', country: veryPoorly.name }], alternativeSuppliersReason: null },
      assessment: { ok: false, message: expect.stringMatching(/say why none of them can deliver/) },
    })
    const refused = await submitJustification(db, { id, actor, now: NOW })
    expect(saidDeep('en', refused)).toMatchObject({ ok: false, kind: 'INVALID', fieldErrors: { alternativeSuppliersReason: [expect.stringMatching(/say why none of them can deliver/)] } })
    expect((await db.justification.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT')

    const reason = 'Their pumps are not rated for the bake-out temperature of the installed line.'
    ok(await editJustification(db, { id, rowVersion: 1, fields: { ...fields, alternativeSuppliersReason: reason }, actor, now: NOW }))
    ok(await submitJustification(db, { id, actor, now: NOW }))
    expect(await db.justification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'AWAITING_SIGNATURE',
      alternativeSuppliersReason: reason,
      alternativeSuppliers: [{ name: 'Far Away Vacuum Ltd', countryCode: veryPoorly.countryCode }],
    })
  })

  it('no suggestion, no reason needed: another activity, or a supplier in a country not well balanced', async () => {
    const db = database.db
    const data = await loadFilingTimeReturn(db, NOW)
    const group = await db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const rita = await db.person.findUniqueOrThrow({ where: { email: 'rita.romano@example.org' } })
    const actor = { id: rita.id, origin }
    const veryPoorly = data.veryPoorly[0]!.countryCode
    const { id } = ok(
      await createJustification(db, { fields: justificationFields({ groupId: group.id, supplierName: 'Local Vacuum SA', supplierCountryCode: veryPoorly, originCountryCode: veryPoorly, activityCode: '38000000', amount: 2_000_000 }), actor, now: NOW }),
    )
    ok(await submitJustification(db, { id, actor, now: NOW }))
    expect(await db.justification.findUniqueOrThrow({ where: { id } })).toMatchObject({ alternativeSuppliers: [], alternativeSuppliersReason: null })
  })

  it('procurement’s list holds the submissions that passed over such suppliers, and only those', async () => {
    const listed = await listPassedOverSuppliers(database.db)
    expect(listed).toEqual([
      expect.objectContaining({
        title: 'Cryocooler heads for the test bench',
        supplier: expect.stringMatching(/^Near Vacuum GmbH \(/),
        activityCode: '38000000',
        alternatives: [expect.stringMatching(/^Far Away Vacuum Ltd \(/)],
        reason: 'Their pumps are not rated for the bake-out temperature of the installed line.',
        status: expect.any(String),
      }),
    ])
  })
})
