import { test as base, expect, type Page } from '@playwright/test'
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
 * Each test file gets one app, started as in production, on its own database (an embedded PostgreSQL
 * in memory, or a fresh database on TEST_POSTGRES_URL) with the demo organisation, sending its mail to
 * a real SMTP server in this process.
 */
export const test = base.extend<object, { smtp: TestSmtpServer; app: AppUnderTest }>({
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
      const app = await startApp({
        DATABASE_URL: database.url,
        SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
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
})

export { expect }

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
