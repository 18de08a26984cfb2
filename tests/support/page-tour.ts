import type { Browser, BrowserContextOptions } from '@playwright/test'
import { ADMIN, REQUESTER, requestSignInEmail, signIn, test, type AppUnderTest } from '../e2e/fixtures'
import { startApp, type RunningApp } from './app'
import { fileJustifications } from './justifications'
import type { BuiltRoute } from './routes'
import { linkIn, recipientsOf, type TestSmtpServer } from './smtp'

/**
 * A tour of every page of the app, with real data behind each one: the same stops serve the layout
 * suite (every-page-fits.spec.ts, no sideways scroll on a phone) and any other check that must hold
 * on every page. It is data plus the set-up that builds it; the checks belong to the specs.
 */

export type Visitor = 'admin' | 'procurement' | 'requester' | 'approver' | 'nobody'

export const VISITORS: Record<Exclude<Visitor, 'nobody'>, string> = {
  admin: ADMIN,
  procurement: 'paula.procurement@example.org',
  requester: REQUESTER,
  // Leader of EN-MME, the requester's group: the first signatory of what the requester files.
  approver: 'marta.mendes@example.org',
}

/** What the set-up built: the ids and links the stops' URLs need. */
export type TourData = {
  appUrl: string
  mailboxAppUrl: string
  /** Filed by the requester, awaiting the approver's signature (a long supplier name, in EUR). */
  awaitingId: string
  /** Approved without signature (under every tier): awaits its contract. */
  approvedId: string
  draftId: string
  signOffLink: string
  unusedSignInLink: string
  importJobPath: string
  scaleYear: number
  personId: string
  groupId: string
  mailboxMessageId: string
  /** A thematic Industry Day with an invited company of a long name. */
  industryDayId: string
}

export type TourStop = {
  /** The route module the stop shows (an id of the server build). */
  routeId: string
  visitor: Visitor
  /** A full URL: most stops are on the app under test, the local mailbox's on an app without SMTP. */
  url: (data: TourData) => string
}

export type Tour = {
  data: TourData
  /** What a browser context needs to be the visitor (its session cookie); nothing for `nobody`. */
  contextFor: (visitor: Visitor) => BrowserContextOptions
}

const on = (path: (data: TourData) => string) => (data: TourData) => new URL(path(data), data.appUrl).href
const stop = (routeId: string, visitor: Visitor, path: string | ((data: TourData) => string)): TourStop => ({
  routeId: `routes/${routeId}`,
  visitor,
  url: on(typeof path === 'string' ? () => path : path),
})

