import type { APIRequestContext } from '@playwright/test'
import type { ParsedMail } from 'mailparser'
import { fileJustifications } from '../support/justifications'
import { linkIn, recipientsOf, type TestSmtpServer } from '../support/smtp'
import { expect, signIn, test, type AppUnderTest } from './fixtures'
import { calendarDateIn } from '~/calendar/calendar-date'

const REQUESTER = 'rita.romano@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const DEPARTMENT_HEAD = 'elena.navarro@example.org'

function signatureRequestTo(smtp: TestSmtpServer, email: string, reference: string) {
  return smtp.waitForMessage((m) => recipientsOf(m).includes(email) && (m.subject ?? '').includes(`${reference} awaits your signature`))
}

/** Every link in every email received so far, as a mail scanner sees them. */
function linksIn(messages: ParsedMail[]): string[] {
  const urls = new Set<string>()
  for (const message of messages) {
    for (const match of `${message.text ?? ''} ${typeof message.html === 'string' ? message.html : ''}`.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) urls.add(match[0])
  }
  return [...urls]
}

/** A security scanner fetches every link (GET and HEAD) before the person reads the email. */
async function scanEveryLink(request: APIRequestContext, smtp: TestSmtpServer, app: AppUnderTest) {
  const links = linksIn(smtp.messages).filter((url) => url.startsWith(app.url))
  expect(links.length).toBeGreaterThan(0)
  for (const url of links) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), `GET ${url}`).toBeLessThan(500)
    expect((await request.head(url, { maxRedirects: 0 })).status(), `HEAD ${url}`).toBeLessThan(500)
  }
  return links.length
}

async function stateOf(app: AppUnderTest, id: string) {
  const [row] = await app.sql<{ status: string; rowVersion: number; decisions: number }>(
    `SELECT j.status, j."rowVersion",
       (SELECT count(*)::int FROM "AuditEvent" e WHERE e.subject = 'justification:' || j.id AND e.type IN ('STEP_SIGNED', 'JUSTIFICATION_REJECTED', 'CHANGES_REQUESTED')) AS decisions
     FROM "Justification" j WHERE j.id = $1`,
    [id],
  )
  return row
}

