import pg from 'pg'
import { startApp } from '../support/app'
import { createEmptyTestDatabase } from '../support/database'
import { pdfText } from '../support/pdf-text'
import { linkIn, recipientsOf } from '../support/smtp'
import { expect, REQUESTER, signIn, test } from './fixtures'

// Issue 13 point 10 (ADR 044): a filing that names a supplier in a well balanced country is shown the
// registered suppliers in very poorly balanced countries with the same activity; the requester says
// why none can deliver, and the signatory reads it in the email, on the sign-off page and in the PDF.
//
// This journey builds a spread of its own (scales, contracts, register) on an app of its own, so that
// the other journeys' app keeps the empty ledger they expect.


const PROCUREMENT = 'paula.procurement@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const SESSION_SECRET = 'suppliers-secret-suppliers-secret-suppliers'
const REASON = 'Neither makes cold heads for the installed cryocooler model; both said so in the market survey MS-2026-014.'

const today = new Date()
const statusYear = today.getUTCMonth() >= 2 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
const windowYears = [statusYear - 4, statusYear - 3, statusYear - 2, statusYear - 1]
const SCALE = [['DE', '40'], ['FR', '30'], ['PT', '10'], ['PL', '10'], ['CH', '10']]
const scaleCsv = ['year,country_iso2,country,contribution_pct', ...windowYears.flatMap((year) => SCALE.map(([code, pct]) => `${year},${code},,${pct}`))].join('\n')
const y = windowYears[2]
// Germany well balanced for supplies, Portugal and Poland very poorly (almost nothing, nothing).
const contractsCsv = [
  'order_number,award_date,supplier,category,origin_country,establishment_country,amount,currency,exchange_rate,department,group',
  `SUP-0001,${y}-03-14,Precision Magnets GmbH,SUPPLIES,DE,DE,900000000.00,CHF,,TE,TE-MSC`,
  `SUP-0002,${y}-04-02,Lyon Cryogenie SA,SUPPLIES,FR,FR,350000000.00,CHF,,EN,EN-MME`,
  `SUP-0003,${y}-06-01,Atlantic Optics,SUPPLIES,PT,PT,40000.00,CHF,,EN,EN-MME`,
].join('\n')
const suppliersCsv = [
  'name,establishment_country_iso2,origin_countries_iso2,activity_codes',
  'Lisboa Vácuo Lda,PT,PT,38000000',
  'Kraków Vacuum Sp. z o.o.,PL,PL,38000000;42000000',
  'Porto Magnets SA,PT,PT,31000000',
  'Bonn Kältetechnik GmbH,DE,DE,38000000',
  'Nowhere Ltd,ZZ,,38000000',
].join('\n')

