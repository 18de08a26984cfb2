import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { testDatabaseKind } from '../../../tests/support/database'
import { justificationFields, ok } from '../../../tests/support/workflow'
import { createJustification } from '~/justifications/create-justification.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import { awardJustification } from '../ledger/award-justification.server.ts'
import { APP_URL, createApprovedJustification, useReturnTestDatabase } from '../test-support.ts'
import { importSuppliersCsv } from './import-suppliers.server.ts'

const NOW = new Date('2026-11-26T10:00:00Z')
const HEADER = 'name,establishment_country_iso2,origin_countries_iso2,activity_codes'

describe(`the supplier register (${testDatabaseKind()})`, () => {
  const database = useReturnTestDatabase()
  const importFile = (text: string) => importSuppliersCsv(database.db, text, { fileName: 'suppliers.csv', actorId: database.officerId, now: NOW })
  const register = async () =>
    (await database.db.supplier.findMany({ orderBy: { normalizedName: 'asc' } })).map((s) => ({
      name: s.name,
      normalizedName: s.normalizedName,
      establishmentCountryCode: s.establishmentCountryCode,
      originCountryCodes: s.originCountryCodes,
      activityCodes: s.activityCodes,
      source: s.source,
    }))

  it('imports valid lines, reports each refused line with why, and a second import of the same file changes nothing', async () => {
    const file = [HEADER, 'Lisboa Vácuo Lda,PT,PT,38000000', 'Vakuum Technik GmbH,DE,DE;AT,38000000;42000000', 'Nowhere Ltd,ZZ,,', 'VAKUUM-TECHNIK AG,DE,,'].join('\n')
    const first = await importFile(file)
    expect(first).toEqual({
      ok: true,
      registered: 2,
      updated: 0,
      unchanged: 0,
      refused: [
        { line: 4, name: 'Nowhere Ltd', message: 'Unknown country code ZZ.' },
        { line: 5, name: 'VAKUUM-TECHNIK AG', message: 'The same supplier as line 3.' },
      ],
    })
    expect(await register()).toEqual([
      { name: 'Lisboa Vácuo Lda', normalizedName: 'lisboa vacuo', establishmentCountryCode: 'PT', originCountryCodes: ['PT'], activityCodes: ['38000000'], source: 'CSV' },
      { name: 'Vakuum Technik GmbH', normalizedName: 'vakuum technik', establishmentCountryCode: 'DE', originCountryCodes: ['DE', 'AT'], activityCodes: ['38000000', '42000000'], source: 'CSV' },
    ])
    const again = await importFile(file)
    expect(again).toMatchObject({ ok: true, registered: 0, updated: 0, unchanged: 2 })
    expect(await database.db.supplier.count()).toBe(2)

    const changed = await importFile([HEADER, '"LISBOA VACUO, LDA.",PT,PT;ES,38000000'].join('\n'))
    expect(changed).toMatchObject({ ok: true, registered: 0, updated: 1, unchanged: 0, refused: [] })
    expect((await register())[0]).toMatchObject({ name: 'LISBOA VACUO, LDA.', originCountryCodes: ['PT', 'ES'] })
    const events = await database.db.auditEvent.findMany({ where: { type: { in: ['SUPPLIER_REGISTERED', 'SUPPLIER_UPDATED', 'SUPPLIER_IMPORT_RUN'] } }, orderBy: { id: 'asc' } })
    expect(events.map((e) => e.type)).toEqual(['SUPPLIER_REGISTERED', 'SUPPLIER_REGISTERED', 'SUPPLIER_IMPORT_RUN', 'SUPPLIER_IMPORT_RUN', 'SUPPLIER_UPDATED', 'SUPPLIER_IMPORT_RUN'])
    expect(events.at(-2)!.payload).toMatchObject({ via: 'CSV', changes: { name: { from: 'Lisboa Vácuo Lda', to: 'LISBOA VACUO, LDA.' }, originCountryCodes: { from: ['PT'], to: ['PT', 'ES'] } } })
  })

  it('refuses a file without its header or with a NUL character, and writes nothing', async () => {
    const before = await database.db.supplier.count()
    expect(await importFile('Acme,CH,,\n')).toMatchObject({ ok: false, error: expect.stringMatching(/must name the columns/) })
    expect(await importFile(`${HEADER}\nAc\u0000me,CH,,`)).toMatchObject({ ok: false, error: expect.stringMatching(/NUL character/) })
    expect(await database.db.supplier.count()).toBe(before)
  })

  it('grows from a submitted justification, then completes the entry from another one, by normalised name', async () => {
    const db = database.db
    const group = await db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const rita = await db.person.findUniqueOrThrow({ where: { email: 'rita.romano@example.org' } })
    const actor = { id: rita.id, origin: { ipAddress: '127.0.0.1', userAgent: 'vitest' } }
    const file = async (overrides: Parameters<typeof justificationFields>[0]) => ok(await createJustification(db, { fields: justificationFields(overrides), actor, now: NOW }))
    const first = await file({ groupId: group.id, supplierName: 'Cryo Instruments AG', supplierCountryCode: 'CH', originCountryCode: 'DE', activityCode: '38000000', amount: 500_000 })
    expect(await db.supplier.findUnique({ where: { normalizedName: 'cryo instruments' } })).toBeNull()
    ok(await submitJustification(db, { id: first.id, actor, now: NOW }))
    expect(await db.supplier.findUniqueOrThrow({ where: { normalizedName: 'cryo instruments' } })).toMatchObject({
      name: 'Cryo Instruments AG',
      establishmentCountryCode: 'CH',
      originCountryCodes: ['DE'],
      activityCodes: ['38000000'],
      source: 'JUSTIFICATION',
    })
    const second = await file({ groupId: group.id, supplierName: 'CRYO-INSTRUMENTS S.A.', supplierCountryCode: 'FR', originCountryCode: 'FR', activityCode: '42000000', amount: 400_000 })
    ok(await submitJustification(db, { id: second.id, actor, now: NOW }))
    expect(await db.supplier.findMany({ where: { normalizedName: 'cryo instruments' } })).toEqual([
      expect.objectContaining({ name: 'Cryo Instruments AG', establishmentCountryCode: 'CH', originCountryCodes: ['DE', 'FR'], activityCodes: ['38000000', '42000000'] }),
    ])
    const updated = await db.auditEvent.findFirstOrThrow({ where: { type: 'SUPPLIER_UPDATED', subject: 'supplier:cryo instruments' } })
    expect(updated.payload).toMatchObject({ via: 'JUSTIFICATION', justificationId: second.id, changes: { activityCodes: { from: ['38000000'], to: ['38000000', '42000000'] } } })
  })

  it('grows from an award', async () => {
    const justification = await createApprovedJustification(database.db, { supplierCountryCode: 'IT', originCountryCode: 'IT', amountMinor: 1_200_000 })
    const outcome = await awardJustification(database.db, justification.id, { orderNumber: 'PO-SUP-1', awardedOn: '2026-06-01', amount: '12000' }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })
    expect(outcome).toMatchObject({ ok: true })
    expect(await database.db.supplier.findUniqueOrThrow({ where: { normalizedName: 'test supplier' } })).toMatchObject({ establishmentCountryCode: 'IT', originCountryCodes: ['IT'], activityCodes: [], source: 'AWARD' })
  })
})
