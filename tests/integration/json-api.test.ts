// Issue 15: the JSON API under /api/v1 and its keys, spoken to over HTTP on the real app (the built
// server entry, `npm run build` first) on the real database: the OpenAPI document validates as 3.1
// and every operation in it answers as it says; keys refused as they must be; Idempotency-Key;
// the bulk contract report against the CSV import's; cursor pagination.
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/api/create-api-key.server'
import { revokeApiKey } from '~/api/revoke-api-key.server'
import { API_SCOPES, type ApiScope } from '~/api/scopes'
import { i18nFor } from '~/i18n/i18n.server'
import { translateMessage } from '~/i18n/message'
import { createContractImport } from '~/industrial-return/ledger/create-import.server'
import { rejectionsOf } from '~/industrial-return/ledger/import-jobs.server'
import { driveImport } from '~/industrial-return/ledger/run-imports.server'
import { seedDemoData } from '../../prisma/seed'
import { startApp, type RunningApp } from '../support/app'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database'
import { demoPeople, fileDraft } from '../support/workflow'

type Json = Record<string, unknown>
type OpenApi = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>; components: Json }

const admin = { origin: { ipAddress: null, userAgent: 'vitest' } }
const year = new Date().getUTCFullYear() - 1

describe(`the JSON API and its keys (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let app: RunningApp
  let ids: Record<string, string>
  let groupId: string
  const keys: Record<string, string> = {}

  async function key(name: string, { personId, scopes = [...API_SCOPES], expiresAt = new Date(Date.now() + 86_400_000), requestsPerMinute = 1000 }: { personId: string | null; scopes?: ApiScope[]; expiresAt?: Date; requestsPerMinute?: number }) {
    // A key that expires in the past cannot be made (the use case refuses it): made valid, then moved.
    const made = await createApiKey(database.db, { name, scopes, personId, expiresAt: new Date(Math.max(expiresAt.getTime(), Date.now() + 60_000)), requestsPerMinute }, { actorId: ids['alex.admin']!, now: new Date(), ...admin })
    if (!made.ok) throw new Error(JSON.stringify(made.fieldErrors))
    if (expiresAt.getTime() <= Date.now()) await database.db.apiKey.update({ where: { id: made.id }, data: { expiresAt } })
    return made
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
    groupId = (await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })).id
    keys.requester = (await key('requester', { personId: ids['rita.romano']! })).key
    keys.procurement = (await key('procurement', { personId: ids['paula.procurement']! })).key
    keys.service = (await key('erp', { personId: null })).key
    keys.readOnly = (await key('read only', { personId: ids['rita.romano']!, scopes: ['read:justifications'] })).key
    keys.expired = (await key('expired', { personId: ids['rita.romano']!, expiresAt: new Date(Date.now() - 1000) })).key
    const revoked = await key('revoked', { personId: ids['rita.romano']! })
    await revokeApiKey(database.db, revoked.id, { actorId: ids['alex.admin']!, now: new Date(), ...admin })
    keys.revoked = revoked.key
    keys.slow = (await key('two a minute', { personId: null, requestsPerMinute: 2 })).key
    app = await startApp({ DATABASE_URL: database.url, SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-characters', SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '3' })
  }, 120_000)
  afterAll(async () => {
    await app?.stop()
    await database?.drop()
  })

  const call = async (method: string, path: string, { key: apiKey, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Json) : null }
  }

  const draftBody = (title = 'Spare cold heads for the test cryostat') => ({
    title,
    description: 'Two spare cold heads for the installed cryocoolers.',
    supplierName: 'Cryo Instruments AG',
    supplierCountryCode: 'CH',
    originCountryCode: 'DE',
    category: 'SUPPLIES',
    amount: '60000.00',
    currency: 'CHF',
    groupId,
    reason: 'COMPATIBILITY',
    reasonText: 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification of the whole cryostat.',
  })
  const contractRow = (orderNumber: string, overrides: Record<string, string> = {}) => ({
    order_number: orderNumber,
    award_date: `${year}-03-14`,
    supplier: 'Precision Magnets SA',
    category: 'SUPPLIES',
    origin_country: 'IT',
    establishment_country: 'CH',
    amount: '125000.00',
    currency: 'CHF',
    department: 'TE',
    group: 'TE-MSC',
    ...overrides,
  })

  let document: OpenApi
  let ajv: Ajv2020
  /** Checks a body against the schema the document gives for this operation, status and media type. */
  function expectDocumented(operationId: string, status: number, answer: { headers: Headers; json: Json | null }) {
    const operation = Object.values(document.paths).flatMap((methods) => Object.values(methods)).find((o) => o.operationId === operationId)!
    const documented = operation.responses[String(status)]
    expect(documented, `${operationId} documents ${status}`).toBeDefined()
    const mediaType = answer.headers.get('content-type')!.split(';')[0]!
    const schema = documented!.content?.[mediaType]?.schema
    expect(schema, `${operationId} ${status} documents ${mediaType}`).toBeDefined()
    const validate = ajv.compile({ ...schema, components: document.components })
    expect(validate(answer.json), `${operationId} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true)
  }

  test('the OpenAPI document is served, validates as OpenAPI 3.1, and the reference page shows every operation', async () => {
    const served = await call('GET', '/api/v1/openapi.json')
    expect(served.status).toBe(200)
    document = served.json as unknown as OpenApi
    const validator = new Validator()
    const result = await validator.validate(served.json as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    const page = await fetch(`${app.url}/api/v1/reference`)
    expect(page.status).toBe(200)
    const html = await page.text()
    for (const methods of Object.values(document.paths)) for (const operation of Object.values(methods)) expect(html).toContain(`id="${operation.operationId}"`)
    expect(html).not.toMatch(/<script[^>]+src="https?:/)
  })

  test('every operation in the document answers as documented, with a key and without one', async () => {
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now: new Date() })
    // One valid request per operation: a new operation without one fails here until it is given one.
    const requests: Record<string, { key: string; path: string; body?: unknown; status: number }> = {
      listJustifications: { key: keys.requester!, path: '/api/v1/justifications?limit=2', status: 200 },
      createJustificationDraft: { key: keys.requester!, path: '/api/v1/justifications', body: draftBody(), status: 201 },
      getJustification: { key: keys.requester!, path: `/api/v1/justifications/${draft.id}`, status: 200 },
      submitJustification: { key: keys.requester!, path: `/api/v1/justifications/${draft.id}/submit`, body: { rowVersion: draft.rowVersion }, status: 200 },
      createContract: { key: keys.procurement!, path: '/api/v1/contracts', body: contractRow('API-WALK-1'), status: 201 },
      upsertContracts: { key: keys.service!, path: '/api/v1/contracts/bulk', body: { rows: [contractRow('API-WALK-2'), contractRow('API-WALK-1'), contractRow('')] }, status: 200 },
      listContributionScales: { key: keys.service!, path: '/api/v1/contribution-scales', status: 200 },
      getReturnCoefficients: { key: keys.procurement!, path: `/api/v1/return-coefficients?from=${year - 3}&to=${year}&category=SUPPLIES`, status: 200 },
    }
    let walked = 0
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const request = requests[operation.operationId]
        expect(request, `a request for ${operation.operationId}`).toBeDefined()
        const template = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`)
        expect(request!.path).toMatch(template)
        const answer = await call(method.toUpperCase(), request!.path, { key: request!.key, body: request!.body })
        expect(answer.status, `${operation.operationId}: ${answer.text}`).toBe(request!.status)
        expectDocumented(operation.operationId, answer.status, answer)
        const refused = await call(method.toUpperCase(), request!.path, { body: request!.body })
        expect(refused.status).toBe(401)
        expectDocumented(operation.operationId, 401, refused)
        walked++
      }
    }
    expect(walked).toBe(Object.keys(requests).length)
    const submitted = await database.db.justification.findUniqueOrThrow({ where: { id: draft.id } })
    expect(submitted.status).not.toBe('DRAFT')
    expect(await database.db.contract.count({ where: { source: 'API', orderNumber: { in: ['API-WALK-1', 'API-WALK-2'] } } })).toBe(2)
  })

  test('keys: missing, wrong, expired and revoked are 401, out of scope 403, past the rate 429 with Retry-After, each a problem, each known key’s use audited', async () => {
    const expectProblem = (answer: Awaited<ReturnType<typeof call>>, status: number, type: string) => {
      expect(answer.status, answer.text).toBe(status)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(answer.json).toMatchObject({ type: `/api/v1/reference#problem-${type}`, status, title: expect.any(String), detail: expect.any(String) })
    }
    const path = '/api/v1/justifications'
    const missing = await call('GET', path)
    expectProblem(missing, 401, 'missing-api-key')
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expectProblem(await call('GET', path, { key: `ssk_abcdefgh_${'x'.repeat(43)}` }), 401, 'invalid-api-key')
    expectProblem(await call('GET', path, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'invalid-api-key')
    expectProblem(await call('GET', path, { key: keys.expired }), 401, 'expired-api-key')
    expectProblem(await call('GET', path, { key: keys.revoked }), 401, 'revoked-api-key')
    const before = await database.db.justification.count()
    const outOfScope = await call('POST', path, { key: keys.readOnly, body: draftBody() })
    expectProblem(outOfScope, 403, 'insufficient-scope')
    expect(outOfScope.json).toMatchObject({ requiredScope: 'write:justifications' })
    expect(await database.db.justification.count()).toBe(before)
    // The same rules as the pages: a requester's key reads no statistics; a service key files nothing.
    expectProblem(await call('GET', '/api/v1/contribution-scales', { key: keys.requester }), 403, 'forbidden')
    expectProblem(await call('POST', path, { key: keys.service, body: draftBody() }), 403, 'forbidden')

    expect((await call('GET', '/api/v1/contribution-scales', { key: keys.slow })).status).toBe(200)
    expect((await call('GET', '/api/v1/contribution-scales', { key: keys.slow })).status).toBe(200)
    const limited = await call('GET', '/api/v1/contribution-scales', { key: keys.slow })
    expectProblem(limited, 429, 'rate-limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)

    const uses = await database.db.auditEvent.findMany({ where: { type: 'API_KEY_USED' }, orderBy: { id: 'asc' } })
    const refusals = uses.map((event) => (event.payload as { refusal: string | null }).refusal)
    expect(refusals).toEqual(expect.arrayContaining(['expired', 'revoked', 'out-of-scope', 'rate-limited']))
    expect(uses.filter((event) => (event.payload as { refusal: string | null }).refusal === 'rate-limited')).toHaveLength(1)
  })

  test('every error is a problem: 404, 405, 415, malformed JSON, and validation with field-level errors', async () => {
    const notFound = await call('GET', '/api/v1/nothing-here', { key: keys.requester })
    expect([notFound.status, notFound.headers.get('content-type'), notFound.json?.type]).toEqual([404, 'application/problem+json', '/api/v1/reference#problem-not-found'])
    const unknownJustification = await call('GET', `/api/v1/justifications/${crypto.randomUUID()}`, { key: keys.requester })
    expect(unknownJustification.status).toBe(404)
    const notAllowed = await call('DELETE', '/api/v1/justifications', { key: keys.requester })
    expect([notAllowed.status, notAllowed.headers.get('allow'), notAllowed.json?.type]).toEqual([405, 'GET, POST', '/api/v1/reference#problem-method-not-allowed'])
    const text = await call('POST', '/api/v1/justifications', { key: keys.requester, headers: { 'Content-Type': 'text/plain' }, body: undefined })
    expect([text.status, text.json?.type]).toEqual([415, '/api/v1/reference#problem-unsupported-media-type'])
    const malformed = await call('POST', '/api/v1/justifications', { key: keys.requester, body: '{"title": ' })
    expect([malformed.status, malformed.json?.type]).toEqual([400, '/api/v1/reference#problem-malformed-request'])
    const invalid = await call('POST', '/api/v1/justifications', { key: keys.requester, body: { ...draftBody('Hi'), amount: '12.345', originCountryCode: undefined } })
    expect(invalid.status).toBe(400)
    expectDocumented('createJustificationDraft', 400, invalid)
    const errors = invalid.json!.errors as { pointer: string; detail: string }[]
    expect(errors.map((error) => error.pointer).sort()).toEqual(['#/amount', '#/title'])
    const noOrigin = await call('POST', '/api/v1/justifications', { key: keys.requester, body: { ...draftBody(), originCountryCode: undefined } })
    expect([noOrigin.status, (noOrigin.json!.errors as { pointer: string }[]).map((error) => error.pointer)]).toEqual([400, ['#/originCountryCode']])
    // In the caller's language, from the form's own messages.
    expect(errors.every((error) => !error.detail.includes('forms:'))).toBe(true)
    const french = await call('POST', '/api/v1/justifications', { key: keys.requester, body: { ...draftBody('Hi') }, headers: { 'Accept-Language': 'fr' } })
    const frenchTitle = (french.json!.errors as { pointer: string; detail: string }[]).find((e) => e.pointer === '#/title')!.detail
    expect(frenchTitle).not.toBe(errors.find((e) => e.pointer === '#/title')!.detail)
    const badFilter = await call('GET', '/api/v1/justifications?minChf=abc&limit=0', { key: keys.procurement })
    expect(badFilter.status).toBe(400)
    expect((badFilter.json!.errors as { parameter: string }[]).map((error) => error.parameter).sort()).toEqual(['minChf'])
  })

  test('Idempotency-Key: a replay gives the stored answer and creates nothing; another body is 422; two at once create one', async () => {
    const count = () => database.db.justification.count()
    const before = await count()
    const headers = { 'Idempotency-Key': `"draft-${crypto.randomUUID()}"` }
    const first = await call('POST', '/api/v1/justifications', { key: keys.requester, body: draftBody('Idempotent draft, first'), headers })
    expect(first.status).toBe(201)
    const again = await call('POST', '/api/v1/justifications', { key: keys.requester, body: draftBody('Idempotent draft, first'), headers })
    expect([again.status, again.text, again.headers.get('location'), again.headers.get('idempotent-replayed')]).toEqual([201, first.text, first.headers.get('location'), 'true'])
    expect(await count()).toBe(before + 1)
    const other = await call('POST', '/api/v1/justifications', { key: keys.requester, body: draftBody('Idempotent draft, another'), headers })
    expect([other.status, other.json?.type]).toEqual([422, '/api/v1/reference#problem-idempotency-key-reused'])
    expect(await count()).toBe(before + 1)
    // The same key under another API key is another key.
    const elsewhere = await call('POST', '/api/v1/contracts', { key: keys.procurement, body: contractRow('API-IDEM-1'), headers })
    expect(elsewhere.status).toBe(201)

    const together = { 'Idempotency-Key': `together-${crypto.randomUUID()}` }
    const answers = await Promise.all([0, 1, 2].map(() => call('POST', '/api/v1/justifications', { key: keys.requester, body: draftBody('Idempotent draft, together'), headers: together })))
    expect(await database.db.justification.count({ where: { title: 'Idempotent draft, together' } })).toBe(1)
    for (const answer of answers) expect([201, 409]).toContain(answer.status)
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThanOrEqual(1)
    const created = answers.filter((answer) => answer.status === 201).map((answer) => answer.json!.id)
    expect(new Set(created).size).toBe(1)
  })

  test('bulk upsert reports rejected rows exactly as the CSV import does', async () => {
    const recorded = contractRow('API-BULK-1')
    expect((await call('POST', '/api/v1/contracts', { key: keys.procurement, body: recorded })).status).toBe(201)
    expect((await call('POST', '/api/v1/contracts', { key: keys.procurement, body: contractRow('API-BULK-0') })).status).toBe(201)
    const rows = [
      contractRow('API-BULK-2'),
      recorded,
      contractRow('API-BULK-0', { amount: '1.00' }),
      contractRow('API-BULK-3', { award_date: '14.03.2025', category: 'GOODS', currency: 'XYZ' }),
      contractRow('API-BULK-4', { amount: '12.345', department: 'NOPE', group: '' }),
      contractRow('bad number!', { establishment_country: 'ZZ', supplier: '' }),
      contractRow('API-BULK-5', { award_date: `${year + 5}-01-01`, currency: 'EUR', exchange_rate: 'abc' }),
      contractRow('API-BULK-6', { group: 'EN-MME' }),
    ]
    const answer = await call('POST', '/api/v1/contracts/bulk', { key: keys.procurement, body: { rows } })
    expect(answer.status).toBe(200)
    expectDocumented('upsertContracts', 200, answer)
    const report = answer.json as { recorded: number; unchanged: number; rejected: number; rejections: { row: number; orderNumber: string | null; reasons: string[] }[] }
    expect([report.recorded, report.unchanged, report.rejected]).toEqual([1, 1, 6])

    // The same rows through the CSV import (its job run here on the same database), after the API recorded its two.
    const columns = Object.keys(rows[0]!).concat('exchange_rate').filter((c, i, all) => all.indexOf(c) === i)
    const csv = [columns.join(','), ...rows.map((row) => columns.map((c) => (row as Record<string, string>)[c] ?? '').join(','))].join('\n')
    const job = await createContractImport(database.db, { fileName: 'same-rows.csv', bytes: new TextEncoder().encode(csv), actorId: ids['paula.procurement']!, now: new Date() })
    if (!job.ok) throw new Error(job.message)
    await driveImport(database.db, job.jobId, { now: () => new Date(), appUrl: app.url })
    const t = i18nFor('en').getFixedT('en')
    const imported = (await rejectionsOf(database.db, job.jobId)).map((r) => ({ row: r.line - 1, orderNumber: r.orderNumber, reasons: r.reason.split('\n').map((m) => translateMessage(t, m)) }))
    // API-BULK-2 was recorded by the API: the import finds it unchanged; every rejected row the same, for the same reasons.
    expect(report.rejections).toEqual(imported)
    const job_ = await database.db.contractImportJob.findUniqueOrThrow({ where: { id: job.jobId } })
    expect([job_.unchangedRows, job_.rejectedRows]).toEqual([2, 6])
  })

  test('cursor pagination visits every item once, with the filters', async () => {
    for (let i = 0; i < 7; i++) await fileDraft(database.db, { requesterId: ids['rita.romano']!, now: new Date(), title: `Paged draft number ${i}` })
    const seen: string[] = []
    let next: string | null = ''
    let pages = 0
    while (next !== null) {
      const answer = await call('GET', `/api/v1/justifications?status=DRAFT&limit=3${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, { key: keys.procurement })
      expect(answer.status).toBe(200)
      const page = answer.json as { items: { id: string; status: string }[]; nextCursor: string | null }
      expect(page.items.length).toBeLessThanOrEqual(3)
      for (const item of page.items) expect(item.status).toBe('DRAFT')
      seen.push(...page.items.map((item) => item.id))
      next = page.nextCursor
      pages++
    }
    const drafts = await database.db.justification.findMany({ where: { status: 'DRAFT' }, select: { id: true } })
    expect(new Set(seen).size).toBe(seen.length)
    expect([...seen].sort()).toEqual(drafts.map((d) => d.id).sort())
    expect(pages).toBe(Math.ceil(drafts.length / 3))
    const wrong = await call('GET', '/api/v1/justifications?cursor=not-a-cursor', { key: keys.procurement })
    expect(wrong.status).toBe(400)
  })
})
