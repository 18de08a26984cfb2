import { fileJustifications } from '../support/justifications'
import { ADMIN, expect, signIn, test, waitForHydration } from './fixtures'

/**
 * React 18 starts hydrating in a task it schedules after `hydrateRoot` (entry.client.tsx). A key
 * press or a click before that task runs makes React hydrate the root at once, synchronously; Remix's
 * root then suspends (it decodes the loader data from a stream first), and React gives up with its
 * error #345 ("Root did not complete"), seen now and then in CI on /admin/people/:id. Here React's
 * scheduler is held back for two seconds (its tasks are posted through a MessagePort), so the person
 * acts inside that moment every time.
 */
const HOLD_BACK_REACTS_SCHEDULER = `
  (() => {
    const releaseAt = performance.now() + 2000
    const post = MessagePort.prototype.postMessage
    MessagePort.prototype.postMessage = function (...message) {
      const wait = releaseAt - performance.now()
      if (wait > 0) setTimeout(() => post.apply(this, message), wait)
      else post.apply(this, message)
    }
  })()
`

test('clicking and typing before the page has taken over raises no error and the page then works', async ({ page, smtp, app }) => {
  await signIn(page, smtp, ADMIN)
  const [chloe] = (await app.sql(`SELECT id FROM "Person" WHERE email = 'chloe.caron@example.org'`)) as [{ id: string }]
  await page.addInitScript(HOLD_BACK_REACTS_SCHEDULER)
  await page.goto(`/admin/people/${chloe.id}`)
  await expect(page.locator('html[data-hydrated]')).toHaveCount(0)

  // Inside the moment: fields filled, as a quick person (or a journey) does.
  await page.getByLabel('Name').fill('')
  await page.getByLabel('Email address').fill('marta.mendes@example.org')
  await page.getByLabel('Name').fill('Chloé Caron')

  await waitForHydration(page)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Another person already has this email address.')).toBeVisible()
})

test('what a requester types before the filing form has taken over still drives the split-purchase check', async ({ page, smtp, app }) => {
  await fileJustifications(app, [{ requester: 'ruben.rasmussen@example.org', title: 'First half', supplierName: 'Typed Early AG', amount: 800_000 }])
  await signIn(page, smtp, 'rita.romano@example.org')
  await page.addInitScript(HOLD_BACK_REACTS_SCHEDULER)
  await page.goto('/justifications/new')
  await expect(page.locator('html[data-hydrated]')).toHaveCount(0)

  // Typed before hydration: no onChange reached React, yet the form must start from these values.
  await page.getByLabel('Supplier’s name').fill('Typed Early AG')
  await page.getByLabel('Amount', { exact: true }).fill('7000')

  await waitForHydration(page)
  await expect(page.getByText(/Possible split purchase: With SSJ-\d{4}-\d{5} to the same supplier/)).toBeVisible()
})