/** Every page, with who looks at it. */
export const PAGE_TOUR: readonly TourStop[] = [
  stop('_index', 'requester', '/'),
  stop('sign-in._index', 'nobody', '/sign-in'),
  stop('sign-in.code', 'nobody', `/sign-in/code?email=${encodeURIComponent('chloe.caron@example.org')}`),
  stop('sign-in.link.$token', 'nobody', (data) => data.unusedSignInLink),
  // The tour's app has no single sign-on: the refusal page still explains (tests/e2e/single-sign-on.spec.ts shows it with one).
  stop('sign-in.sso.refused', 'nobody', '/sign-in/sso/refused?reason=unknown-person'),
  stop('sign-off.$token', 'nobody', (data) => data.signOffLink),
  stop('justifications._index', 'requester', '/justifications'),
  stop('justifications.new', 'requester', '/justifications/new'),
  stop('justifications.$id._index', 'requester', (data) => `/justifications/${data.awaitingId}`),
  stop('justifications.$id.edit', 'requester', (data) => `/justifications/${data.draftId}/edit`),
  stop('justifications.$id.review', 'requester', (data) => `/justifications/${data.draftId}/review`),
  stop('justifications.$id.documents._index', 'requester', (data) => `/justifications/${data.draftId}/documents`),
  stop('approvals', 'approver', '/approvals'),
  stop('profile', 'requester', '/profile'),
  stop('procurement.justifications._index', 'procurement', '/procurement/justifications'),
  stop('industrial-return._index', 'procurement', '/industrial-return'),
  stop('industrial-return.alerts', 'procurement', '/industrial-return/alerts'),
  stop('industrial-return.awards._index', 'procurement', '/industrial-return/awards'),
  stop('industrial-return.awards.$justificationId', 'procurement', (data) => `/industrial-return/awards/${data.approvedId}`),
  stop('industrial-return.contracts', 'procurement', '/industrial-return/contracts'),
  stop('industrial-return.import._index', 'procurement', '/industrial-return/import'),
  stop('industrial-return.import.$jobId', 'procurement', (data) => data.importJobPath),
  stop('industrial-return.scales._index', 'procurement', '/industrial-return/scales'),
  stop('industrial-return.scales.$year', 'procurement', (data) => `/industrial-return/scales/${data.scaleYear}`),
  stop('industrial-return.industry-days._index', 'procurement', '/industrial-return/industry-days'),
  stop('industrial-return.industry-days.new', 'procurement', '/industrial-return/industry-days/new'),
  stop('industrial-return.industry-days.$dayId', 'procurement', (data) => `/industrial-return/industry-days/${data.industryDayId}`),
  stop('industrial-return.mine', 'approver', '/industrial-return/mine'),
  stop('industrial-return.membership', 'procurement', '/industrial-return/membership'),
  stop('industrial-return.ceilings', 'procurement', '/industrial-return/ceilings'),
  stop('industrial-return.policy', 'procurement', '/industrial-return/policy'),
  stop('industrial-return.suppliers._index', 'procurement', '/industrial-return/suppliers'),
  stop('admin._index', 'admin', '/admin'),
  stop('admin.people.$personId', 'admin', (data) => `/admin/people/${data.personId}`),
  stop('admin.groups.$groupId', 'admin', (data) => `/admin/groups/${data.groupId}`),
  stop('admin.outbox', 'admin', '/admin/outbox'),
  stop('admin.webhooks', 'admin', '/admin/webhooks'),
  stop('admin.policy', 'admin', '/admin/policy'),
  stop('admin.workflow', 'admin', '/admin/workflow'),
  stop('admin.api-keys', 'admin', '/admin/api-keys'),
  // The JSON API's reference, public as its OpenAPI document is.
  stop('api.v1.reference', 'nobody', '/api/v1/reference'),
  // The local mailbox exists only on an app without a mail server.
  stop('mailbox._index', 'nobody', (data) => new URL('/mailbox', data.mailboxAppUrl).href),
  stop('mailbox.$messageId', 'nobody', (data) => new URL(`/mailbox/${data.mailboxMessageId}`, data.mailboxAppUrl).href),
]

/**
 * Routes that are no page: files to download, redirects, form helpers and actions without a view.
 * A route with a component is never here (page-tour.spec checks it): a new page must join the tour.
 */
export const NOT_PAGES: { matches: (routeId: string) => boolean; reason: string }[] = [
  { matches: (id) => /\[\.\](csv|pdf|zip)$/.test(id), reason: 'a file to download (CSV, PDF or ZIP), not a page' },
  {
    matches: (id) => id === 'routes/justifications.$id.documents.$attachmentId' || id === 'routes/sign-off.$token.documents.$attachmentId',
    reason: 'a supporting document to download (from the app or a sign-off link), not a page',
  },
  { matches: (id) => id === 'routes/favicon[.]ico', reason: 'the site icon, for browsers that ask for /favicon.ico' },
  { matches: (id) => id === 'routes/spread.$', reason: 'redirects an old /spread address to /industrial-return' },
  { matches: (id) => id === 'routes/industrial-return', reason: 'the parent of the /industrial-return pages: names their shared messages, has no view' },
  { matches: (id) => id === 'routes/industrial-return.scales.go', reason: 'redirects the year picker to /industrial-return/scales/:year' },
  { matches: (id) => id === 'routes/justifications.split-check', reason: 'answers the filing form’s split-purchase check (data, no view)' },
  {
    matches: (id) => id === 'routes/sign-in.sso._index' || id === 'routes/sign-in.sso.callback',
    reason: 'single sign-on’s start and way back: redirects to the identity provider, then to the page signed in or to the refusal page',
  },
  { matches: (id) => id === 'routes/sign-out', reason: 'an action only (POST), with no view' },
  { matches: (id) => id === 'routes/language', reason: 'the language switch: an action only (POST), with no view' },
  { matches: (id) => id === 'routes/locales.$language.$namespace', reason: 'the messages of one language and area, for the browser (JSON)' },
  { matches: (id) => id.startsWith('routes/api.v1.') && id !== 'routes/api.v1.reference', reason: 'the JSON API (/api/v1, issue 15): JSON for programs with an API key, no page' },
  { matches: (id) => id === 'root', reason: 'the layout around every page (every stop shows it)' },
]

