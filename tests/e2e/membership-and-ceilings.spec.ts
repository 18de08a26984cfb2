import { expect, signIn, test } from './fixtures'

const PROCUREMENT = 'paula.procurement@example.org'
const thisYear = new Date().getUTCFullYear()

test.describe.configure({ mode: 'serial' })

test('procurement dates a membership change, sets an Associate ceiling, sees it reached, and filing warns about that Associate', async ({ page, smtp }) => {
  await signIn(page, smtp, PROCUREMENT)

  // Membership over time: a field message first, then Brazil's change on 13 March 2024.
  await page.goto('/industrial-return/membership')
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Brazil (BR)' })
  await page.getByLabel('Became').selectOption({ label: 'Associate Member State' })
  await page.getByLabel(/^On /).fill('2024-03-13')
  await page.getByRole('button', { name: 'Record the change' }).click()
  await expect(page.getByText('Say where the date comes from')).toBeVisible()
  await page.getByLabel('Source of the date').fill('Issue 13: Associate Member State since 13 March 2024')
  await page.getByRole('button', { name: 'Record the change' }).click()
  await expect(page.getByRole('status')).toContainText('Membership of Brazil saved')
  const brazil = page.getByRole('row', { name: /Brazil \(BR\)/ })
  await expect(brazil).toContainText('From 13 Mar 2024: Associate Member State')
  await expect(brazil.getByRole('cell').first()).toHaveText('Associate Member State')

  // This year's scale and a supply from Brazil this year, so that Brazil's coefficient for the year exists.
  await page.goto('/industrial-return/scales')
  const scale = ['year,country_iso2,country,contribution_pct', `${thisYear},DE,,60`, `${thisYear},FR,,39.9`, `${thisYear},BR,,0.1`].join('\n')
  await page.getByLabel('CSV file').setInputFiles({ name: 'scale-this-year.csv', mimeType: 'text/csv', buffer: Buffer.from(scale) })
  await page.getByLabel('Source of the figures').fill('E2E: made-up percentages for the ceiling journey')
  await page.getByRole('button', { name: 'Import scale' }).click()
  await expect(page.getByRole('status')).toContainText(`Saved the scale of ${thisYear}`)
  await page.goto('/industrial-return/import')
  const contracts = [
    'order_number,award_date,supplier,category,origin_country,establishment_country,amount,currency,exchange_rate,department,group',
    `E2E-CEIL-0001,${thisYear}-01-02,Criogenia Paulista Ltda,SUPPLIES,BR,BR,50000.00,CHF,,EN,EN-MME`,
  ].join('\n')
  await page.getByLabel('CSV file').setInputFiles({ name: 'ceiling-contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(contracts) })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 })

  // The spread policy: a ceiling refused for a full Member, then Brazil's ceiling for this year.
  await page.goto('/industrial-return/policy')
  const ceilings = page.getByLabel('Associate Member States’ ceilings')
  await ceilings.fill(`FR ${thisYear} 1.00`)
  await page.getByRole('button', { name: 'Publish the version' }).click()
  await expect(page.getByText(`FR ${thisYear}: France is not an Associate Member State in ${thisYear}, so it has no ceiling that year.`)).toBeVisible()
  await ceilings.fill(`BR ${thisYear} 0.01`)
  await page.getByRole('button', { name: 'Publish the version' }).click()
  await expect(page.getByRole('status')).toContainText(/Version \d+ published/)
  await expect(page.getByRole('row', { name: /in force/ })).toContainText(`BR ${thisYear}: 0.01`)

  // Brazil's position against it, marked.
  await page.goto('/industrial-return/ceilings')
  await expect(page.getByRole('list', { name: 'Ceilings reached' })).toContainText(`Brazil has reached its ceiling for ${thisYear}`)
  await expect(page.getByRole('row', { name: /Brazil/ })).toContainText('at ceiling')

  // Filing a supply from Brazil: the panel warns.
  await page.goto('/justifications/new')
  await page.getByRole('radio', { name: 'Supplies' }).check()
  await page.getByLabel('Country where the supplier is established').selectOption({ label: 'Brazil' })
  await page.getByLabel('Country of origin of the goods').selectOption({ label: 'Brazil' })
  await expect(page.locator('#return-filing-ceiling')).toContainText(`Brazil has reached its ceiling for ${thisYear}`)
  await page.getByLabel('Country of origin of the goods').selectOption({ label: 'Germany' })
  await expect(page.locator('#return-filing-ceiling')).toHaveCount(0)
})

test('a change dated in the future leaves today’s membership alone, and a mistaken change can be removed', async ({ page, smtp }) => {
  await signIn(page, smtp, PROCUREMENT)
  await page.goto('/industrial-return/membership')
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Latvia (LV)' })
  await page.getByLabel('Became').selectOption({ label: 'Member State' })
  await page.getByLabel(/^On /).fill('2099-01-01')
  await page.getByLabel('Source of the date').fill('E2E fixture, not a historical date')
  await page.getByRole('button', { name: 'Record the change' }).click()
  await expect(page.getByRole('status')).toContainText('Membership of Latvia saved')
  const latvia = page.getByRole('row', { name: /Latvia \(LV\)/ })
  await expect(latvia).toContainText('From 1 Jan 2099: Member State')
  await expect(latvia.getByRole('cell').first()).toHaveText('Associate Member State')
  await latvia.getByRole('button', { name: 'Remove the change of Latvia on 1 Jan 2099' }).click()
  await expect(page.getByRole('status')).toContainText('Membership of Latvia saved')
  await expect(page.getByRole('row', { name: /Latvia \(LV\)/ })).not.toContainText('1 Jan 2099')
})
