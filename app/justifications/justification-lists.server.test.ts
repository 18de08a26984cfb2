import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { justificationFields, ok, threeTierPolicy } from '../../tests/support/workflow'
import { csvCell, toCsv } from '~/csv/write-csv'
import { createJustification } from './create-justification.server'
import { decideJustification } from './decide-justification.server'
import type { JustificationFields } from './prepare-fields.server'
import { submitJustification } from './submit-justification.server'
import { decimalOf, justificationsCsv } from './justifications-csv.server'
import { listAllJustifications, listAwaitingMySignature, listDecidedByMe, listMyJustifications } from './list-justifications.server'
import { MY_LIST_DEFAULT_SORT, parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT, type SortDirection, type SortKey } from './list-query'
import { loadPolicyOverview } from './policy-overview.server'
import { publishPolicy } from './signature-policy.server'
import type { Viewer } from './visibility.server'

const origin = { ipAddress: '127.0.0.1', userAgent: 'vitest' }

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['Acme, Ltd', '"Acme, Ltd"'],
    ['He said "no"', '"He said ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+41 22 767', "'+41 22 767"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['', ''],
  ])('%j is written %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  test('numbers, booleans and empty values', () => {
    expect(csvCell(-12)).toBe('-12')
    expect(csvCell(true)).toBe('yes')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  test('records end with CRLF, the header first', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y'], [null, '=1']])).toBe('a,b\r\n1,"x,y"\r\n,\'=1\r\n')
  })

  test('amounts are plain decimals a spreadsheet reads as numbers', () => {
    expect(decimalOf(1)).toBe('0.01')
    expect(decimalOf(100)).toBe('1.00')
    expect(decimalOf(6_000_000)).toBe('60000.00')
  })
})

