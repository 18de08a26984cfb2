import { fileJustifications } from '../support/justifications'
import { expect, REQUESTER, signIn, test } from './fixtures'

const PROCUREMENT = 'paula.procurement@example.org'

test('a procurement officer records the contract of an approved justification, typing in the form, and finds it in the ledger', async ({ page, smtp, app }) => {
  // CHF 4 000: under every signature tier, so approved without signature.
  const [pumps] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Turbo pump spare rotors', supplierName: 'Rotor Vac SA', supplierCountryCode: 'FR', amount: 400_000 }])
  await signIn(page, smtp, PROCUREMENT)

  await page.goto('/industrial-return/awards')
  await page.getByRole('link', { name: `Record the contract of ${pumps!.reference}` }).click()
  await expect(page.getByRole('heading', { name: `Record the contract of ${pumps!.reference}` })).toBeVisible()

  // Typed key by key: the form validates in the browser on blur, then again on every input.
  const orderNumber = page.getByLabel('Order number')
  await orderNumber.pressSequentially('PO 2026')
  await orderNumber.blur()
  await expect(page.getByText('Use letters, digits and - _ / . only (at most 64 characters).')).toBeVisible()
  await orderNumber.clear()
  await orderNumber.pressSequentially('PO-2026-E2E-0042')
  await expect(page.getByText('Use letters, digits and - _ / . only (at most 64 characters).')).toHaveCount(0)

  const amount = page.getByLabel('Final amount in CHF')
  await expect(amount).toHaveValue("4'000.00")
  await amount.clear()
  await amount.pressSequentially('3950.50')
  await page.getByRole('button', { name: 'Record the contract' }).click()

  await expect(page).toHaveURL(/\/industrial-return\/contracts\?q=PO-2026-E2E-0042&recorded=1/)
  await expect(page.getByText('The contract is recorded; the dashboard and alerts are up to date.')).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'PO-2026-E2E-0042' })
  await expect(row).toContainText('Rotor Vac SA')
  await expect(row).toContainText('3’950.50')

  // Awarded once only: the justification has left the list of those waiting for a contract.
  await page.goto('/industrial-return/awards')
  await expect(page.getByRole('link', { name: `Record the contract of ${pumps!.reference}` })).toHaveCount(0)
})
