import { decideAs, fileJustifications } from '../support/justifications'
import { createDatabaseClient } from '~/db/client.server'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import { allowFailedResourceLoad, expect, REQUESTER, signIn, test, type AppUnderTest } from './fixtures'
import { fillFilingForm, justificationIdIn } from './filing-form'
import type { Page } from '@playwright/test'

// Issue 10 point 5: Submit shows what will happen, and only "Confirm and submit" submits (ADR 022).
// Point 7: the Submit button does not move when the last field is left or the previews appear.

const statusOf = async (app: AppUnderTest, id: string) => (await app.sql<{ status: string }>(`SELECT status FROM "Justification" WHERE id = $1`, [id]))[0]!.status

async function expectReviewPage(page: Page) {
  await expect(page).toHaveURL(/\/justifications\/[0-9a-f-]{36}\/review$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Review before submitting: SSJ-\d{4}-\d{5}$/)
}

test('with JavaScript: Submit saves the draft and shows the CHF equivalent, the rate, who signs by name and the country’s band; Confirm and submit submits', async ({ page, smtp, app }) => {
  // Contribution scales and contracts, so that the country has a band.
  const db = createDatabaseClient(app.databaseUrl, { maxConnections: 2 })
  await seedReturnDemoData(db, { contractsPerYear: 20 }).finally(() => db.$disconnect())
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications/new')
  await fillFilingForm(page, { title: 'Cold heads paid in euros', amount: "60'000", currency: 'EUR', supplierName: 'Euro Cryo GmbH' })
  await page.getByRole('button', { name: 'Submit for signature' }).click()
  await expectReviewPage(page)
  const id = justificationIdIn(page.url())
  expect(await statusOf(app, id), 'nothing is submitted before the confirmation').toBe('DRAFT')

  const what = page.getByRole('region', { name: 'What you submit' })
  await expect(what).toContainText('EUR\u00a060’000.00')
  await expect(what).toContainText('In CHFCHF\u00a056’472.00')
  await expect(what).toContainText('Exchange rate0.9412 CHF per EUR, rate valid from 1 Jan 2026')
  await expect(page.getByRole('region', { name: 'Who will be asked to sign' }).getByRole('listitem')).toHaveText([
    'Marta Mendes, group leader of EN-MME',
    'Elena Navarro, department head of EN',
  ])
  await expect(page.getByRole('complementary', { name: 'Industrial return' })).toContainText(/Germany is (very poorly|poorly|well) balanced for supplies \(coefficient \d+\.\d\d\); this contract would move it to \d+\.\d\d/)
  await expect(page.getByRole('link', { name: 'Back to edit' })).toHaveAttribute('href', `/justifications/${id}/edit`)

  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page).toHaveURL(`/justifications/${id}`)
  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  expect(await statusOf(app, id)).toBe('AWAITING_SIGNATURE')

  // Once submitted, the review is over: its address leads back to the justification.
  await page.goto(`/justifications/${id}/review`)
  await expect(page).toHaveURL(`/justifications/${id}`)
})

test('without JavaScript: the same review, with nothing said of a rate for a CHF amount, and the confirmation submits', async ({ browser, smtp, app }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications/new')
  await fillFilingForm(page, { title: 'Cold heads in francs', amount: '20 000', supplierName: 'Franc Cryo SA' })
  await page.getByRole('button', { name: 'Submit for signature' }).click()
  await expectReviewPage(page)
  const id = justificationIdIn(page.url())
  expect(await statusOf(app, id)).toBe('DRAFT')
  const what = page.getByRole('region', { name: 'What you submit' })
  await expect(what).toContainText('In CHFCHF\u00a020’000.00')
  await expect(what).not.toContainText('Exchange rate')
  await expect(what).not.toContainText('per CHF')
  await expect(page.getByRole('region', { name: 'Who will be asked to sign' }).getByRole('listitem')).toHaveText(['Marta Mendes, group leader of EN-MME'])

  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  expect(await statusOf(app, id)).toBe('AWAITING_SIGNATURE')
  await context.close()
})

