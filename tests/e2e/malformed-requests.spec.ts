import type { Browser } from '@playwright/test'
import { fileJustifications } from '../support/justifications'
import { routesOfTheBuild, type BuiltRoute } from '../support/routes'
import { linkIn, recipientsOf, type TestSmtpServer } from '../support/smtp'
import { ADMIN, expect, REQUESTER, signIn, test, type AppUnderTest } from './fixtures'

// A careless client or a fuzzer posts bodies no page of ours sends: JSON, plain text, no content type,
// a multipart body whose boundary does not match, NUL characters. Each must get a clear 4xx and
// change nothing; none may reach a 500 (the outside review found 1 539 of 5 000 fuzzed posts did).

const PROCUREMENT_OFFICER = 'paula.procurement@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'

type Fixture = { ids: Record<string, string>; cookies: { procurement: string; admin: string } }

async function sessionCookie(browser: Browser, smtp: TestSmtpServer, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, smtp, email)
  const cookies = await context.cookies()
  await context.close()
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

/** Real ids for the routes' parameters, so that the actions get as far as reading their body. */
async function realParameters(app: AppUnderTest, smtp: TestSmtpServer): Promise<Record<string, string>> {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Fuzzed cold heads', supplierName: 'Cryo Instruments AG', amount: 2_500_000 }])
  const email = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(filed!.reference))
  const token = linkIn(email, `${app.url}/sign-off/`).split('/').pop()!
  const [person] = await app.sql<{ id: string }>(`SELECT "id" FROM "Person" WHERE "email" = $1`, [REQUESTER])
  const [group] = await app.sql<{ id: string }>(`SELECT "id" FROM "Group" ORDER BY "code" LIMIT 1`)
  return { id: filed!.id, justificationId: filed!.id, personId: person!.id, groupId: group!.id, token, year: '2024' }
}

async function post(app: AppUnderTest, url: string, { cookie, contentType, body }: { cookie?: string; contentType?: string; body: string | ArrayBuffer }) {
  const headers: Record<string, string> = {}
  if (cookie) headers.cookie = cookie
  if (contentType) headers['content-type'] = contentType
  // An ArrayBuffer body makes fetch send no Content-Type at all.
  const response = await fetch(new URL(url, app.url), { method: 'POST', headers, body, redirect: 'manual' })
  return { status: response.status, text: await response.text() }
}

const MALFORMED_BODIES = [
  { name: 'JSON', contentType: 'application/json', body: '{"intent":"sign","email":"alex.admin@example.org"}', status: 415 },
  { name: 'plain text', contentType: 'text/plain', body: 'intent=sign', status: 415 },
  { name: 'no content type', contentType: undefined, body: new TextEncoder().encode('intent=sign').buffer as ArrayBuffer, status: 415 },
  { name: 'multipart with a boundary that is not in the body', contentType: 'multipart/form-data; boundary=nope', body: 'intent=sign', status: 400 },
] as const

const NUL = '\u0000'
// Every field name that a form or an action of ours reads.
const NUL_FIELDS = [
  ...['intent', 'id', 'justificationId', 'rowVersion', 'comment', 'email', 'code', 'redirectTo', 'name', 'title', 'description', 'supplierName'],
  ...['supplierCountryCode', 'originCountryCode', 'amount', 'currency', 'category', 'reason', 'reasonText', 'marketSurveyReference', 'groupId'],
  ...['departmentId', 'deputyId', 'deputyForPersonId', 'positionId', 'role', 'kind', 'label', 'startsOn', 'endsOn', 'validFrom', 'chfPerUnit'],
  ...['threshold', 'tiers', 'splitPurchaseWindowDays', 'percent', 'source', 'budget', 'alertId', 'outboxId', 'orderNumber', 'awardedOn', 'year'],
]

/** Signing out takes no field: any well-formed post does it, and ends the session the fuzzing uses. */
const takesWellFormedPosts = (route: BuiltRoute) => route.id !== 'routes/sign-out'