export const isNotAPage = (route: Pick<BuiltRoute, 'id'>) => NOT_PAGES.some((rule) => rule.matches(route.id))

const SUPPLIER_WITH_A_LONG_NAME = 'Hochvakuum-Präzisionsinstrumentenbaugesellschaft-Nordwestschweiz AG'
const year = new Date().getUTCFullYear() - 2
const SCALE_CSV = ['year,country_iso2,country,contribution_pct', ...[year - 1, year].flatMap((y) => [`${y},DE,,20.00`, `${y},FR,,15.00`, `${y},PT,,1.14`, `${y},CH,,3.01`, `${y},GB,,14.70`])].join('\n')
const CONTRACTS_CSV = [
  'order_number,award_date,supplier,category,origin_country,establishment_country,amount,currency,exchange_rate,department,group',
  `TOUR-0001,${year}-03-14,Precision Magnets GmbH,SUPPLIES,DE,DE,900000000.00,CHF,,TE,TE-MSC`,
  `TOUR-0002,${year}-04-02,Lyon Cryogenie SA,SUPPLIES,FR,FR,350000000.00,CHF,,EN,EN-MME`,
  `TOUR-0003,${year}-06-01,${SUPPLIER_WITH_A_LONG_NAME},SUPPLIES,PT,PT,40000.00,EUR,0.95,EN,EN-MME`,
  `TOUR-0004,${year}-06-02,Nowhere Ltd,SUPPLIES,XX,CH,1000.00,CHF,,EN,EN-MME`,
].join('\n')

async function sessionOf(browser: Browser, smtp: TestSmtpServer, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, smtp, email)
  const state = await context.storageState()
  await context.close()
  return state
}

