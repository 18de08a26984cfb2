import type { Page } from '@playwright/test'
import { expect, REQUESTER, signIn, test, waitForHydration } from './fixtures'
import { justificationIdIn } from './filing-form'

// Issue 10 point 9: a justification filed with the keyboard alone (Tab, typing, Space, Enter; no
// click), through the review and its confirmation, is submitted.

/** What the focused element is called: its label for a form control, its text for a button or link. */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null
    if (!element || element === document.body) return ''
    const label = element.labels?.[0]?.textContent
    return (label ?? element.textContent ?? '').trim()
  })
}

/** Presses Tab until the control called `name` has the focus (as a person moving through the page would). */
async function tabTo(page: Page, name: string) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab')
    if ((await focusedName(page)) === name) return
  }
  throw new Error(`Tab never reached “${name}”`)
}

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, name)
  await page.keyboard.type(text)
}

test('a requester files a justification with the keyboard only, reviews it and confirms it: it is submitted', async ({ page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications/new')
  // The live previews below need React's handlers: start once React has the page (root.tsx marks
  // the document; keys before then reach only the fields themselves, ADR 032).
  await waitForHydration(page)

  await typeInto(page, 'Title', 'Cold heads filed from the keyboard')
  await typeInto(page, 'Description of what is bought', 'Two spare cold heads for the installed cryocoolers.')
  await tabTo(page, 'Supplies')
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: 'Supplies' })).toBeChecked()
  await typeInto(page, 'Supplier’s name', 'Keyboard Cryo AG')
  // A closed select picks the option whose name is typed.
  await typeInto(page, 'Country where the supplier is established', 'Switzerland')
  await expect(page.getByLabel('Country where the supplier is established')).toHaveValue('CH')
  await typeInto(page, 'Country of origin of the goods', 'Germany')
  await expect(page.getByLabel('Country of origin of the goods')).toHaveValue('DE')
  await typeInto(page, 'Amount', '25000')
  await expect(page.locator('#amount-preview')).toHaveText(/CHF\s25’000\.00\. Needs the signature of: group leader\./)
  await typeInto(page, 'Reason', 'Compatibility')
  await expect(page.getByLabel('Reason')).toHaveValue('COMPATIBILITY')
  await typeInto(page, 'Written justification', 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalifying the bench.')
  await tabTo(page, 'Submit for signature')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Review before submitting: SSJ-/)
  const id = justificationIdIn(page.url())
  await expect(page.getByRole('region', { name: 'Who will be asked to sign' }).getByRole('listitem')).toHaveText(['Marta Mendes, group leader of EN-MME'])
  await tabTo(page, 'Confirm and submit')
  await page.keyboard.press('Space')

  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  const [stored] = await app.sql<{ status: string; title: string }>(`SELECT status, title FROM "Justification" WHERE id = $1`, [id])
  expect(stored).toEqual({ status: 'AWAITING_SIGNATURE', title: 'Cold heads filed from the keyboard' })
})
