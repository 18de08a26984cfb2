import type { Locator, Page } from '@playwright/test'
import { fileJustifications } from '../support/justifications'
import { linkIn, recipientsOf, type TestSmtpServer } from '../support/smtp'
import { expect, signIn, test, type AppUnderTest } from './fixtures'

// Most signatures are given from a phone, from the email (issue 10): at 390 x 844 the sign-off page
// and "Awaiting my signature" say what is asked and the facts it rests on, and put the decision on
// the first screen, without sideways scroll. And a signatory can sign with the keyboard alone.

const REQUESTER = 'rita.romano@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const PHONE = { width: 390, height: 844 }

function signatureRequestTo(smtp: TestSmtpServer, email: string, reference: string) {
  return smtp.waitForMessage((m) => recipientsOf(m).includes(email) && (m.subject ?? '').includes(`${reference} awaits your signature`))
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect(scrollWidth, 'page width at 390 px').toBeLessThanOrEqual(innerWidth)
}

async function top(locator: Locator) {
  const box = await locator.boundingBox()
  expect(box, `${locator} is laid out`).not.toBeNull()
  return box!.y
}

/** The locators appear on the page from top to bottom, in this order. */
async function expectTopToBottom(locators: Locator[]) {
  const tops = await Promise.all(locators.map(top))
  expect(tops, 'top edges, in the order given').toEqual([...tops].sort((a, b) => a - b))
}

async function decisionsOn(app: AppUnderTest, id: string) {
  return app.sql<{ type: string; via: string | null; comment: string | null }>(
    `SELECT type, payload->>'via' AS via, payload->>'comment' AS comment FROM "AuditEvent"
     WHERE subject = $1 AND type IN ('STEP_SIGNED', 'JUSTIFICATION_REJECTED', 'CHANGES_REQUESTED') ORDER BY id`,
    [`justification:${id}`],
  )
}

test('at 390 x 844 the sign-off page from the email says what is asked and the facts, in order, and the Sign button is on the first screen', async ({ browser, smtp, app }, testInfo) => {
  const [filed] = await fileJustifications(app, [
    { requester: REQUESTER, title: 'Replacement turbomolecular pumps for the beam line', supplierName: 'Vakuumtechnik GmbH', supplierCountryCode: 'DE', amount: 2_000_000, currency: 'EUR' },
  ])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)
  const page = await (await browser.newContext({ viewport: PHONE })).newPage()
  await page.goto(link)

  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(`Your signature as group leader ${filed!.reference}: Replacement turbomolecular pumps for the beam line`)
  const summary = page.getByRole('region', { name: 'In short' })
  await expect(summary.getByRole('term')).toHaveText(['Amount', 'Supplier', 'Requester', 'Reason'])
  // 20 000 EUR at the seeded 0.9412: the CHF value first, then the amount as filed.
  await expect(summary.getByRole('definition')).toHaveText([
    /^CHF\s18’824\.00 EUR\s20’000\.00 at 0\.9412 CHF per EUR/,
    'Vakuumtechnik GmbH, established in Germany',
    'Rita Romano',
    'Compatibility or standardisation with installed equipment',
  ])
  const sign = page.getByRole('button', { name: 'Sign', exact: true })
  const comment = page.getByLabel('Comment')
  const full = page.getByRole('region', { name: 'The justification in full' })
  await expectTopToBottom([
    page.getByText('Your signature as group leader'),
    summary.getByRole('definition').nth(0),
    summary.getByRole('definition').nth(1),
    summary.getByRole('definition').nth(2),
    summary.getByRole('definition').nth(3),
    comment,
    sign,
    page.getByRole('button', { name: 'Request changes' }),
    page.getByRole('button', { name: 'Reject' }),
    full,
    page.getByRole('region', { name: 'Signatures' }),
    page.getByRole('region', { name: 'Timeline' }),
  ])
  await expect(full).toContainText('Only this manufacturer supplies parts that fit the installed equipment')

  const signBox = (await sign.boundingBox())!
  const headerBox = await page.locator('header.site').boundingBox()
  testInfo.annotations.push({ type: 'sign-off at 390 px', description: `header ${headerBox?.height ?? 0} px; Sign button bottom edge at ${signBox.y + signBox.height} px` })
  expect(signBox.y + signBox.height, 'the Sign button’s bottom edge, on the first screen').toBeLessThanOrEqual(PHONE.height)
  expect(signBox.height, 'a touch target').toBeGreaterThanOrEqual(44)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('sign-off-390.png') })
})

