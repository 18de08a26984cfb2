import { fileJustifications } from '../support/justifications'
import { fillFilingForm } from './filing-form'
import { expect, signIn, test } from './fixtures'

const REQUESTER = 'rita.romano@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const DEPARTMENT_HEAD = 'elena.navarro@example.org'

test('a requester files at 60 000 CHF; the group leader and then the department head sign in the app; the requester sees it approved with the whole timeline', async ({ browser, smtp }) => {
  const requester = await (await browser.newContext()).newPage()
  await signIn(requester, smtp, REQUESTER)
  await requester.goto('/justifications/new')
  await fillFilingForm(requester, { amount: "60'000", title: 'Cryocooler cold heads' })
  await expect(requester.locator('#amount-preview')).toHaveText(/CHF\s60’000\.00\. Needs the signature of: group leader, then department head\./)
  await requester.getByRole('button', { name: 'Submit for signature' }).click()
  await expect(requester.getByRole('heading', { level: 1 })).toHaveText(/^Review before submitting: SSJ-/)
  await requester.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(requester.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  await expect(requester.getByRole('region', { name: 'Signatures' })).toContainText('Group leader: Marta Mendes Awaiting signature')
  await expect(requester.getByRole('region', { name: 'Signatures' })).toContainText('Department head: Elena Navarro To come')
  const url = requester.url()

  // The group leader is told by email, opens it, and signs.
  // This justification's request: the worker's SMTP server also holds other specs' requests to Marta.
  const request = await smtp.waitForMessage((m) => m.subject?.includes('awaits your signature: Cryocooler cold heads') === true && m.to !== undefined && JSON.stringify(m.to).includes(GROUP_LEADER))
  expect(request.text).toContain('Cryocooler cold heads')
  const leader = await (await browser.newContext()).newPage()
  await signIn(leader, smtp, GROUP_LEADER)
  await leader.goto(url)
  await leader.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(leader.getByRole('status')).toHaveText('Signed. Thank you.')
  await expect(leader.getByRole('button', { name: 'Sign', exact: true })).toHaveCount(0)

  const head = await (await browser.newContext()).newPage()
  await signIn(head, smtp, DEPARTMENT_HEAD)
  await head.goto(url)
  await head.getByLabel('Comment').fill('Agreed: requalification would cost more.')
  await head.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(head.getByRole('status')).toHaveText('Signed. Thank you.')

  await requester.reload()
  await expect(requester.locator('h1 + p .badge').first()).toHaveText('Approved')
  const timeline = requester.getByRole('region', { name: 'Timeline' }).getByRole('listitem')
  await expect(timeline).toHaveText([
    /^Created by Rita Romano/,
    /^Submitted by Rita Romano, \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CES?T\s*Signature policy version 1\. Amount: CHF\s60’000\.00\. No supporting document\.$/,
    /^Signature requested by Rita Romano.*Group leader: Marta Mendes/,
    /^Signed by Marta Mendes/,
    /^Signature requested by Marta Mendes.*Department head: Elena Navarro/,
    /^Signed by Elena Navarro.*“Agreed: requalification would cost more\.”/,
    /^Approved by Elena Navarro/,
  ])
  await expect(smtp.waitForMessage((m) => m.subject?.endsWith(': approved') === true)).resolves.toBeTruthy()
})

test('bad values get a message on their field and nothing is stored, without JavaScript too', async ({ browser, smtp, app }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  // Sign in with JavaScript off: the link page's button is a plain form.
  await signIn(page, smtp, 'ruben.rasmussen@example.org')
  const before = await app.sql<{ count: string }>(`SELECT count(*)::text AS count FROM "Justification"`)
  for (const [amount, message] of [
    ['1e5', /^Write the amount in full digits, not in exponent notation/],
    ['-5', /^The amount must be positive: leave out the minus sign\.$/],
    ['0', /^The amount must be greater than zero\.$/],
    ['10.505', /^Use at most two decimals \(centimes\)/],
    ['99999999999999', /^The amount is too large: the maximum is 10’000’000’000\.00\.$/],
  ] as const) {
    await page.goto('/justifications/new')
    await fillFilingForm(page, { amount, title: `Bad amount ${amount}` })
    await page.getByRole('button', { name: 'Save as draft' }).click()
    const field = page.getByLabel('Amount', { exact: true })
    await expect(field, `${amount}: ${message}`).toHaveAttribute('aria-invalid', 'true')
    // The message said in the reader's language, not its key.
    await expect(page.locator(`[id="${await field.getAttribute('id')}-error"]`)).toHaveText(message)
  }
  await page.goto('/justifications/new')
  await page.getByRole('button', { name: 'Save as draft' }).click()
  await expect(page.getByText('Enter the title.')).toBeVisible()
  await expect(page.getByText('Choose supplies or services.')).toBeVisible()
  expect(await app.sql(`SELECT count(*)::text AS count FROM "Justification"`)).toEqual(before)

  // A good draft without JavaScript: saved, and its page says what submitting would mean.
  await fillFilingForm(page, { amount: '10 000.01', currency: 'CHF', title: 'Just above the first threshold' })
  await page.getByRole('button', { name: 'Save as draft' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved as a draft. Nothing is sent until you submit it.')
  await expect(page.getByRole('region', { name: 'Before you submit' })).toContainText('CHF\u00a010’000.01 needs the signature of: group leader.')
  await context.close()
})

test('the form warns of a split purchase as the requester types: same supplier, same group, each under the threshold, together above it', async ({ page, smtp, app }) => {
  await fileJustifications(app, [{ requester: 'ruben.rasmussen@example.org', title: 'First half', supplierName: 'Splitter AG', amount: 800_000 }])
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications/new')
  await page.getByLabel('Supplier’s name').fill('Splitter AG')
  await page.getByLabel('Amount', { exact: true }).fill('7000')
  await expect(page.getByText(/Possible split purchase: With SSJ-\d{4}-\d{5} to the same supplier from the same group in the last 90 days, the total is CHF\s15’000\.00: above CHF\s10’000\.00/)).toBeVisible()
  await page.getByLabel('Amount', { exact: true }).fill('1000')
  await expect(page.getByText(/Possible split purchase/)).toHaveCount(0)
})