test.describe('malformed requests', () => {
  let fixture: Fixture
  test.beforeAll(async ({ app, smtp, browser }) => {
    fixture = {
      ids: await realParameters(app, smtp),
      cookies: { procurement: await sessionCookie(browser, smtp, PROCUREMENT_OFFICER), admin: await sessionCookie(browser, smtp, ADMIN) },
    }
  })

  test('the cases the review found answer 415 or 400 with a message that says what was expected', async ({ app }) => {
    const cookie = fixture.cookies.admin
    const json = await post(app, '/profile', { cookie, contentType: 'application/json', body: '{"everywhere":true}' })
    expect(json.status).toBe(415)
    expect(json.text).toContain('This address takes a form')

    const badBoundary = await post(app, '/profile', { cookie, contentType: 'multipart/form-data; boundary=nope', body: 'everywhere=true' })
    expect(badBoundary.status).toBe(400)
    expect(badBoundary.text).toContain('The form could not be read')

    const noType = await post(app, '/justifications/new', { cookie, body: new TextEncoder().encode('title=x').buffer as ArrayBuffer })
    expect(noType.status).toBe(415)
    expect(noType.text).toContain('sent without a content type')

    const plain = await post(app, '/sign-in', { contentType: 'text/plain', body: 'email=alex.admin@example.org' })
    expect(plain.status).toBe(415)

    for (const upload of ['/industrial-return/scales', '/industrial-return/import']) {
      const urlencoded = await post(app, upload, { cookie: fixture.cookies.procurement, contentType: 'application/x-www-form-urlencoded', body: 'file=contracts.csv' })
      expect(urlencoded.status, upload).toBe(415)
      expect(urlencoded.text, upload).toContain('This form uploads a file')
    }
  })

  test('no malformed body, and no NUL character in any field, makes any action answer 500, and nothing is written', async ({ app }) => {
    const routes = (await routesOfTheBuild((name) => fixture.ids[name] ?? '00000000-0000-4000-8000-000000000000')).filter((route) => route.hasAction)
    expect(routes.length).toBeGreaterThanOrEqual(15)
    const countRows = async () => (await app.sql<{ n: string }>(`SELECT (SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "Justification") AS n`))[0]!.n
    const rowsBefore = await countRows()

    const nulForm = new URLSearchParams(NUL_FIELDS.map((field) => [field, `x${NUL}y`])).toString()
    const nulMultipart = new FormData()
    for (const field of NUL_FIELDS) nulMultipart.append(field, `x${NUL}y`)
    const multipartBody = new Response(nulMultipart)
    const multipart = { contentType: multipartBody.headers.get('content-type')!, body: await multipartBody.arrayBuffer() }

    const failures: string[] = []
    for (const who of ['procurement', 'admin'] as const) {
      for (const route of routes) {
        const cookie = fixture.cookies[who]
        for (const malformed of MALFORMED_BODIES) {
          const { status } = await post(app, route.actionUrl, { cookie, contentType: malformed.contentType, body: malformed.body })
          if (status >= 500) failures.push(`${who} ${malformed.name} to ${route.actionUrl}: ${status}`)
        }
        if (!takesWellFormedPosts(route)) continue
        for (const [name, body] of [
          ['NUL in every field (urlencoded)', { contentType: 'application/x-www-form-urlencoded', body: nulForm }],
          ['NUL in every field (multipart)', multipart],
        ] as const) {
          const { status } = await post(app, route.actionUrl, { cookie, ...body })
          if (status >= 500) failures.push(`${who} ${name} to ${route.actionUrl}: ${status}`)
        }
      }
    }
    expect(failures).toEqual([])
    // Refused requests write nothing (the audit trail would show any change, sign-ins aside).
    expect(await countRows()).toBe(rowsBefore)
  })

  test('a NUL character in a form field gets a message on that field and stores nothing', async ({ app }) => {
    const cookie = fixture.cookies.admin
    const [{ n: before }] = (await app.sql<{ n: string }>(`SELECT count(*) AS n FROM "Justification"`)) as [{ n: string }]
    const form = new URLSearchParams({
      intent: 'save',
      title: `Cold heads${NUL}`,
      description: 'Two spare cold heads for the installed cryocoolers.',
      category: 'SUPPLIES',
      supplierName: 'Cryo Instruments AG',
      supplierCountryCode: 'CH',
      originCountryCode: 'DE',
      amount: '12000',
      currency: 'CHF',
      reason: 'COMPATIBILITY',
      reasonText: 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers.',
    })
    const response = await post(app, '/justifications/new', { cookie, contentType: 'application/x-www-form-urlencoded', body: form.toString() })
    expect(response.status).toBeLessThan(500)
    expect(response.text).toContain('Remove the invisible NUL character from this field')
    const [{ n: after }] = (await app.sql<{ n: string }>(`SELECT count(*) AS n FROM "Justification"`)) as [{ n: string }]
    expect(after).toBe(before)
  })

  test('an address with a NUL character or a broken %-escape answers 400 on every page', async ({ app }) => {
    const routes = (await routesOfTheBuild((name) => fixture.ids[name] ?? '00000000-0000-4000-8000-000000000000')).filter((route) => route.hasLoader)
    const failures: string[] = []
    for (const route of routes) {
      for (const suffix of ['?q=%00&status=%00&supplier=%00&page=%00&sort=%00', '?supplier=%E0%A4%A']) {
        const response = await fetch(new URL(`${route.url}${suffix}`, app.url), { headers: { cookie: fixture.cookies.procurement }, redirect: 'manual' })
        if (response.status !== 400) failures.push(`GET ${route.url}${suffix}: ${response.status}`)
      }
    }
    expect(failures).toEqual([])
    const response = await fetch(new URL('/procurement/justifications?supplier=%00', app.url), { headers: { cookie: fixture.cookies.procurement } })
    expect(await response.text()).toContain('it contains a NUL character')
  })
})
