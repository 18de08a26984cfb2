import type { Page } from '@playwright/test'
import { isNotAPage, PAGE_TOUR, setUpPageTour, tourTest as test, type Tour } from '../support/page-tour'
import { routesOfTheBuild } from '../support/routes'
import { expect } from './fixtures'

// Issue 10: every page works on a phone. At each width no page scrolls sideways; a table that must
// stay wide scrolls inside its own container, which does not count.

const WIDTHS = [320, 390, 768]

/** The outermost elements sticking out to the right of the viewport, outside any scrolling container. */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth
    const scrolls = (element: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX)
    const describe = (element: Element) => {
      const classes = [...element.classList].map((name) => `.${name}`).join('')
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)
      return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}> right edge ${Math.round(element.getBoundingClientRect().right)} px: "${text}"`
    }
    const offenders: string[] = []
    const visit = (element: Element) => {
      if (element.getBoundingClientRect().right > width + 0.5) {
        offenders.push(describe(element))
        return
      }
      if (element !== document.documentElement && element !== document.body && scrolls(element)) return
      for (const child of element.children) visit(child)
    }
    visit(document.documentElement)
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 10) }
  })
}

let tour: Tour
test.beforeAll(async ({ app, smtp, browser, mailboxApp }) => {
  test.setTimeout(180_000)
  tour = await setUpPageTour({ app, smtp, browser, mailboxApp })
})

test('the tour visits every page of the build (a new page must join tests/support/page-tour.ts)', async () => {
  const routes = await routesOfTheBuild()
  const toured = new Set(PAGE_TOUR.map((stop) => stop.routeId))
  const pages = routes.filter((route) => !isNotAPage(route))
  expect(pages.filter((route) => !toured.has(route.id)).map((route) => route.id)).toEqual([])
  // Only pages are left out: a route set aside as "no page" has no component.
  expect(routes.filter((route) => isNotAPage(route) && route.id !== 'root' && route.hasComponent).map((route) => route.id)).toEqual([])
  expect([...toured].filter((id) => !routes.some((route) => route.id === id)), 'stops of routes that no longer exist').toEqual([])
})

// One test for the whole tour, each page a step with a soft assertion: every page that does not fit is
// reported in one run (a failed test would restart the worker, and with it the app and the set-up).
test(`every page fits at ${WIDTHS.join(', ')} px`, async ({ browser }) => {
  test.setTimeout(300_000)
  for (const stop of PAGE_TOUR) {
    await test.step(`${stop.routeId} (${stop.visitor})`, async () => {
      const context = await browser.newContext({ ...tour.contextFor(stop.visitor), viewport: { width: WIDTHS[0]!, height: 800 } })
      const page = await context.newPage()
      const url = stop.url(tour.data)
      const response = await page.goto(url)
      expect.soft(response?.status(), url).toBe(200)
      const failures: string[] = []
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 })
        const measured = await sideways(page)
        if (measured.scrollWidth > measured.innerWidth) failures.push(`at ${width} px the page is ${measured.scrollWidth} px wide:\n  ${measured.offenders.join('\n  ')}`)
      }
      await context.close()
      expect.soft(failures, `${stop.routeId} ${url}\n${failures.join('\n')}`).toEqual([])
    })
  }
})
