import type { Browser, Page } from '@playwright/test'
import { fileJustifications } from '../support/justifications'
import { expect, REQUESTER, signIn, test } from './fixtures'

// Issue 10 on a phone (390 px): a compact header whose menu works with the keyboard and without
// JavaScript, touch targets of 44 px, and the two justification lists as cards (screenshots kept as
// test artefacts in test-results/).

const PROCUREMENT = 'paula.procurement@example.org'
const PHONE = { width: 390, height: 844 }

test.beforeAll(async ({ app }) => {
  await fileJustifications(app, [
    { requester: REQUESTER, title: 'Vacuum gauges for the cryogenic test bench in building 180', supplierName: 'Hochvakuum-Präzisionsinstrumentenbaugesellschaft-Nordwestschweiz AG', supplierCountryCode: 'DE', amount: 6_000_000, currency: 'EUR' },
    { requester: REQUESTER, title: 'Spare O-rings', supplierName: 'Ring SA', supplierCountryCode: 'FR', amount: 400_000 },
    { requester: 'ruben.rasmussen@example.org', title: 'Welding wire', supplierName: 'Wire BV', supplierCountryCode: 'NL', amount: 150_000, submit: false },
    { requester: 'emil.eriksen@example.org', title: 'Cable trays for building 180', supplierName: 'Tray GmbH', supplierCountryCode: 'DE', amount: 2_000_000, currency: 'EUR' },
  ])
})

async function phonePage(browser: Browser, smtp: Parameters<typeof signIn>[1], email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const signedIn = await browser.newContext({ viewport: PHONE })
  await signIn(await signedIn.newPage(), smtp, email)
  const storageState = await signedIn.storageState()
  await signedIn.close()
  const context = await browser.newContext({ viewport: PHONE, storageState, ...options })
  return context.newPage()
}

const menu = (page: Page) => page.locator('header.site details.menu')
const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' })

test('the header is one compact bar; its menu opens from the keyboard and its links lead to their pages', async ({ browser, smtp }) => {
  const page = await phonePage(browser, smtp, PROCUREMENT)
  await page.goto('/')
  const header = await page.locator('header.site').boundingBox()
  expect(header!.height).toBeLessThan(80)
  // Closed, the menu's links are not shown: the bar holds the brand and the Menu button only.
  await expect(mainNavigation(page).getByRole('link', { name: 'All justifications' })).toBeHidden()

  // Skip link, brand, then the menu's button; Enter opens it and the links follow in the tab order.
  const summary = menu(page).locator('summary')
  await expect(summary).toHaveText('Menu')
  await summary.focus()
  await page.keyboard.press('Enter')
  await expect(menu(page)).toHaveAttribute('open', '')
  await page.keyboard.press('Tab')
  await expect(mainNavigation(page).getByRole('link', { name: 'My justifications' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(mainNavigation(page).getByRole('link', { name: 'Awaiting my signature' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/procurement\/justifications$/)
  await expect(page.getByRole('heading', { name: 'All justifications', level: 1 })).toBeVisible()

  // Escape does not apply to <details>; a second Enter on the button closes it again.
  await summary.focus()
  await page.keyboard.press('Enter')
  await expect(menu(page)).toHaveAttribute('open', '')
  await page.keyboard.press('Enter')
  await expect(menu(page)).not.toHaveAttribute('open', '')
  await page.context().close()
})

test('without JavaScript the menu opens and its links and Sign out work', async ({ browser, smtp }) => {
  const page = await phonePage(browser, smtp, REQUESTER, { javaScriptEnabled: false })
  await page.goto('/')
  await menu(page).locator('summary').click()
  await mainNavigation(page).getByRole('link', { name: 'My justifications' }).click()
  await expect(page).toHaveURL(/\/justifications$/)
  await expect(page.getByRole('heading', { name: 'My justifications', level: 1 })).toBeVisible()
  await menu(page).locator('summary').click()
  await expect(menu(page).getByRole('link', { name: 'Rita Romano' })).toBeVisible()
  await menu(page).getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await page.context().close()
})

/** The controls a finger must hit on this page that are smaller than 44 px in either direction. */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selectors = [
      'main button', 'main input:not([type=hidden])', 'main select', 'main textarea', 'main .button',
      'header.site summary', 'header.site a', 'header.site button',
      'main th a', 'main table.stack td a, main table.stack-wide td a', 'nav[aria-label=Pages] a',
    ]
    return [...document.querySelectorAll<HTMLElement>(selectors.join(', '))]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      // A box or a radio button is hit through its label as well: the label is the target.
      .map((element) => ({ element, box: (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type) && element.labels?.[0]) || element }))
      .map(({ element, box }) => ({ element, box: box.getBoundingClientRect() }))
      .filter(({ element, box }) => box.height < 44 || (box.width < 44 && element.tagName !== 'INPUT'))
      .map(({ element, box }) => `<${element.tagName.toLowerCase()}> "${(element.textContent || element.getAttribute('name') || '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
  })
}

test('buttons, form controls, menu links, sort links and list links are at least 44 px on the key pages', async ({ browser, smtp }) => {
  const procurement = await phonePage(browser, smtp, PROCUREMENT)
  for (const url of ['/', '/justifications', '/procurement/justifications', '/justifications/new']) {
    await procurement.goto(url)
    await menu(procurement).locator('summary').click()
    expect(await smallTargets(procurement), url).toEqual([])
    await menu(procurement).locator('summary').click()
  }
  const signedOut = await browser.newContext({ viewport: PHONE }).then((context) => context.newPage())
  await signedOut.goto('/sign-in')
  expect(await smallTargets(signedOut), '/sign-in').toEqual([])
  await procurement.context().close()
  await signedOut.context().close()
})

test('the two lists read as cards at 390 px, no sideways scroll (screenshots kept as artefacts)', async ({ browser, smtp }, testInfo) => {
  for (const [email, url, heading, file] of [
    [REQUESTER, '/justifications', 'My justifications', 'my-justifications-390.png'],
    [PROCUREMENT, '/procurement/justifications', 'All justifications', 'all-justifications-390.png'],
  ] as const) {
    const page = await phonePage(browser, smtp, email)
    await page.goto(url)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    const firstRow = page.getByRole('table').getByRole('row').nth(1)
    await expect(firstRow).toBeVisible()
    // A card: its cells are stacked, each labelled with its column's name.
    const cells = firstRow.getByRole('cell')
    const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()]
    expect(second!.y).toBeGreaterThan(first!.y)
    expect(await cells.nth(1).evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Reference"')
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    const path = testInfo.outputPath(file)
    await page.screenshot({ path, fullPage: true })
    await testInfo.attach(file, { path, contentType: 'image/png' })
    await page.context().close()
  }
})