test('at 390 x 844 "Awaiting my signature" shows each item as a card with what is asked, the facts and the decision, without sideways scroll', async ({ browser, smtp, app }, testInfo) => {
  const filed = await fileJustifications(app, [
    { requester: REQUESTER, title: 'Cryogenic transfer line couplings', supplierName: 'Kryotechnik Aktiengesellschaft', supplierCountryCode: 'DE', amount: 1_500_000, currency: 'EUR' },
    { requester: REQUESTER, title: 'Spare ion pump controllers', supplierName: 'Ion Pumps SA', amount: 2_200_000 },
  ])
  const page = await (await browser.newContext({ viewport: PHONE })).newPage()
  await signIn(page, smtp, GROUP_LEADER)
  await page.goto('/approvals')
  await expect(page.getByRole('heading', { name: 'Awaiting my signature' })).toBeVisible()

  const first = page.getByRole('row').filter({ hasText: filed[0]!.reference })
  await expect(first).toContainText('Sign as group leader')
  await expect(first).toContainText(/CHF\s14’118\.00/)
  await expect(first).toContainText(/EUR\s15’000\.00/)
  await expect(first).toContainText('Kryotechnik Aktiengesellschaft')
  await expect(first).toContainText('Germany')
  await expect(first).toContainText('Rita Romano')
  await expect(first).toContainText('Compatibility or standardisation with installed equipment')
  const sign = first.getByRole('button', { name: `Sign ${filed[0]!.reference}` })
  // Each fact says what it is, as the column headers would on a wide screen.
  for (const label of ['Amount', 'Supplier', 'Requester', 'Reason']) await expect(first.getByText(label, { exact: true })).toBeVisible()
  await expectTopToBottom([
    first.getByText('Sign as group leader'),
    first.getByText(/CHF\s14’118\.00/),
    first.getByText('Kryotechnik Aktiengesellschaft'),
    first.getByText('Rita Romano'),
    first.getByText('Compatibility or standardisation with installed equipment'),
    first.getByLabel(`Comment or reason for ${filed[0]!.reference}`),
    sign,
  ])
  await page.screenshot({ path: testInfo.outputPath('awaiting-my-signature-390.png'), fullPage: true })
  // Cards, not rows of a wide table: each fits the screen's width.
  const cards = page.getByRole('table', { name: /awaiting my signature/ }).locator('tbody > tr')
  expect(await cards.count()).toBeGreaterThanOrEqual(2)
  for (const card of await cards.all()) {
    const box = (await card.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
  }
  // Whichever item waits longest comes first, its decision on the first screen.
  const firstSign = cards.first().getByRole('button', { name: /^Sign / })
  const firstBox = (await firstSign.boundingBox())!
  testInfo.annotations.push({ type: 'awaiting at 390 px', description: `first Sign button bottom edge at ${firstBox.y + firstBox.height} px` })
  expect(firstBox.y + firstBox.height, 'the first item’s Sign button, on the first screen').toBeLessThanOrEqual(PHONE.height)
  expect((await sign.boundingBox())!.height, 'a touch target').toBeGreaterThanOrEqual(44)
  await expectNoSidewaysScroll(page)

  // The card's buttons work as on a wide screen.
  await sign.click()
  await expect(page.getByRole('status')).toHaveText(`You signed ${filed[0]!.reference}.`)
  await expect(page.getByRole('row').filter({ hasText: filed[1]!.reference })).toBeVisible()
  await expectNoSidewaysScroll(page)
})

test('from the email link a signatory comments and signs with the keyboard alone; the decision is recorded', async ({ browser, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Keyboard-signed bellows', supplierName: 'Bellows AG', amount: 2_000_000 }])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)
  const page = await (await browser.newContext()).newPage()
  await page.goto(link)
  const comment = page.getByLabel('Comment')
  await expect(comment).toBeVisible()

  // Tab from the top of the page until the comment field has the focus: no mouse.
  for (let presses = 0; presses < 40 && !(await comment.evaluate((field) => field === document.activeElement)); presses++) await page.keyboard.press('Tab')
  await expect(comment).toBeFocused()
  await page.keyboard.type('Signed from the keyboard: the bellows match the drawings.')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Request changes' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Reject' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
  await expect(page.getByText(`Your decision is recorded on ${filed!.reference}`)).toBeVisible()
  expect(await decisionsOn(app, filed!.id)).toEqual([{ type: 'STEP_SIGNED', via: 'link', comment: 'Signed from the keyboard: the bellows match the drawings.' }])
  const [row] = await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [filed!.id])
  expect(row?.status).toBe('APPROVED')
})

test('without JavaScript, at 390 px, asking for changes from the link needs a comment and is then recorded', async ({ browser, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Scriptless flanges', supplierName: 'Flanges SA', amount: 2_000_000 }])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed!.reference), `${app.url}/sign-off/`)
  const page = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage()
  await page.goto(link)
  await page.getByRole('button', { name: 'Request changes' }).click()
  await expect(page.getByLabel('Comment')).toHaveAttribute('aria-invalid', 'true')
  expect(await decisionsOn(app, filed!.id)).toEqual([])
  await expectNoSidewaysScroll(page)

  await page.getByLabel('Comment').fill('Add the flange drawing.')
  await page.getByRole('button', { name: 'Request changes' }).click()
  await expect(page.getByRole('heading', { name: /^Thank you: / })).toBeVisible()
  expect(await decisionsOn(app, filed!.id)).toEqual([{ type: 'CHANGES_REQUESTED', via: 'link', comment: 'Add the flange drawing.' }])
})
