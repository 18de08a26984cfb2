import type { Page } from '@playwright/test'

/** Fills every field of the filing form (a supply from Germany by a Swiss supplier), the last one being the market survey reference. */
export async function fillFilingForm(
  page: Page,
  { title, amount, currency = 'CHF', supplierName = 'Cryo Instruments AG' }: { title: string; amount: string; currency?: string; supplierName?: string },
) {
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description of what is bought').fill('Two spare cold heads for the installed cryocoolers of the magnet test bench.')
  await page.getByRole('radio', { name: 'Supplies' }).check()
  await page.getByLabel('Supplier’s name').fill(supplierName)
  await page.getByLabel('Country where the supplier is established').selectOption({ label: 'Switzerland' })
  await page.getByLabel('Country of origin of the goods').selectOption({ label: 'Germany' })
  await page.getByLabel('Amount', { exact: true }).fill(amount)
  await page.getByLabel('Currency').selectOption(currency)
  await page.getByLabel('Reason').selectOption({ label: 'Compatibility or standardisation with installed equipment' })
  await page
    .getByLabel('Written justification')
    .fill('Only the original manufacturer supplies cold heads that fit the installed cryocoolers without a full requalification of the test bench.')
  await page.getByLabel('Market survey reference (optional)').fill('MS-2026-014')
}

/** The id of the justification whose page (or review, or edit page) is open. */
export function justificationIdIn(url: string): string {
  const match = /\/justifications\/([0-9a-f-]{36})/.exec(url)
  if (!match) throw new Error(`No justification id in ${url}`)
  return match[1]!
}
