import type { Browser } from '@playwright/test'
import { fileJustifications } from '../support/justifications'
import type { TestSmtpServer } from '../support/smtp'
import { ADMIN, expect, REQUESTER, signIn, test, type AppUnderTest } from './fixtures'

// A procurement officer or an administrator sees every justification but signs none that is not
// theirs to sign. A refused post must say so with its status (403, or 409 when the justification
// changed meanwhile), not 200 with a message on the page, and change nothing.

const PROCUREMENT_OFFICER = 'paula.procurement@example.org'

async function signedInRequest(browser: Browser, smtp: TestSmtpServer, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, smtp, email)
  return { request: page.request, close: () => context.close() }
}

async function stateOf(app: AppUnderTest, id: string) {
  const [row] = await app.sql<{ status: string; rowVersion: number; events: string }>(
    `SELECT j."status", j."rowVersion", (SELECT count(*) FROM "AuditEvent" a WHERE a."subject" = 'justification:' || j."id") AS events FROM "Justification" j WHERE j."id" = $1`,
    [id],
  )
  return row
}

test('refused decisions and requester actions by procurement and administrators answer 403 or 409 and change nothing', async ({ app, smtp, browser }) => {
  const [awaiting, draft] = await fileJustifications(app, [
    { requester: REQUESTER, title: 'Cold heads awaiting the group leader', supplierName: 'Cryo Instruments AG', amount: 2_500_000 },
    { requester: REQUESTER, title: 'A draft of the requester', supplierName: 'Cryo Instruments AG', amount: 2_500_000, submit: false },
  ])
  const before = { awaiting: await stateOf(app, awaiting!.id), draft: await stateOf(app, draft!.id) }

  for (const email of [PROCUREMENT_OFFICER, ADMIN]) {
    const { request, close } = await signedInRequest(browser, smtp, email)
    const sign = { intent: 'sign', rowVersion: String(awaiting!.rowVersion) }

    const onPage = await request.post(`/justifications/${awaiting!.id}`, { form: sign, maxRedirects: 0 })
    expect(onPage.status(), `${email} signs another's step on its page`).toBe(403)

    const fromList = await request.post('/approvals', { form: { ...sign, justificationId: awaiting!.id }, maxRedirects: 0 })
    expect(fromList.status(), `${email} signs another's step from the approvals list`).toBe(403)

    const stale = await request.post(`/justifications/${awaiting!.id}`, { form: { ...sign, rowVersion: String(awaiting!.rowVersion - 1) }, maxRedirects: 0 })
    expect(stale.status(), `${email} signs an outdated version`).toBe(409)

    const submitOthers = await request.post(`/justifications/${draft!.id}`, { form: { intent: 'submit', rowVersion: String(draft!.rowVersion) }, maxRedirects: 0 })
    expect(submitOthers.status(), `${email} submits another's draft`).toBe(403)

    const incomplete = await request.post(`/approvals`, { form: { intent: 'reject', justificationId: awaiting!.id, rowVersion: String(awaiting!.rowVersion) }, maxRedirects: 0 })
    expect(incomplete.status(), `${email} rejects without a reason`).toBe(400)
    await close()
  }

  expect(await stateOf(app, awaiting!.id)).toEqual(before.awaiting)
  expect(await stateOf(app, draft!.id)).toEqual(before.draft)
})

test('a refused post still renders the justification page with the reason', async ({ app, smtp, page }) => {
  const [awaiting] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Cold heads shown to procurement', supplierName: 'Cryo Instruments AG', amount: 2_500_000 }])
  await signIn(page, smtp, PROCUREMENT_OFFICER)
  const response = await page.request.post(`/justifications/${awaiting!.id}`, { form: { intent: 'sign', rowVersion: String(awaiting!.rowVersion) }, maxRedirects: 0 })
  expect(response.status()).toBe(403)
  const html = await response.text()
  expect(html).toContain('Cold heads shown to procurement')
  expect(html).toContain('Only the person whose signature is awaited now can decide.')
})
