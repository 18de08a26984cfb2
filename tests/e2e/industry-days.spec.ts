import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { createDatabaseClient } from '~/db/client.server'
import { seedReturnDemoData } from '../../prisma/seed-industrial-return'
import { expect, REQUESTER, signIn, test } from './fixtures'

// Issue 13 point 9 (ADR 043): procurement records Industry Days; the page shows, per year, the share of
// country days held in the six most imbalanced states and the share of companies invited to thematic
// days from them, against the 25% target, with the list behind each figure.

const PROCUREMENT = 'paula.procurement@example.org'

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('a procurement officer records a country day and a thematic day (a bad company line first) and sees both shares against 25%', async ({ page, smtp, app }) => {
  // Scales and contracts, so that the status year has coefficients (demo Industry Days come with them, 2022-2025).
  const db = createDatabaseClient(app.databaseUrl, { maxConnections: 2 })
  await seedReturnDemoData(db, { contractsPerYear: 20 }).finally(() => db.$disconnect())
  const year = new Date().getUTCFullYear()
  await signIn(page, smtp, PROCUREMENT)

  // The dashboard's six most imbalanced states are those of the published status year, as on the Industry Days page.
  await page.goto('/industrial-return')
  const lowest = await page.getByRole('region', { name: 'Six most imbalanced (supplies)' }).getByRole('listitem').first().textContent()
  const [, lowestName, lowestCode] = /^(.+) \(([A-Z]{2})\)/.exec(lowest ?? '') ?? []
  expect(lowestCode, 'the dashboard names the lowest coefficient').toMatch(/^[A-Z]{2}$/)
  await expect(page.locator('#industry-days-summary')).toContainText(`Industry Days ${year}: none recorded yet.`)

  await page.getByRole('navigation', { name: 'Industrial return' }).getByRole('link', { name: 'Industry Days' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Industry Days' })).toBeVisible()
  await page.getByRole('link', { name: 'Record an Industry Day' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Record an Industry Day' })).toBeVisible()

  // A country day in the state with the lowest coefficient.
  await page.getByRole('radio', { name: 'Country Industry Day' }).check()
  await page.getByLabel('Date', { exact: true }).fill(`${year}-05-12`)
  await page.getByLabel('Country (for a country Industry Day)').selectOption(lowestCode!)
  await page.getByRole('button', { name: 'Record the Industry Day' }).click()
  await expect(page).toHaveURL(new RegExp(`/industrial-return/industry-days\\?year=${year}&done=recorded`))
  await expect(page.getByRole('status')).toContainText('The Industry Day is recorded.')
  const countryDays = page.getByRole('region', { name: `Country Industry Days in ${year}` })
  await expect(countryDays).toContainText('In the six most imbalanced states: 1 of 1 (100.0%) 25% target met')
  await expect(countryDays.getByRole('row').filter({ hasText: `${lowestName} (${lowestCode})` })).toContainText('yes')

  // A thematic day: line 3 names a country code nobody knows.
  await page.getByRole('link', { name: 'Record an Industry Day' }).click()
  await page.getByRole('radio', { name: 'Thematic Industry Day' }).check()
  await page.getByLabel('Date', { exact: true }).fill(`${year}-06-16`)
  await page.getByLabel('Theme (for a thematic Industry Day)').fill('Cryogenics')
  const companies = page.getByLabel('Invited companies')
  await companies.fill(`Alpha SA; CH\nBeta AG; ch\nGamma Ltd; XX\nDelta Kryo; ${lowestCode}`)
  await page.getByRole('button', { name: 'Record the Industry Day' }).click()
  await expect(page.getByText('Line 3: the country code “XX” is not one the organisation knows.')).toBeVisible()
  await expect(companies).toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL(/\/industrial-return\/industry-days\/new$/)
  await expectNoAxeViolations(page)

  await companies.fill(`Alpha SA; CH\nBeta AG; ch\nGamma Ltd; CH\nDelta Kryo; ${lowestCode}`)
  await expect(page.getByText('Line 3: the country code “XX” is not one the organisation knows.')).toHaveCount(0)
  await page.getByRole('button', { name: 'Record the Industry Day' }).click()
  await expect(page.getByRole('status')).toContainText('The Industry Day is recorded.')

  // The shares, each with the list behind it; a quarter of the invitations is exactly the target.
  const invitations = page.getByRole('region', { name: `Companies invited to thematic Industry Days in ${year}` })
  await expect(invitations).toContainText('From the six most imbalanced states: 1 of 4 (25.0%) 25% target met')
  await expect(invitations.getByRole('row').filter({ hasText: 'Delta Kryo' })).toContainText('yes')
  await expect(invitations.getByRole('row').filter({ hasText: 'Beta AG' })).toContainText('Switzerland (CH)')
  await expect(invitations.getByRole('row').filter({ hasText: 'Beta AG' })).toContainText('no')
  await expect(page.getByRole('region', { name: `Per year` }).getByRole('row').filter({ hasText: String(year) })).toContainText('1 of 1 (100.0%) 25% target met')
  await expect(page.getByRole('region', { name: /The six most imbalanced states the days of/ }).getByRole('listitem').first()).toContainText(`${lowestName} (${lowestCode})`)
  // The demo years are there too, labelled as such.
  await page.getByRole('link', { name: '2023', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Country Industry Days in 2023' }).getByText('demo').first()).toBeVisible()
  await expectNoAxeViolations(page)

  // The dashboard's line.
  await page.goto('/industrial-return')
  await expect(page.locator('#industry-days-summary')).toContainText(`country days in the six most imbalanced states 1 of 1 (100.0%)`)
  await expect(page.locator('#industry-days-summary')).toContainText(`invited companies from them 1 of 4 (25.0%)`)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server refuses a bad company line on its line and records nothing; an edit then renames its theme', async ({ page, smtp, app }) => {
    const before = (await app.sql<{ n: string }>(`SELECT count(*) AS n FROM "IndustryDay"`))[0]!.n
    await signIn(page, smtp, PROCUREMENT)
    await page.goto('/industrial-return/industry-days/new')
    await page.getByRole('radio', { name: 'Thematic Industry Day' }).check()
    await page.getByLabel('Date', { exact: true }).fill('2026-09-08')
    await page.getByLabel('Theme (for a thematic Industry Day)').fill('Vacuum')
    await page.getByLabel('Invited companies').fill('Epsilon GmbH; DE\nZeta Srl; IT\nEta; nowhere')
    await page.getByRole('button', { name: 'Record the Industry Day' }).click()
    await expect(page.getByText('Line 3: “NOWHERE” is not a two-letter country code (e.g. FR, PL).')).toBeVisible()
    await expect(page.getByLabel('Invited companies')).toHaveValue('Epsilon GmbH; DE\nZeta Srl; IT\nEta; nowhere')
    expect((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM "IndustryDay"`))[0]!.n).toBe(before)

    await page.getByLabel('Invited companies').fill('Epsilon GmbH; DE\nZeta Srl; IT')
    await page.getByRole('button', { name: 'Record the Industry Day' }).click()
    await expect(page.getByRole('status')).toContainText(/The Industry Day is recorded\. \(8 Sept? 2026\)/)
    await page.getByRole('link', { name: /^Edit the Industry Day of 8 Sept? 2026/ }).click()
    await expect(page.getByLabel('Invited companies')).toHaveValue('Epsilon GmbH; DE\nZeta Srl; IT')
    await page.getByLabel('Theme (for a thematic Industry Day)').fill('Vacuum technologies')
    await page.getByRole('button', { name: 'Save the Industry Day' }).click()
    await expect(page.getByRole('status')).toContainText('The Industry Day is saved.')
    await expect(page.getByRole('region', { name: 'Every Industry Day of 2026' }).getByRole('row').filter({ hasText: 'Vacuum technologies' })).toContainText('2')
  })
})

test('the Industry Days pages are for procurement officers only, on GET and POST', async ({ page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  const [day] = await app.sql<{ id: string }>(`SELECT "id" FROM "IndustryDay" LIMIT 1`)
  const dayUrl = `/industrial-return/industry-days/${day?.id ?? '00000000-0000-4000-8000-000000000000'}`
  for (const url of ['/industrial-return/industry-days', '/industrial-return/industry-days/new', dayUrl]) {
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), `GET ${url}`).toBe(403)
  }
  const before = await app.sql(`SELECT "id", "version" FROM "IndustryDay" ORDER BY "id"`)
  const post = await page.request.post('/industrial-return/industry-days/new', { form: { kind: 'COUNTRY', heldOn: '2026-05-12', countryCode: 'CH' }, maxRedirects: 0 })
  expect(post.status()).toBe(403)
  expect((await page.request.post(dayUrl, { form: { intent: 'delete', version: '1' }, maxRedirects: 0 })).status()).toBe(403)
  expect(await app.sql(`SELECT "id", "version" FROM "IndustryDay" ORDER BY "id"`)).toEqual(before)
})

