import { test as base, expect, type Browser, type ConsoleMessage, type Page } from '@playwright/test'
import pg from 'pg'
import { startApp, type RunningApp } from '../support/app'
import { createEmptyTestDatabase } from '../support/database'
import { codeIn, linkIn, recipientsOf, startSmtpServer, type TestSmtpServer } from '../support/smtp'

export type AppUnderTest = RunningApp & {
  databaseUrl: string
  /** Runs one SQL statement on the app's database (to check what was stored, or to let time pass). */
  sql: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>
}

/**
 * Each worker gets one app, started as in production, on its own database (an embedded PostgreSQL
 * in memory, or a fresh database on TEST_POSTGRES_URL) with the demo organisation, sending its mail to
 * a real SMTP server in this process. The spec files a worker runs, one after the other, share that
 * app, its database and its mail: a test names its own suppliers and waits for its own emails (by
 * subject and reference), never for "the last one" or for a count of everything.
 */
export const test = base.extend<{ pageErrors: PageErrors }, { smtp: TestSmtpServer; app: AppUnderTest }>({
  smtp: [
    async ({}, use) => {
      const smtp = await startSmtpServer()
      await use(smtp)
      await smtp.stop()
    },
    { scope: 'worker' },
  ],
  app: [
    async ({ smtp }, use) => {
      const database = await createEmptyTestDatabase()
      const sessionSecret = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret'
      // Journeys file justifications from this process (tests/support/justifications.ts): the emails
      // they queue are sealed with the app's secret, so that the app can open and send them.
      process.env.SESSION_SECRET = sessionSecret
      const app = await startApp({
        DATABASE_URL: database.url,
        SESSION_SECRET: sessionSecret,
        SEED_DEMO_DATA: 'true',
        // The organisation only: journeys build the contracts and scales they need.
        SEED_DEMO_CONTRACTS: 'false',
        SMTP_URL: smtp.url,
        OUTBOX_RETRY_BASE_MS: '500',
        // Journeys sign the same demo people in many times from one client: limits out of their way
        // (tests/e2e/sign-in-abuse.spec.ts runs an app with the real ones).
        SIGN_IN_EMAILS_PER_ADDRESS: '100000',
        SIGN_IN_WRONG_CODES_PER_ADDRESS: '100000',
        SIGN_IN_REQUESTS_PER_CLIENT: '1000000',
      })
      const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        try {
          return (await client.query<T>(text, values)).rows
        } finally {
          await client.end()
        }
      }
      await use({ ...app, databaseUrl: database.url, sql })
      await app.stop()
      await database.drop()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  pageErrors: [
    async ({ browser }, use, testInfo) => {
      const errors = new PageErrors()
      // Journeys with several people open pages in contexts of their own: watch those pages too.
      const newContext = browser.newContext
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const context = await newContext.apply(browser, args)
        context.on('page', (page) => errors.watch(page))
        return context
      }
      try {
        await use(errors)
      } finally {
        browser.newContext = newContext
      }
      const allowances = allowedConsoleErrors.get(testInfo) ?? []
      expect(errors.list.filter((error) => !allowances.some((allows) => allows(error))), 'uncaught page errors and console errors').toEqual([])
    },
    { auto: true },
  ],
  page: async ({ page, pageErrors }, use) => {
    pageErrors.watch(page)
    await use(page)
  },
})

/**
 * Every journey fails on an uncaught exception in a page or on a console error: a browser bundle that
 * breaks (a server module emptied by the compiler, a hydration mismatch) must not pass unnoticed.
 */
class PageErrors {
  readonly list: string[] = []
  private readonly watched = new WeakSet<Page>()

  watch(page: Page) {
    if (this.watched.has(page)) return
    this.watched.add(page)
    page.on('pageerror', (error) => this.list.push(`uncaught page error on ${page.url()}: ${error.stack ?? error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') this.list.push(describeConsoleError(message))
    })
  }
}

function describeConsoleError(message: ConsoleMessage) {
  const { url, lineNumber } = message.location()
  return `console error: ${message.text()}${url ? ` (at ${url}${lineNumber ? `:${lineNumber}` : ''})` : ''}`
}

type ErrorAllowance = (error: string) => boolean
const allowedConsoleErrors = new WeakMap<object, ErrorAllowance[]>()

/**
 * For the one test that calls it: the console error Chromium logs when a resource answers `status`
 * on purpose (e.g. the 403 page a refused visit gets) is expected, for a URL whose path matches
 * `path`. Uncaught page errors are never allowed, nor any other console error.
 */
export function allowFailedResourceLoad(status: number, path: RegExp) {
  const text = `console error: Failed to load resource: the server responded with a status of ${status} `
  const allowances = allowedConsoleErrors.get(base.info()) ?? []
  allowances.push((error) => {
    if (!error.startsWith(text)) return false
    const at = /\(at (\S+?)(?::\d+)?\)$/.exec(error)?.[1]
    return at !== undefined && path.test(new URL(at).pathname)
  })
  allowedConsoleErrors.set(base.info(), allowances)
}

export { expect }

/**
 * Waits until React has hydrated the page (app/root.tsx marks <html data-hydrated>). A test that
 * drives the client router, or needs an onChange to run, waits for this first: on a slow machine the
 * page is visible and usable without JavaScript well before the app takes over.
 */
export async function waitForHydration(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

export const ADMIN = 'alex.admin@example.org'
export const REQUESTER = 'rita.romano@example.org'

/** Asks for a sign-in email in the browser and returns it once the SMTP server has it. */
export async function requestSignInEmail(page: Page, smtp: TestSmtpServer, email: string) {
  const before = smtp.messagesTo(email).length
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const message = await smtp.waitForMessage(
    (m) => m.subject === 'Your SoleSource sign-in link' && recipientsOf(m).includes(email) && smtp.messagesTo(email).indexOf(m) >= before,
  )
  return { message, link: linkIn(message, `${new URL(page.url()).origin}/sign-in/link/`), code: codeIn(message) }
}

/** The whole sign-in, by link, as a person does it. */
export async function signIn(page: Page, smtp: TestSmtpServer, email: string) {
  const { link } = await requestSignInEmail(page, smtp, email)
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible()
}
