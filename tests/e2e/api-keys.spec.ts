import { ADMIN, expect, signIn, test } from './fixtures'

// Issue 15: an administrator makes an API key, sees it once, and it works; reloading shows it no more.
test('an administrator makes an API key and sees it once; it opens the API', async ({ page, smtp, app }) => {
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'API keys for the JSON API' }).click()
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  await page.getByLabel('Name').fill('ERP contracts feed')
  await page.getByLabel(/Read justifications/).check()
  await page.getByRole('button', { name: 'Make the key' }).click()
  const shown = page.getByLabel('The new key')
  await expect(shown).toHaveValue(/^ssk_/)
  const key = await shown.inputValue()
  await expect(page.getByRole('table', { name: 'Every API key, newest first' })).toContainText('ERP contracts feed')
  expect(await app.sql(`SELECT count(*)::int AS n FROM "ApiKey" WHERE "secretSha256" = encode(sha256(convert_to('${key}', 'UTF8')), 'hex')`)).toEqual([{ n: 1 }])

  const answer = await page.request.get('/api/v1/justifications', { headers: { Authorization: `Bearer ${key}` } })
  expect(answer.status()).toBe(200)
  await page.goto('/admin/api-keys')
  await expect(page.getByLabel('The new key')).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText(key)
})