/** Where an upload form sent the browser (the page of what it created). */
async function uploadedTo(app: AppUnderTest, cookie: string, path: string, fields: Record<string, string>, csv: string) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'tour.csv')
  const response = await fetch(new URL(path, app.url), { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' })
  if (response.status !== 302 && response.status !== 303 && response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return response.headers.get('location')
}

/** The first message the local mailbox lists, once a sign-in email has reached it. */
async function aMailboxMessage(mailboxApp: RunningApp) {
  const asked = await fetch(new URL('/sign-in', mailboxApp.url), { method: 'POST', body: new URLSearchParams({ email: REQUESTER }), redirect: 'manual' })
  if (asked.status >= 400) throw new Error(`sign-in request on the local-mailbox app: ${asked.status}`)
  for (let attempt = 0; attempt < 60; attempt++) {
    const html = await (await fetch(new URL('/mailbox', mailboxApp.url))).text()
    const id = /href="\/mailbox\/([0-9a-f-]{36})"/.exec(html)?.[1]
    if (id) return id
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('no message reached the local mailbox')
}

/**
 * Builds the data every page needs (justifications filed, awaiting a signature, approved and in
 * draft; a contribution scale; an import; a sign-off and a sign-in link from real emails; a mailbox
 * message on `mailboxApp`, an app without SMTP) and signs each visitor in once.
 */
export async function setUpPageTour({ app, smtp, browser, mailboxApp }: { app: AppUnderTest; smtp: TestSmtpServer; browser: Browser; mailboxApp: RunningApp }): Promise<Tour> {
  const [awaiting, approved, draft] = await fileJustifications(app, [
    { requester: REQUESTER, title: 'Vacuum gauges for the cryogenic test bench in building 180', supplierName: SUPPLIER_WITH_A_LONG_NAME, supplierCountryCode: 'DE', amount: 6_000_000, currency: 'EUR' },
    { requester: REQUESTER, title: 'Spare O-rings', supplierName: 'Ring SA', supplierCountryCode: 'FR', amount: 400_000 },
    { requester: REQUESTER, title: 'Welding wire, still a draft', supplierName: 'Wire BV', supplierCountryCode: 'NL', amount: 150_000, submit: false },
  ])
  const signOffEmail = await smtp.waitForMessage((m) => recipientsOf(m).includes(VISITORS.approver) && (m.subject ?? '').includes(awaiting!.reference))
  const signOffLink = linkIn(signOffEmail, `${app.url}/sign-off/`)

  const sessions = {
    admin: await sessionOf(browser, smtp, VISITORS.admin),
    procurement: await sessionOf(browser, smtp, VISITORS.procurement),
    requester: await sessionOf(browser, smtp, VISITORS.requester),
    approver: await sessionOf(browser, smtp, VISITORS.approver),
  }
  const procurementCookie = sessions.procurement.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  await uploadedTo(app, procurementCookie, '/industrial-return/scales', { source: 'Page tour: made-up percentages' }, SCALE_CSV)
  const importJobPath = await uploadedTo(app, procurementCookie, '/industrial-return/import', {}, CONTRACTS_CSV)
  if (!importJobPath || !importJobPath.startsWith('/industrial-return/import/')) throw new Error(`the import did not lead to its page: ${importJobPath}`)

  const dayPosted = await fetch(new URL('/industrial-return/industry-days/new', app.url), {
    method: 'POST',
    body: new URLSearchParams({ kind: 'THEMATIC', heldOn: `${year}-06-15`, theme: 'Cryogenics', companies: `${SUPPLIER_WITH_A_LONG_NAME}; CH\nLyon Cryogenie SA; FR\nLisboa Vacuo Lda; PT` }),
    headers: { cookie: procurementCookie },
    redirect: 'manual',
  })
  if (dayPosted.status !== 302) throw new Error(`recording the tour's Industry Day: ${dayPosted.status} ${await dayPosted.text()}`)
  const [industryDay] = await app.sql<{ id: string }>(`SELECT "id" FROM "IndustryDay" WHERE "theme" = 'Cryogenics' ORDER BY "createdAt" DESC LIMIT 1`)

  // A sign-in link nobody used (its page only looks at it).
  const unusedSignInLink = await browser.newContext().then(async (context) => {
    const { link } = await requestSignInEmail(await context.newPage(), smtp, 'chloe.caron@example.org')
    await context.close()
    return link
  })
  const [person] = await app.sql<{ id: string }>(`SELECT "id" FROM "Person" WHERE "email" = $1`, [REQUESTER])
  const [group] = await app.sql<{ id: string }>(`SELECT "id" FROM "Group" WHERE "code" = 'EN-MME'`)

  return {
    data: {
      appUrl: app.url,
      mailboxAppUrl: mailboxApp.url,
      awaitingId: awaiting!.id,
      approvedId: approved!.id,
      draftId: draft!.id,
      signOffLink,
      unusedSignInLink,
      importJobPath,
      scaleYear: year,
      personId: person!.id,
      groupId: group!.id,
      mailboxMessageId: await aMailboxMessage(mailboxApp),
      industryDayId: industryDay!.id,
    },
    contextFor: (visitor) => (visitor === 'nobody' ? {} : { storageState: sessions[visitor] }),
  }
}

/** The test of a spec that visits the tour: the app under test, and one with a local mailbox. */
export const tourTest = test.extend<object, { mailboxApp: RunningApp }>({
  mailboxApp: [
    async ({}, use) => {
      const mailboxApp = await startApp({})
      await use(mailboxApp)
      await mailboxApp.stop()
    },
    { scope: 'worker' },
  ],
})