test('the draft page’s Submit goes through the review too; an amount that needs no signature says so', async ({ page, smtp, app }) => {
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Small spare part', supplierName: 'Tiny Parts AG', amount: 500_000, submit: false }])
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${draft!.id}`)
  await page.getByRole('button', { name: 'Submit for signature' }).click()
  await expectReviewPage(page)
  await expect(page.getByRole('region', { name: 'Who will be asked to sign' })).toContainText('Nobody: at or below CHF\u00a010’000.00 no signature is needed')
  expect(await statusOf(app, draft!.id)).toBe('DRAFT')
  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted and approved: at this amount no signature is needed.')
  expect(await statusOf(app, draft!.id)).toBe('APPROVED')
})

test('the review shows the split-purchase and likely-duplicate warnings before anything is submitted', async ({ page, smtp, app }) => {
  // A supplier of this test's own: other spec files of the worker share the database, and one of
  // them splits an order with "Splitter AG" too.
  await fileJustifications(app, [{ requester: 'ruben.rasmussen@example.org', title: 'First half of the order', supplierName: 'Review Halves AG', amount: 800_000 }])
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Second half of the order', supplierName: 'Review Halves AG', amount: 800_000, submit: false }])
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${draft!.id}/review`)
  const warning = page.getByText('Possible split purchase or duplicate').locator('..')
  await expect(warning).toContainText(/the total is CHF\s16’000\.00: above CHF\s10’000\.00/)
  await expect(warning).toContainText(/It may duplicate SSJ-\d{4}-\d{5}: the same supplier, the same group and the same amount/)
  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted and approved: at this amount no signature is needed.')
  expect((await app.sql<{ flag: boolean }>(`SELECT "splitPurchaseFlag" AS flag FROM "Justification" WHERE id = $1`, [draft!.id]))[0]!.flag).toBe(true)
})

test('when the rate changes between the review and the confirmation, nothing is submitted and the review is shown again with a notice', async ({ page, smtp, app }) => {
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Optics paid in pounds', supplierName: 'Pound Optics Ltd', amount: 2_000_000, currency: 'GBP', submit: false }])
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${draft!.id}/review`)
  await expect(page.getByRole('region', { name: 'What you submit' })).toContainText('In CHFCHF\u00a022’100.00')

  // Meanwhile procurement publishes today's pound rate.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date())
  await app.sql(`INSERT INTO "ExchangeRate" (id, currency, "validFrom", "chfPerUnit") VALUES (gen_random_uuid(), 'GBP', $1::date, '1.2000')`, [today])

  // The refusal answers 409 (nothing changed), which the browser logs.
  allowFailedResourceLoad(409, /\/review(\.data)?$/)
  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('alert')).toContainText('Not submitted. What submitting means has changed since you reviewed it')
  expect(await statusOf(app, draft!.id)).toBe('DRAFT')
  await expect(page.getByRole('region', { name: 'What you submit' })).toContainText('In CHFCHF\u00a024’000.00')

  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  expect(await statusOf(app, draft!.id)).toBe('AWAITING_SIGNATURE')
  const [stored] = await app.sql<{ rate: string }>(`SELECT "exchangeRate" AS rate FROM "Justification" WHERE id = $1`, [draft!.id])
  expect(stored!.rate).toBe('1.2')
})

test('without JavaScript too: when who signs changes before the confirmation (the group leader is now absent), the review is shown again as it stands', async ({ browser, smtp, app }) => {
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Leader away meanwhile', supplierName: 'Away Meanwhile AG', amount: 2_000_000, submit: false }])
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${draft!.id}/review`)
  const chain = page.getByRole('region', { name: 'Who will be asked to sign' }).getByRole('listitem')
  await expect(chain).toHaveText(['Marta Mendes, group leader of EN-MME'])

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date())
  const [absence] = await app.sql<{ id: string }>(
    `INSERT INTO "Absence" (id, "personId", "startsOn", "endsOn") SELECT gen_random_uuid(), id, $1::date, $1::date FROM "Person" WHERE email = 'marta.mendes@example.org' RETURNING id`,
    [today],
  )
  try {
    // The refusal answers 409 (nothing changed), which the browser logs.
    allowFailedResourceLoad(409, /\/review$/)
    await page.getByRole('button', { name: 'Confirm and submit' }).click()
    await expect(page.getByRole('alert')).toContainText('Not submitted. What submitting means has changed since you reviewed it')
    expect(await statusOf(app, draft!.id)).toBe('DRAFT')
    await expect(chain).toHaveText([/^Mikko Mäkinen, for the group leader of EN-MME/])
    await page.getByRole('button', { name: 'Confirm and submit' }).click()
    await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
    expect(await statusOf(app, draft!.id)).toBe('AWAITING_SIGNATURE')
  } finally {
    await app.sql(`DELETE FROM "Absence" WHERE id = $1`, [absence!.id])
    await context.close()
  }
})

