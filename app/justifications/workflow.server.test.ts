import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { justificationFields, ok, threeTierPolicy } from '../../tests/support/workflow'
import { createJustification } from './create-justification.server'
import { decideJustification } from './decide-justification.server'
import { editJustification } from './edit-justification.server'
import type { JustificationFields } from './prepare-fields.server'
import { submitJustification } from './submit-justification.server'
import { withdrawJustification } from './withdraw-justification.server'
import { publishPolicy } from './signature-policy.server'
import { CHANGED_MEANWHILE } from './transition.server'
import { saidDeep } from '~/i18n/said.test-support'

const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }

describe(`the justification workflow, persisted (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const ids: Record<string, string> = {}
  let groupId: string
  const now = new Date('2026-11-26T09:00:00Z')

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    for (const person of await database.db.person.findMany()) ids[person.email.split('@')[0]!] = person.id
    groupId = (await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })).id
  })
  afterAll(async () => database?.drop())

  const actor = (name: string) => ({ id: ids[name]!, origin })
  const fields = (overrides: Partial<JustificationFields> = {}) => justificationFields({ groupId, ...overrides })
  const file = async (requester: string, overrides: Partial<JustificationFields> = {}) =>
    ok(await createJustification(database.db, { fields: fields(overrides), actor: actor(requester), now }))
  const trail = async (id: string) =>
    (await database.db.auditEvent.findMany({ where: { subject: `justification:${id}` }, orderBy: { id: 'asc' } })).map((e) => e.type)
  const row = (id: string) => database.db.justification.findUniqueOrThrow({ where: { id } })

  test('60 000 CHF: the group leader, then the department head sign; each is emailed, the requester hears of each decision', async () => {
    const { id } = await file('rita.romano')
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    expect(await row(id)).toMatchObject({ status: 'AWAITING_SIGNATURE', awaitingPersonId: ids['marta.mendes'], policyVersion: 1, amountChfMinor: 6_000_000n, exchangeRate: '1' })

    const signedByMarta = ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now }))
    expect(signedByMarta.status).toBe('AWAITING_SIGNATURE')
    expect((await row(id)).awaitingPersonId).toBe(ids['elena.navarro'])
    ok(await decideJustification(database.db, { id, actor: actor('elena.navarro'), decision: { kind: 'sign', comment: 'Fine.' }, now }))
    expect(await row(id)).toMatchObject({ status: 'APPROVED', awaitingPersonId: null })

    expect(await trail(id)).toEqual(['JUSTIFICATION_CREATED', 'JUSTIFICATION_SUBMITTED', 'STEP_ASSIGNED', 'STEP_SIGNED', 'STEP_ASSIGNED', 'STEP_SIGNED', 'JUSTIFICATION_APPROVED'])
    const emails = await database.db.outboxMessage.findMany({ where: { subject: { contains: (await row(id)).reference } }, orderBy: { createdAt: 'asc' } })
    expect(emails.map((e) => `${e.template} → ${e.toAddress}`).sort()).toEqual([
      'justification-approved → rita.romano@example.org',
      'justification-signed → rita.romano@example.org',
      'signature-requested → elena.navarro@example.org',
      'signature-requested → marta.mendes@example.org',
    ])
    expect(await database.db.justificationSignatory.count({ where: { justificationId: id } })).toBe(2)
  })

  test.each([
    [1_000_000, 'APPROVED', []],
    [1_000_001, 'AWAITING_SIGNATURE', ['marta.mendes']],
    [5_000_000, 'AWAITING_SIGNATURE', ['marta.mendes']],
    [5_000_001, 'AWAITING_SIGNATURE', ['marta.mendes', 'elena.navarro']],
  ] as const)('%i centimes: %s, chain %j', async (amount, status, chain) => {
    const { id } = await file('rita.romano', { amount, supplierName: `Boundary ${amount}` })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    const stored = await row(id)
    expect(stored.status).toBe(status)
    const snapshot = stored.snapshot as { context: { chain: { signatoryId: string }[]; approvedWithoutSignature: boolean } }
    expect(snapshot.context.chain.map((s) => s.signatoryId)).toEqual(chain.map((name) => ids[name]))
    expect(snapshot.context.approvedWithoutSignature).toBe(chain.length === 0)
  })

  test('a euro amount is compared in CHF at the stored rate: EUR 10 624.73 at 0.9412 is CHF 10 000.00, no signature', async () => {
    const { id } = await file('rita.romano', { amount: 1_062_473, currency: 'EUR', supplierName: 'Euro boundary' })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    expect(await row(id)).toMatchObject({ status: 'APPROVED', amountChfMinor: 1_000_000n, exchangeRate: '0.9412' })
    const { id: above } = await file('rita.romano', { amount: 1_062_474, currency: 'EUR', supplierName: 'Euro boundary 2' })
    ok(await submitJustification(database.db, { id: above, actor: actor('rita.romano'), now }))
    expect(await row(above)).toMatchObject({ status: 'AWAITING_SIGNATURE', amountChfMinor: 1_000_001n })
  })

  test('two decisions on one step at once: one wins, one audit event, the other hears the justification changed', async () => {
    const { id } = await file('rita.romano', { supplierName: 'Race Ltd' })
    const submitted = ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    const results = await Promise.all([
      decideJustification(database.db, { id, rowVersion: submitted.rowVersion, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now }),
      decideJustification(database.db, { id, rowVersion: submitted.rowVersion, actor: actor('marta.mendes'), decision: { kind: 'reject', reason: 'Too expensive.' }, now }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, kind: 'CONFLICT', message: CHANGED_MEANWHILE })
    const decisions = (await trail(id)).filter((type) => type === 'STEP_SIGNED' || type === 'JUSTIFICATION_REJECTED')
    expect(decisions).toHaveLength(1)
    expect((await row(id)).rowVersion).toBe(submitted.rowVersion + 1)
  })

  test('twenty identical clicks without a version (as from one email link) still make one decision', async () => {
    const { id } = await file('rita.romano', { supplierName: 'Clicky GmbH' })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    const results = await Promise.all(Array.from({ length: 20 }, () => decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await trail(id)).filter((type) => type === 'STEP_SIGNED')).toHaveLength(1)
  })

  test('a group leader filing for their own group is signed by their deputy instead, and the trail says why', async () => {
    const { id } = await file('marta.mendes', { supplierName: 'Self GmbH', amount: 2_000_000 })
    ok(await submitJustification(database.db, { id, actor: actor('marta.mendes'), now }))
    expect((await row(id)).awaitingPersonId).toBe(ids['mikko.makinen'])
    const assigned = await database.db.auditEvent.findFirstOrThrow({ where: { subject: `justification:${id}`, type: 'STEP_ASSIGNED' } })
    expect(assigned.payload).toMatchObject({ signatoryId: ids['mikko.makinen'], reason: 'DEPUTY_FOR_SELF_APPROVAL' })
    expect(JSON.stringify(assigned.payload)).toMatch(/Marta Mendes/)
    const refused = await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now })
    expect(refused).toMatchObject({ ok: false, kind: 'REFUSED' })
  })

  test('an absent signatory’s step goes to the deputy named for the absence', async () => {
    await database.db.absence.create({
      data: { personId: ids['luca.leone']!, startsOn: new Date('2026-11-20T00:00:00Z'), endsOn: new Date('2026-11-30T00:00:00Z'), deputyId: ids['lena.lindqvist']! },
    })
    const elGroup = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-EL' } })
    const { id } = await file('emil.eriksen', { groupId: elGroup.id, supplierName: 'Absent AG', amount: 2_000_000 })
    ok(await submitJustification(database.db, { id, actor: actor('emil.eriksen'), now }))
    expect((await row(id)).awaitingPersonId).toBe(ids['lena.lindqvist'])
  })

  test('a new policy version applies to later submissions only; one in flight keeps its chain', async () => {
    const { id: inFlight } = await file('rita.romano', { supplierName: 'Before policy' })
    ok(await submitJustification(database.db, { id: inFlight, actor: actor('rita.romano'), now }))
    await publishPolicy(
      database.db,
      threeTierPolicy({ effectiveFrom: '2026-11-26', splitPurchaseWindowDays: 90, financeCommitteeAboveChfMinor: 5_500_000 }),
      actor('alex.admin'),
      now,
    )
    ok(await decideJustification(database.db, { id: inFlight, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now }))
    ok(await decideJustification(database.db, { id: inFlight, actor: actor('elena.navarro'), decision: { kind: 'sign' }, now }))
    expect(await row(inFlight)).toMatchObject({ status: 'APPROVED', policyVersion: 1 })

    const { id: after } = await file('rita.romano', { supplierName: 'After policy' })
    ok(await submitJustification(database.db, { id: after, actor: actor('rita.romano'), now }))
    const stored = await row(after)
    expect(stored.policyVersion).toBe(2)
    expect((stored.snapshot as { context: { chain: unknown[] } }).context.chain).toHaveLength(3)
  })

  test('changes requested: the requester edits (the trail lists each change) and resubmits; the chain starts again', async () => {
    const { id } = await file('rita.romano', { supplierName: 'Second Round SA', amount: 2_000_000 })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    ok(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'request-changes', comment: 'Add the quote number.' }, now }))
    expect((await row(id)).status).toBe('CHANGES_REQUESTED')
    const current = await row(id)
    ok(await editJustification(database.db, { id, rowVersion: current.rowVersion, fields: fields({ supplierName: 'Second Round SA', amount: 2_100_000, marketSurveyReference: 'Quote 2026-118' }), actor: actor('rita.romano'), now }))
    const edited = await database.db.auditEvent.findFirstOrThrow({ where: { subject: `justification:${id}`, type: 'JUSTIFICATION_EDITED' } })
    expect(edited.payload).toEqual({
      changes: {
        amountMinor: { from: 'CHF\u00a020’000.00', to: 'CHF\u00a021’000.00' },
        marketSurveyReference: { from: null, to: 'Quote 2026-118' },
      },
    })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    expect(await row(id)).toMatchObject({ status: 'AWAITING_SIGNATURE', awaitingPersonId: ids['marta.mendes'] })
    expect((await trail(id)).filter((t) => t === 'JUSTIFICATION_SUBMITTED')).toHaveLength(2)
  })

  test('editing is refused once submitted; withdrawing ends it and tells the pending signatory', async () => {
    const { id } = await file('rita.romano', { supplierName: 'Withdrawn BV', amount: 2_000_000 })
    const submitted = ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    expect(await editJustification(database.db, { id, rowVersion: submitted.rowVersion, fields: fields(), actor: actor('rita.romano'), now })).toMatchObject({ ok: false, kind: 'REFUSED' })
    expect(await withdrawJustification(database.db, { id, actor: actor('marta.mendes'), now })).toMatchObject({ ok: false, kind: 'REFUSED' })
    ok(await withdrawJustification(database.db, { id, actor: actor('rita.romano'), reason: 'No longer needed.', now }))
    expect((await row(id)).status).toBe('WITHDRAWN')
    const told = await database.db.outboxMessage.findFirst({ where: { template: 'justification-withdrawn', toAddress: 'marta.mendes@example.org' } })
    expect(told).not.toBeNull()
  })

  test('a split purchase is flagged: two orders to one supplier, each under 10 000 CHF, together above it', async () => {
    const first = await file('rita.romano', { supplierName: 'Splitter & Co', amount: 800_000 })
    ok(await submitJustification(database.db, { id: first.id, actor: actor('rita.romano'), now }))
    const second = await file('ruben.rasmussen', { supplierName: 'splitter & co.', amount: 700_000 })
    ok(await submitJustification(database.db, { id: second.id, actor: actor('ruben.rasmussen'), now }))
    expect((await row(first.id)).splitPurchaseFlag).toBe(false)
    expect((await row(second.id)).splitPurchaseFlag).toBe(true)
  })

  test('a snapshot written by an unknown machine version is reported, and nothing changes', async () => {
    const { id } = await file('rita.romano', { supplierName: 'Future Machine' })
    ok(await submitJustification(database.db, { id, actor: actor('rita.romano'), now }))
    await database.db.justification.update({ where: { id }, data: { machineVersion: 99 } })
    const before = await row(id)
    expect(await decideJustification(database.db, { id, actor: actor('marta.mendes'), decision: { kind: 'sign' }, now })).toMatchObject({ ok: false, kind: 'UNREADABLE_SNAPSHOT' })
    expect(await row(id)).toEqual(before)
  })

  test('bad references are refused field by field and nothing is stored', async () => {
    const count = await database.db.justification.count()
    const result = await createJustification(database.db, { fields: fields({ supplierCountryCode: 'ZZ', groupId: '00000000-0000-4000-8000-000000000000' }), actor: actor('rita.romano'), now })
    expect(saidDeep('en', result)).toMatchObject({ ok: false, kind: 'INVALID', fieldErrors: { supplierCountryCode: ['Choose the country from the list.'], groupId: ['Choose a group from the list.'] } })
    expect(await database.db.justification.count()).toBe(count)
  })

  test('a currency without a rate cannot be submitted; the message says what to do', async () => {
    await database.db.exchangeRate.deleteMany({ where: { currency: 'CZK' } })
    const { id } = await file('rita.romano', { supplierName: 'Koruna', currency: 'CZK', amount: 10_000_000 })
    const result = await submitJustification(database.db, { id, actor: actor('rita.romano'), now })
    expect(saidDeep('en', result)).toMatchObject({ ok: false, kind: 'INVALID', fieldErrors: { currency: [expect.stringMatching(/no exchange rate for CZK/)] } })
    expect((await row(id)).status).toBe('DRAFT')
  })
})
