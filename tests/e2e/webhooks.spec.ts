import { ADMIN, expect, signIn, test } from './fixtures'

// Issue 15.4 (ADR 050): the page an administrator registers the ERP's endpoint on. Delivery itself is
// tested without a browser (app/webhooks/webhooks.server.test.ts, tests/integration/webhooks-app.test.ts).
test('an administrator adds an endpoint from the admin page and sees its signing secret once', async ({ page, smtp }) => {
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Webhooks' }).click()
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible()

  const form = page.getByRole('region', { name: 'Add an endpoint' })
  await form.getByLabel('URL').fill('https://erp.example.org/solesource/webhooks')
  await form.getByRole('button', { name: 'Add the endpoint' }).click()
  await expect(page.getByRole('alert')).toContainText('Choose at least one event.')

  await form.getByLabel('URL').fill('https://erp.example.org/solesource/webhooks')
  await form.getByLabel(/Justification approved/).check()
  await form.getByLabel(/Contract recorded/).check()
  await form.getByRole('button', { name: 'Add the endpoint' }).click()
  await expect(page.getByRole('status')).toContainText('Endpoint added.')
  await expect(page.getByTestId('signing-secret')).toHaveText(/^whsec_[A-Za-z0-9+/]{32}$/)

  // Shown once: the page read again lists the endpoint, not its secret.
  await page.reload()
  await expect(page.getByRole('region', { name: /erp\.example\.org/ })).toContainText('Nothing delivered yet.')
  await expect(page.getByTestId('signing-secret')).toHaveCount(0)
})