test('after “changes requested”, the edit page opens with who asked, when and their comment; resubmitting goes through the review', async ({ page, smtp, app }) => {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Bellows sent back', supplierName: 'Bellows SA', amount: 2_000_000 }])
  await decideAs(app, 'marta.mendes@example.org', filed!.id, { kind: 'request-changes', comment: 'Please attach the manufacturer’s quote.' })
  await signIn(page, smtp, REQUESTER)
  await page.goto(`/justifications/${filed!.id}/edit`)
  const notice = page.locator('main .notice').first()
  await expect(notice).toContainText(/^Marta Mendes asked for changes on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/)
  await expect(notice).toContainText('Please attach the manufacturer’s quote.')
  await page.getByRole('button', { name: 'Resubmit for signature' }).click()
  await expectReviewPage(page)
  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  expect(await statusOf(app, filed!.id)).toBe('AWAITING_SIGNATURE')
})

test('nobody else reviews or confirms a requester’s draft', async ({ browser, smtp, app }) => {
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Not yours to submit', supplierName: 'Private AG', amount: 2_000_000, submit: false }])
  const page = await (await browser.newContext()).newPage()
  await signIn(page, smtp, 'ruben.rasmussen@example.org')
  // Like its edit page: a draft of someone else's is refused (403, ADR 025), an unknown id is not found.
  expect((await page.request.get(`/justifications/${draft!.id}/review`, { maxRedirects: 0 })).status()).toBe(403)
  expect((await page.request.post(`/justifications/${draft!.id}/review`, { form: { intent: 'confirm', fingerprint: 'x', rowVersion: '1' }, maxRedirects: 0 })).status()).toBe(403)
  expect((await page.request.get('/justifications/00000000-0000-4000-8000-000000000000/review', { maxRedirects: 0 })).status()).toBe(404)
  expect(await statusOf(app, draft!.id)).toBe('DRAFT')
})

test.describe('no lost click (point 7)', () => {
  test('leaving the last field and clicking Submit right away, where it was, reaches the review', async ({ page, smtp }) => {
    await signIn(page, smtp, REQUESTER)
    await page.goto('/justifications/new')
    await fillFilingForm(page, { title: 'Clicked right after the last field', amount: '9000', supplierName: 'Quick Click AG' })
    const submit = page.getByRole('button', { name: 'Submit for signature' })
    const box = (await submit.boundingBox())!
    await page.getByLabel('Market survey reference (optional)').blur()
    // Where the person aimed before leaving the field, at once: no waiting for previews.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expectReviewPage(page)
  })

  test('a split-purchase warning arriving from the server after the person aimed at Submit does not move the button', async ({ page, smtp, app }) => {
    await fileJustifications(app, [{ requester: 'ruben.rasmussen@example.org', title: 'Earlier half', supplierName: 'Moving Target AG', amount: 700_000 }])
    await signIn(page, smtp, REQUESTER)
    await page.goto('/justifications/new')
    await fillFilingForm(page, { title: 'Aimed before the warning came', amount: '7000', supplierName: 'Somebody Else AG' })
    const submit = page.getByRole('button', { name: 'Submit for signature' })
    const onPage = async () => (await submit.evaluate((button) => button.getBoundingClientRect().top + window.scrollY))
    const aimedAt = await onPage()
    // Now the supplier is one this group bought from a moment ago: the server's answer comes later.
    await page.getByLabel('Supplier’s name').fill('Moving Target AG')
    await page.getByLabel('Supplier’s name').blur()
    await expect(page.getByText(/^Possible split purchase:/)).toBeVisible()
    expect(await onPage(), 'the button stays where it was on the page').toBe(aimedAt)
    await submit.scrollIntoViewIfNeeded()
    const box = (await submit.boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expectReviewPage(page)
  })
})
