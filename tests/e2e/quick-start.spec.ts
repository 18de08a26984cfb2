import { test as base, expect } from './fixtures'
import { startApp, type RunningApp } from '../support/app'

// The app as the README's first line starts it: no DATABASE_URL, no SMTP_URL, no SESSION_SECRET.
// Embedded PostgreSQL, demo data, and mail in the local mailbox.
const test = base.extend<object, { defaultApp: RunningApp }>({
  defaultApp: [
    async ({}, use) => {
      // As a new installation starts: its cluster made by initdb, not from the suites' dumped one.
      const app = await startApp({ PGLITE_NEW_CLUSTER_FROM: undefined })
      await use(app)
      await app.stop()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ defaultApp }, use) => use(defaultApp.url),
})

test('with the embedded defaults, a person signs in through the local mailbox', async ({ page, defaultApp }) => {
  expect(defaultApp.logs.join('')).toContain('"database":"embedded"')

  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in/)
  await page.getByLabel('Email address').fill('marta.mendes@example.org')
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()

  await page.getByRole('link', { name: 'local mailbox' }).first().click()
  await expect(page.getByRole('heading', { name: 'Local mailbox' })).toBeVisible()
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('link', { name: 'Your SoleSource sign-in link' })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await page.getByRole('link', { name: 'Your SoleSource sign-in link' }).click()
  await page.locator('pre').getByRole('link').first().click()
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page.getByRole('heading', { name: 'Welcome, Marta Mendes' })).toBeVisible()
  await expect(page.getByText('Leader of EN-MME')).toBeVisible()
})
