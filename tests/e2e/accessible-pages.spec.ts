import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { PAGE_TOUR, setUpPageTour, tourTest as test, type Tour } from '../support/page-tour'
import { allowFailedResourceLoad, expect } from './fixtures'

// Issue 10 point 9: accessibility holds at every width. axe-core checks every page of the tour at a
// wide screen and on a phone, and a few states the tour does not reach (a form showing its field
// errors, the header menu open on a phone). It runs axe's default rule set (every WCAG 2.0, 2.1 and
// 2.2 level A and AA rule plus the best-practice rules) and, on top of it, axe's experimental rules:
// label-content-name-mismatch (WCAG 2.5.3, the one the issue found on the awards page) is one of them
// and is off by default. No rule is disabled; any violation of any impact fails.

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]

/** axe's violations on the page as it is now, one readable paragraph each (empty when there are none). */
async function violationsOn(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'])
    // The local mailbox shows an email as sent, in a frame sandboxed without scripts (on purpose: the
    // email must stay inert). axe cannot run inside such a frame (its every try is a console error and
    // the run never ends), so that frame is left out; the rest of the page is checked.
    .exclude('iframe.mail')
    .analyze()
  return violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`)
    const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : []
    return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...nodes, ...more].join('\n')
  })
}

let tour: Tour
test.beforeAll(async ({ app, smtp, browser, mailboxApp }) => {
  test.setTimeout(180_000)
  tour = await setUpPageTour({ app, smtp, browser, mailboxApp })
})

// One test for the whole tour, each page a step with a soft assertion: every page with a violation is
// reported in one run (a failed test would restart the worker, and with it the app and the set-up).
test(`no page has an axe violation at ${VIEWPORTS.map((viewport) => viewport.width).join(' or ')} px`, async ({ browser }) => {
  test.setTimeout(600_000)
  for (const stop of PAGE_TOUR) {
    await test.step(`${stop.routeId} (${stop.visitor})`, async () => {
      const context = await browser.newContext({ ...tour.contextFor(stop.visitor), viewport: VIEWPORTS[0] })
      const page = await context.newPage()
      const url = stop.url(tour.data)
      const response = await page.goto(url)
      expect.soft(response?.status(), url).toBe(200)
      const failures: string[] = []
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport)
        const violations = await violationsOn(page)
        if (violations.length > 0) failures.push(`at ${viewport.width} px:\n${violations.join('\n')}`)
      }
      await context.close()
      expect.soft(failures, `${stop.routeId} ${url}\n${failures.join('\n')}`).toEqual([])
    })
  }
})

test('the filing form showing its field errors has no axe violation', async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ ...tour.contextFor('requester'), viewport })
    const page = await context.newPage()
    await page.goto(new URL('/justifications/new', tour.data.appUrl).href)
    await page.getByRole('button', { name: 'Submit for signature' }).click()
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true')
    const violations = await violationsOn(page)
    await context.close()
    expect(violations, `at ${viewport.width} px:\n${violations.join('\n')}`).toEqual([])
  }
})

test('the header menu open on a phone has no axe violation', async ({ browser }) => {
  const context = await browser.newContext({ ...tour.contextFor('requester'), viewport: VIEWPORTS[1] })
  const page = await context.newPage()
  await page.goto(new URL('/', tour.data.appUrl).href)
  await page.locator('details.menu > summary').click()
  await expect(page.locator('details.menu')).toHaveAttribute('open', '')
  const violations = await violationsOn(page)
  await context.close()
  expect(violations, violations.join('\n')).toEqual([])
})

test('the error pages (no such justification, a page refused) have no axe violation', async ({ browser }) => {
  allowFailedResourceLoad(404, /^\/justifications\/[^/]+$/)
  allowFailedResourceLoad(403, /^\/admin$/)
  const visits = [
    { visitor: 'requester' as const, path: '/justifications/00000000-0000-4000-8000-000000000000', status: 404 },
    { visitor: 'requester' as const, path: '/admin', status: 403 },
  ]
  for (const visit of visits) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ ...tour.contextFor(visit.visitor), viewport })
      const page = await context.newPage()
      const response = await page.goto(new URL(visit.path, tour.data.appUrl).href)
      expect(response?.status(), visit.path).toBe(visit.status)
      const violations = await violationsOn(page)
      await context.close()
      expect.soft(violations, `${visit.path} (${visit.status}) at ${viewport.width} px:\n${violations.join('\n')}`).toEqual([])
    }
  }
})