// The app this file's worker runs: the fixtures' app, but on a database of its own (the worker is its own too).
const journey = test.extend({
  app: [
    async ({ smtp }, use) => {
      const database = await createEmptyTestDatabase()
      const app = await startApp({ DATABASE_URL: database.url, SESSION_SECRET, SEED_DEMO_DATA: 'true', SEED_DEMO_CONTRACTS: 'false', SMTP_URL: smtp.url, OUTBOX_RETRY_BASE_MS: '500' })
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
})

journey('procurement builds the register; a supplier in a well balanced country brings suggestions, the reason reaches the signatory’s email, sign-off page and PDF', async ({ browser, page, smtp, app }) => {
  await signIn(page, smtp, PROCUREMENT)
  await page.goto('/industrial-return/scales')
  await page.getByLabel('CSV file').setInputFiles({ name: 'scales.csv', mimeType: 'text/csv', buffer: Buffer.from(scaleCsv) })
  await page.getByLabel('Source of the figures').fill('Made-up scale for this journey')
  await page.getByRole('button', { name: 'Import scale' }).click()
  await expect(page.getByRole('status')).toContainText('Saved the scales of')
  await page.goto('/industrial-return/import')
  await page.getByLabel('CSV file').setInputFiles({ name: 'contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(contractsCsv) })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 })

  // The supplier register, by CSV: the refused line is reported with why; importing again changes nothing.
  await page.goto('/industrial-return')
  await page.getByRole('navigation', { name: 'Industrial return' }).getByRole('link', { name: 'Suppliers' }).click()
  await expect(page.getByRole('heading', { name: 'Supplier register', level: 1 })).toBeVisible()
  for (const [attempt, expected] of [
    [1, 'Imported: 4 registered, 0 updated, 0 unchanged, 1 refused.'],
    [2, 'Imported: 0 registered, 0 updated, 4 unchanged, 1 refused.'],
  ] as const) {
    await page.getByLabel('CSV file').setInputFiles({ name: `suppliers-${attempt}.csv`, mimeType: 'text/csv', buffer: Buffer.from(suppliersCsv) })
    await page.getByRole('button', { name: 'Import suppliers' }).click()
    await expect(page.getByRole('status')).toHaveText(expected)
  }
  await expect(page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Why' }) }).getByRole('row', { name: /Nowhere Ltd/ })).toContainText('Unknown country code ZZ.')
  await expect(page.getByRole('table', { name: 'Registered suppliers' }).getByRole('row', { name: /Kraków Vacuum/ })).toContainText('38000000, 42000000')

  // The requester names a German supplier (well balanced) for activity 38000000.
  const requester = await (await browser.newContext()).newPage()
  await signIn(requester, smtp, REQUESTER)
  await requester.goto('/justifications/new')
  await requester.getByLabel('Title').fill('Cold heads for the vacuum test stand')
  await requester.getByLabel('Description of what is bought').fill('Two spare cold heads for the installed cryocoolers of the vacuum test stand.')
  await requester.getByRole('radio', { name: 'Supplies' }).check()
  await requester.getByLabel('Supplier’s name').fill('Berlin Vakuum GmbH')
  await requester.getByLabel('Country where the supplier is established').selectOption({ label: 'Germany' })
  await requester.getByLabel('Country of origin of the goods').selectOption({ label: 'Germany' })
  await requester.getByLabel('Amount', { exact: true }).fill('20000')
  await requester.getByLabel('Reason').selectOption({ label: 'Compatibility or standardisation with installed equipment' })
  await requester.getByLabel('Written justification').fill('Only the original manufacturer supplies cold heads that fit the installed cryocoolers without a full requalification.')
  await expect(requester.getByText(/is well balanced\. Registered suppliers/)).toHaveCount(0)
  await requester.getByLabel('Activity code (optional)').selectOption('38000000')
  const suggestions = requester.getByText(/Germany is well balanced\. Registered suppliers in very poorly balanced countries with this activity \(2\)/)
  await expect(suggestions).toBeVisible()
  await expect(requester.getByRole('listitem').filter({ hasText: 'Kraków Vacuum Sp. z o.o. (Poland)' })).toBeVisible()
  await expect(requester.getByRole('listitem').filter({ hasText: 'Lisboa Vácuo Lda (Portugal)' })).toBeVisible()
  await expect(requester.getByText('Bonn Kältetechnik')).toHaveCount(0)

  // Submitting without the reason: a message on its field, nothing submitted.
  await requester.getByRole('button', { name: 'Submit for signature' }).click()
  const reasonField = requester.getByLabel('Why none of these suppliers can deliver')
  await expect(reasonField).toHaveAttribute('aria-invalid', 'true')
  await expect(requester.getByText('say why none of them can deliver.')).toBeVisible()
  await reasonField.fill(REASON)
  await requester.getByRole('button', { name: 'Submit for signature' }).click()

  // The review shows them and the reason; confirming submits.
  await expect(requester.getByRole('heading', { name: /^Review before submitting/ })).toBeVisible()
  const reviewed = requester.getByRole('region', { name: 'Suppliers in very poorly balanced countries' })
  await expect(reviewed).toContainText('Lisboa Vácuo Lda (Portugal)')
  await expect(reviewed).toContainText(REASON)
  await requester.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(requester.getByText('Submitted: the first signatory has been asked to sign.')).toBeVisible()
  const id = /\/justifications\/([0-9a-f-]{36})/.exec(requester.url())![1]!
  const reference = (await app.sql<{ reference: string }>('SELECT reference FROM "Justification" WHERE id = $1', [id]))[0]!.reference

  // The signatory's email, from the SMTP server, states the suppliers and the reason.
  const email = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').includes(`${reference} awaits your signature`))
  expect(email.text).toContain('Suppliers in very poorly balanced countries')
  expect(email.text).toContain('Kraków Vacuum Sp. z o.o. (Poland), Lisboa Vácuo Lda (Portugal)')
  expect(email.text).toContain(REASON)

  // The sign-off page states them too.
  const leader = await (await browser.newContext()).newPage()
  await leader.goto(linkIn(email, `${app.url}/sign-off/`))
  await expect(leader.getByText(REASON)).toBeVisible()
  await leader.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(leader.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()

  // And the PDF record.
  const pdf = await requester.request.get(`/justifications/${id}.pdf`)
  expect(pdf.status()).toBe(200)
  const text = await pdfText(new Uint8Array(await pdf.body()))
  expect(text).toContain('Kraków Vacuum Sp. z o.o. (Poland), Lisboa Vácuo Lda (Portugal)')
  expect(text).toContain(REASON)

  // The named supplier joined the register with the submission.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Registered suppliers' }).getByRole('row', { name: /Berlin Vakuum GmbH/ })).toContainText('from a justification')
  // And procurement sees it among the justifications that went to a well balanced country while such suppliers existed.
  const passedOver = page.getByRole('table', { name: 'Justifications to well balanced countries while suppliers in very poorly balanced countries existed' })
  await expect(passedOver.getByRole('row', { name: new RegExp(reference) })).toContainText('Kraków Vacuum Sp. z o.o. (Poland), Lisboa Vácuo Lda (Portugal)')
  await expect(passedOver.getByRole('row', { name: new RegExp(reference) })).toContainText(REASON)
})

journey('without JavaScript, the server finds the suggestions and asks for the reason on its field', async ({ browser, smtp }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const requester = await context.newPage()
  await signIn(requester, smtp, REQUESTER)
  await requester.goto('/justifications/new')
  await requester.getByLabel('Title').fill('Cold heads, filed without JavaScript')
  await requester.getByLabel('Description of what is bought').fill('Two spare cold heads for the installed cryocoolers of the vacuum test stand.')
  await requester.getByRole('radio', { name: 'Supplies' }).check()
  await requester.getByLabel('Supplier’s name').fill('Hamburg Vakuum AG')
  await requester.getByLabel('Country where the supplier is established').selectOption({ label: 'Germany' })
  await requester.getByLabel('Country of origin of the goods').selectOption({ label: 'Germany' })
  await requester.getByLabel('Amount', { exact: true }).fill('20000')
  await requester.getByLabel('Reason').selectOption({ label: 'Compatibility or standardisation with installed equipment' })
  await requester.getByLabel('Written justification').fill('Only the original manufacturer supplies cold heads that fit the installed cryocoolers without a full requalification.')
  await requester.getByLabel('Activity code (optional)').selectOption('42000000')
  await requester.getByRole('button', { name: 'Submit for signature' }).click()
  await expect(requester.getByText(/Germany is well balanced\. Registered suppliers in very poorly balanced countries with this activity \(1\)/)).toBeVisible()
  await expect(requester.getByRole('listitem').filter({ hasText: 'Kraków Vacuum Sp. z o.o. (Poland)' })).toBeVisible()
  const reasonField = requester.getByLabel('Why none of these suppliers can deliver')
  await expect(reasonField).toHaveAttribute('aria-invalid', 'true')
  await reasonField.fill('Kraków Vacuum makes no bake-out rated cold heads for this cryocooler model.')
  await requester.getByRole('button', { name: 'Submit for signature' }).click()
  await expect(requester.getByRole('heading', { name: /^Review before submitting/ })).toBeVisible()
  await expect(requester.getByRole('region', { name: 'Suppliers in very poorly balanced countries' })).toContainText('Kraków Vacuum makes no bake-out rated cold heads')
  await context.close()
})