describe(`justification lists (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  const ids: Record<string, string> = {}
  const groups: Record<string, string> = {}
  const departments: Record<string, string> = {}
  const people: Record<string, Viewer> = {}
  const refs: Record<string, string> = {}
  const justificationIds: Record<string, string> = {}
  const november = new Date('2026-11-10T09:00:00Z')
  const december = new Date('2026-12-01T09:00:00Z')

  const fields = (overrides: Partial<JustificationFields> = {}) => justificationFields({ amount: 2_000_000, groupId: groups['EN-MME']!, ...overrides })
  const actor = (name: string) => ({ id: ids[name]!, origin })
  async function file(key: string, requester: string, overrides: Partial<JustificationFields>, { submitAt }: { submitAt?: Date } = {}) {
    const created = ok(await createJustification(database.db, { fields: fields(overrides), actor: actor(requester), now: submitAt ?? november }))
    if (submitAt) ok(await submitJustification(database.db, { id: created.id, actor: actor(requester), now: submitAt }))
    refs[key] = created.reference
    justificationIds[key] = created.id
    return created
  }
  const query = (text: string, defaults: { sort: SortKey; dir: SortDirection } = PROCUREMENT_LIST_DEFAULT_SORT) => parseListQuery(new URLSearchParams(text), defaults).query
  const references = (items: { reference: string }[]) => items.map((item) => item.reference)
  const keysOf = (items: { reference: string }[]) => items.map((item) => Object.entries(refs).find(([, ref]) => ref === item.reference)?.[0] ?? item.reference)

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    for (const person of await database.db.person.findMany()) {
      const name = person.email.split('@')[0]!
      ids[name] = person.id
      people[name] = { id: person.id, groupId: person.groupId, isProcurementOfficer: person.isProcurementOfficer, isAdministrator: person.isAdministrator }
    }
    for (const group of await database.db.group.findMany()) groups[group.code] = group.id
    for (const department of await database.db.department.findMany()) departments[department.code] = department.id

    // EN-MME (Rita, Ruben); EN-EL (Emil); TE-MSC (Rosa), with amounts, currencies, countries and days apart.
    await file('ritaDraft', 'rita.romano', { title: 'Draft bellows', supplierName: 'Bellows GmbH', amount: 300_000 })
    await file('ritaSmall', 'rita.romano', { title: 'Small flanges', supplierName: 'Flange SA', supplierCountryCode: 'FR', amount: 500_000 }, { submitAt: november })
    await file('rubenLarge', 'ruben.rasmussen', { title: 'Large cryostat', supplierName: 'Cryostat Ltd', supplierCountryCode: 'GB', amount: 6_000_000 }, { submitAt: december })
    await file('emilEuro', 'emil.eriksen', { title: 'Cable drums', supplierName: 'Kabel AG', supplierCountryCode: 'DE', amount: 3_000_000, currency: 'EUR', groupId: groups['EN-EL']! }, { submitAt: november })
    await file('rosaFormula', 'rosa.rossi', { title: '=HYPERLINK("http://evil.example","click")', supplierName: 'Magnet, "Quotes" & Co', supplierCountryCode: 'IT', amount: 2_500_000, groupId: groups['TE-MSC']! }, { submitAt: december })
  })
  afterAll(async () => database?.drop())

  test('my list: my own and my group’s, never another group’s; drafts of my colleagues included', async () => {
    const rita = await listMyJustifications(database.db, people['rita.romano']!, query('', MY_LIST_DEFAULT_SORT))
    expect(keysOf(rita.items).sort()).toEqual(['ritaDraft', 'ritaSmall', 'rubenLarge'].sort())
    const emil = await listMyJustifications(database.db, people['emil.eriksen']!, query('', MY_LIST_DEFAULT_SORT))
    expect(keysOf(emil.items)).toEqual(['emilEuro'])
  })

  test('my list even for procurement is only theirs: an empty list for Paula', async () => {
    const paula = await listMyJustifications(database.db, people['paula.procurement']!, query('', MY_LIST_DEFAULT_SORT))
    expect(paula.items).toEqual([])
    expect(paula.pagination).toMatchObject({ total: 0, pageCount: 1 })
  })

  test('my list filters by status and words, and sorts by amount', async () => {
    const rita = people['rita.romano']!
    expect(keysOf((await listMyJustifications(database.db, rita, query('status=DRAFT', MY_LIST_DEFAULT_SORT))).items)).toEqual(['ritaDraft'])
    expect(keysOf((await listMyJustifications(database.db, rita, query('q=cryostat', MY_LIST_DEFAULT_SORT))).items)).toEqual(['rubenLarge'])
    expect(keysOf((await listMyJustifications(database.db, rita, query('q=FLANGE%20sa', MY_LIST_DEFAULT_SORT))).items)).toEqual(['ritaSmall'])
    const byAmount = await listMyJustifications(database.db, rita, query('sort=amount&dir=desc', MY_LIST_DEFAULT_SORT))
    // The draft has no CHF equivalent yet: last either way.
    expect(keysOf(byAmount.items)).toEqual(['rubenLarge', 'ritaSmall', 'ritaDraft'])
    const ascending = await listMyJustifications(database.db, rita, query('sort=amount&dir=asc', MY_LIST_DEFAULT_SORT))
    expect(keysOf(ascending.items)).toEqual(['ritaSmall', 'rubenLarge', 'ritaDraft'])
  })

  test('rows are plain data: numbers, not BigInt; who it waits on', async () => {
    const { items } = await listMyJustifications(database.db, people['rita.romano']!, query('q=cryostat', MY_LIST_DEFAULT_SORT))
    expect(items[0]).toMatchObject({
      amountMinor: 6_000_000,
      amountChfMinor: 6_000_000,
      currency: 'CHF',
      status: 'AWAITING_SIGNATURE',
      awaitingPersonName: 'Marta Mendes',
      submittedOn: '2026-12-01',
      groupCode: 'EN-MME',
      departmentCode: 'EN',
      requesterName: 'Ruben Rasmussen',
    })
    expect(JSON.parse(JSON.stringify(items))).toEqual(items)
  })

  test('procurement sees everything and filters by department, group, supplier country, CHF range and submission days', async () => {
    const paula = people['paula.procurement']!
    const list = async (text: string) => keysOf((await listAllJustifications(database.db, paula, query(text))).items)
    expect((await list('')).sort()).toEqual(['emilEuro', 'ritaDraft', 'ritaSmall', 'rosaFormula', 'rubenLarge'].sort())
    expect((await list(`department=${departments.EN}`)).sort()).toEqual(['emilEuro', 'ritaDraft', 'ritaSmall', 'rubenLarge'].sort())
    expect((await list(`group=${groups['EN-EL']}`)).sort()).toEqual(['emilEuro'])
    expect(await list('country=it')).toEqual(['rosaFormula'])
    // EUR 30 000.00 at 0.9412 = CHF 28 236.00: inside 25 000–30 000; the CHF 25 000.00 one is on the (inclusive) edge.
    expect((await list("minChf=25'000&maxChf=30 000")).sort()).toEqual(['emilEuro', 'rosaFormula'].sort())
    expect(await list('minChf=25000.01&maxChf=30000')).toEqual(['emilEuro'])
    expect((await list('from=2026-12-01&to=2026-12-01')).sort()).toEqual(['rosaFormula', 'rubenLarge'].sort())
    expect((await list('to=2026-11-30')).sort()).toEqual(['emilEuro', 'ritaSmall'].sort())
    expect(await list('status=DRAFT')).toEqual(['ritaDraft'])
  })

  test('a requester who opens the procurement query sees only what they may see', async () => {
    const { items } = await listAllJustifications(database.db, people['emil.eriksen']!, query(''))
    expect(keysOf(items)).toEqual(['emilEuro'])
  })

  test('awaiting my signature: the group leader sees what waits for her; the requester nothing', async () => {
    const marta = await listAwaitingMySignature(database.db, people['marta.mendes']!)
    expect(keysOf(marta)).toEqual(['rubenLarge'])
    expect(await listAwaitingMySignature(database.db, people['rita.romano']!)).toEqual([])
    const luca = await listAwaitingMySignature(database.db, people['luca.leone']!)
    expect(keysOf(luca)).toEqual(['emilEuro'])
  })

  test('signed by me: after Marta signs, it leaves her queue and shows among her decisions, now waiting on the head', async () => {
    const [item] = await listAwaitingMySignature(database.db, people['marta.mendes']!)
    ok(await decideJustification(database.db, { id: item!.id, rowVersion: item!.rowVersion, actor: actor('marta.mendes'), decision: { kind: 'sign', comment: 'Fine by me.' }, now: december }))
    expect(await listAwaitingMySignature(database.db, people['marta.mendes']!)).toEqual([])
    const decided = await listDecidedByMe(database.db, people['marta.mendes']!)
    expect(decided).toHaveLength(1)
    expect(decided[0]).toMatchObject({ decision: 'STEP_SIGNED', decisionLabel: 'Signed', comment: 'Fine by me.', item: { reference: refs.rubenLarge, awaitingPersonName: 'Elena Navarro' } })
    expect(keysOf(await listAwaitingMySignature(database.db, people['elena.navarro']!))).toEqual(['rubenLarge'])
  })

  test('a rejection shows among my decisions with its reason', async () => {
    const [item] = await listAwaitingMySignature(database.db, people['luca.leone']!)
    ok(await decideJustification(database.db, { id: item!.id, rowVersion: item!.rowVersion, actor: actor('luca.leone'), decision: { kind: 'reject', reason: 'Ask two suppliers.' }, now: december }))
    const [decided] = await listDecidedByMe(database.db, people['luca.leone']!)
    expect(decided).toMatchObject({ decision: 'JUSTIFICATION_REJECTED', comment: 'Ask two suppliers.', item: { status: 'REJECTED' } })
  })

  test('the CSV is the filtered list: header, one record per row, quoting and formula-safe text', async () => {
    const csv = await justificationsCsv(database.db, people['paula.procurement']!, query(`department=${departments.TE}`), 'en')
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'Reference,Title,Status,Requester,Group,Department,Supplier,Supplier’s country (ISO code),Origin of the goods (ISO code),Category,Amount,Currency,Amount in CHF,Exchange rate (CHF per unit),Signature policy version,Submitted on,Decided on,Waiting on,Possible split purchase,Supporting documents,Quote missing',
    )
    expect(lines).toHaveLength(3) // header, one record, and the empty string after the last CRLF
    expect(lines[1]).toBe(
      [
        refs.rosaFormula,
        `"'=HYPERLINK(""http://evil.example"",""click"")"`,
        'Awaiting signature',
        'Rosa Rossi',
        'TE-MSC',
        'TE',
        '"Magnet, ""Quotes"" & Co"',
        'IT',
        'DE',
        'Supplies',
        '25000.00',
        'CHF',
        '25000.00',
        '1',
        '1',
        '2026-12-01',
        '',
        'Martin Schulz',
        'no',
        '0',
        'no',
      ].join(','),
    )
    const all = await justificationsCsv(database.db, people['paula.procurement']!, query('sort=reference&dir=asc'), 'en')
    expect(all.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual(Object.values(refs).sort())
  })

  test('downloaded by a French officer, the CSV (a file for people) has its column names and words in French, its figures as in English', async () => {
    const csv = await justificationsCsv(database.db, people['paula.procurement']!, query(`department=${departments.TE}`), 'fr')
    const [header, record] = csv.split('\r\n')
    expect(header).toMatch(/^Référence,Titre,Statut,Demandeur,Groupe,Département,Fournisseur,Pays du fournisseur \(code ISO\),/)
    expect(header).toMatch(/,Achat peut-être fractionné,Pièces justificatives,Offre manquante$/)
    expect(record).toContain(',En attente de signature,Rosa Rossi,TE-MSC,TE,')
    expect(record).toContain(',IT,DE,Fournitures,25000.00,CHF,25000.00,1,1,2026-12-01,,Martin Schulz,non,0,non')
  })

  test('the policy page lists versions (in force, scheduled) and the rates used today', async () => {
    await publishPolicy(
      database.db,
      threeTierPolicy({ effectiveFrom: '2027-01-01', splitPurchaseWindowDays: 60, financeCommitteeAboveChfMinor: 20_000_000 }),
      actor('alex.admin'),
      december,
    )
    await database.db.exchangeRate.create({ data: { currency: 'EUR', validFrom: new Date('2027-01-01T00:00:00Z'), chfPerUnit: '0.95' } })
    const overview = await loadPolicyOverview(database.db, december)
    expect(overview.versions.map((v) => [v.version, v.state, v.publishedBy])).toEqual([
      [2, 'scheduled', 'Alex Admin'],
      [1, 'in-force', null],
    ])
    expect(overview.inForce?.version).toBe(1)
    const euro = overview.rates.filter((rate) => rate.currency === 'EUR')
    expect(euro.map((rate) => [rate.validFrom, rate.chfPerUnit, rate.inUseToday])).toEqual([
      ['2027-01-01', '0.95', false],
      ['2026-01-01', '0.9412', true],
    ])
    const later = await loadPolicyOverview(database.db, new Date('2027-01-02T12:00:00Z'))
    expect(later.versions.map((v) => v.state)).toEqual(['in-force', 'past'])
  })

  test('pages of fifty: the second page holds the rest, links keep the filters', async () => {
    const created: string[] = []
    for (let index = 0; index < 52; index++) {
      created.push((await file(`bulk${index}`, 'chloe.caron', { title: `Bulk order ${index}`, supplierName: 'Bulk SA', groupId: groups['EN-CV']! })).reference)
    }
    const params = new URLSearchParams(`group=${groups['EN-CV']}&sort=reference&dir=asc`)
    const first = await listAllJustifications(database.db, people['paula.procurement']!, parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT).query, params)
    expect(first.items).toHaveLength(50)
    expect(first.pagination).toMatchObject({ page: 1, pageCount: 2, total: 52, previousHref: null, nextHref: `?group=${groups['EN-CV']}&sort=reference&dir=asc&page=2` })
    params.set('page', '2')
    const second = await listAllJustifications(database.db, people['paula.procurement']!, parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT).query, params)
    expect(references(second.items)).toEqual(created.sort().slice(50))
    // A page past the end shows the last one rather than nothing.
    params.set('page', '9')
    const beyond = await listAllJustifications(database.db, people['paula.procurement']!, parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT).query, params)
    expect(beyond.pagination.page).toBe(2)
    expect(beyond.items).toHaveLength(2)
  })
})