test('60 000 CHF signed by the group leader and the department head, each only through the link in their email; scanners fetching every link change nothing', async ({ browser, smtp, app, request }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Magnet power converter spares', supplierName: 'Converters SA', amount: 6_000_000 }])
  const { id, reference } = filed!

  const toLeader = await signatureRequestTo(smtp, GROUP_LEADER, reference)
  expect(toLeader.text).toContain('Magnet power converter spares')
  expect(toLeader.text).toContain('Converters SA')
  expect(toLeader.text).toMatch(/CHF\s60’000\.00/)
  expect(toLeader.text).toContain('Only this manufacturer supplies parts')
  expect(toLeader.text).toMatch(/Group leader: Marta Mendes, awaiting signature/)

  const before = await stateOf(app, id)
  expect(await scanEveryLink(request, smtp, app)).toBeGreaterThan(1)
  expect(await stateOf(app, id)).toEqual(before)

  // The group leader, not signed in, follows the link from the email and signs.
  const leader = await (await browser.newContext()).newPage()
  await leader.goto(linkIn(toLeader, `${app.url}/sign-off/`))
  await expect(leader.getByRole('heading', { name: `${reference}: Magnet power converter spares` })).toBeVisible()
  await leader.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(leader.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()

  const toHead = await signatureRequestTo(smtp, DEPARTMENT_HEAD, reference)
  expect(toHead.text).toMatch(/Group leader: Marta Mendes, signed/)
  const middle = await stateOf(app, id)
  await scanEveryLink(request, smtp, app)
  expect(await stateOf(app, id)).toEqual(middle)

  const head = await (await browser.newContext()).newPage()
  await head.goto(linkIn(toHead, `${app.url}/sign-off/`))
  await head.getByLabel('Comment').fill('Fine: the spares match the installed converters.')
  await head.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(head.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()

  const approved = await smtp.waitForMessage((m) => recipientsOf(m).includes(REQUESTER) && m.subject === `${reference}: approved`)
  expect(approved.text).toMatch(/Group leader: Marta Mendes, signed/)
  expect(approved.text).toMatch(/Department head: Elena Navarro, signed/)

  const done = await stateOf(app, id)
  expect(done).toMatchObject({ status: 'APPROVED', decisions: 2 })
  await scanEveryLink(request, smtp, app)
  expect(await stateOf(app, id)).toEqual(done)

  const viaLink = await app.sql<{ via: string; ip: string | null; ua: string | null }>(
    `SELECT payload->>'via' AS via, "ipAddress" AS ip, "userAgent" AS ua FROM "AuditEvent" WHERE subject = $1 AND type = 'STEP_SIGNED'`,
    [`justification:${id}`],
  )
  expect(viaLink).toHaveLength(2)
  for (const event of viaLink) {
    expect(event.via).toBe('link')
    expect(event.ip).toBeTruthy()
    expect(event.ua).toContain('Chrome')
  }
})

test('a used, tampered or expired link is refused with a clear page; an expired one offers a fresh link', async ({ browser, smtp, app }) => {
  const [first, second] = await fileJustifications(app, [
    { requester: REQUESTER, title: 'Vacuum gauges', supplierName: 'Gauges GmbH', amount: 2_000_000 },
    { requester: REQUESTER, title: 'Cryostat seals', supplierName: 'Seals AG', amount: 2_000_000 },
  ])
  const page = await (await browser.newContext()).newPage()

  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, first!.reference), `${app.url}/sign-off/`)
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This step is already decided' })).toBeVisible()
  await expect(page.getByText(/It was signed by Marta Mendes on/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toHaveCount(0)

  await page.goto(`${link.slice(0, -3)}xyz`)
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible()

  const secondLink = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, second!.reference), `${app.url}/sign-off/`)
  await app.sql(`UPDATE "SignOffToken" SET "expiresAt" = now() - interval '1 minute' WHERE "justificationId" = $1`, [second!.id])
  await page.goto(secondLink)
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible()
  const before = smtp.messagesTo(GROUP_LEADER).length
  await page.getByRole('button', { name: 'Email me a fresh link' }).click()
  await expect(page.getByRole('status')).toContainText('a fresh link is on its way')
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
  // Its own email: other spec files of this worker mail the group leader too (digests, requests).
  const freshEmail = await smtp.waitForMessage(
    (m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${second!.reference} awaits your signature`) && smtp.messagesTo(GROUP_LEADER).indexOf(m) >= before,
  )
  const fresh = linkIn(freshEmail, `${app.url}/sign-off/`)
  expect(fresh).not.toBe(secondLink)
  await page.goto(fresh)
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeVisible()
})

test('twenty simultaneous POSTs of one link through the server make one decision', async ({ smtp, app, request }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Beam screens', supplierName: 'Screens SA', amount: 2_000_000 }])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)
  const responses = await Promise.all(Array.from({ length: 20 }, () => request.post(link, { form: { intent: 'sign' }, maxRedirects: 0 })))
  expect(responses.every((r) => r.status() < 500)).toBe(true)
  expect(await stateOf(app, filed!.id)).toMatchObject({ status: 'APPROVED', decisions: 1 })
})

test('a signatory who declares an absence hands the step to the deputy; the old link says so', async ({ browser, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Cryo valves', supplierName: 'Valves AG', amount: 2_000_000 }])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)
  const page = await (await browser.newContext()).newPage()
  await signIn(page, smtp, GROUP_LEADER)
  await page.goto('/profile')
  // The organisation's today (Geneva), as the app counts absences: between 23:00 and 24:00 UTC it is already tomorrow there.
  const today = calendarDateIn(new Date())
  const away = page.getByRole('region', { name: 'Away?' })
  await away.getByLabel('First day away').fill(today)
  await away.getByLabel('Last day away').fill(today)
  await away.getByLabel('Deputy while away (optional)').selectOption({ label: 'Mikko Mäkinen' })
  await away.getByRole('button', { name: 'Declare absence' }).click()
  await expect(away.getByRole('status')).toContainText(/\d+ signatures? waiting for you went to your deputy/)

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This signature is no longer yours to give' })).toBeVisible()
  await expect(page.getByText('The step was reassigned to Mikko Mäkinen.')).toBeVisible()
  await expect(signatureRequestTo(smtp, 'mikko.makinen@example.org', filed!.reference)).resolves.toBeTruthy()
  await app.sql(`DELETE FROM "Absence"`)
})

test('strict mode: the link asks its addressee to sign in first, shows nothing before, and refuses a decision without it', async ({ browser, smtp, app, request }) => {
  await app.sql(
    `INSERT INTO "WorkflowSettings" (id, "linkRequiresSignIn", "updatedAt") VALUES (1, true, now()) ON CONFLICT (id) DO UPDATE SET "linkRequiresSignIn" = true`,
  )
  try {
    const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Strictly signed optics', supplierName: 'Optics BV', amount: 2_000_000 }])
    const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)

    const forwarded = await (await browser.newContext()).newPage()
    await forwarded.goto(link)
    await expect(forwarded.getByRole('heading', { name: 'Sign in to decide' })).toBeVisible()
    await expect(forwarded.getByText('Strictly signed optics')).toHaveCount(0)
    await expect(forwarded.getByRole('button', { name: 'Sign', exact: true })).toHaveCount(0)
    expect((await request.post(link, { form: { intent: 'sign' }, maxRedirects: 0 })).status()).toBeLessThan(500)
    expect(await stateOf(app, filed!.id)).toMatchObject({ status: 'AWAITING_SIGNATURE', decisions: 0 })

    // Signed in as the addressee, the same link works.
    const leader = await (await browser.newContext()).newPage()
    await signIn(leader, smtp, GROUP_LEADER)
    await leader.goto(link)
    await leader.getByRole('button', { name: 'Sign', exact: true }).click()
    await expect(leader.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
    expect(await stateOf(app, filed!.id)).toMatchObject({ status: 'APPROVED', decisions: 1 })
  } finally {
    await app.sql(`DELETE FROM "WorkflowSettings"`)
  }
})
