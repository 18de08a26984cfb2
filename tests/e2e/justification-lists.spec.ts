import { readFile } from 'node:fs/promises'
import { decideAs, fileJustifications } from '../support/justifications'
import { ADMIN, allowFailedResourceLoad, expect, REQUESTER, signIn, test } from './fixtures'

const GROUP_LEADER = 'marta.mendes@example.org'
const OTHER_GROUP_LEADER = 'luca.leone@example.org'
const PROCUREMENT = 'paula.procurement@example.org'

// Filed through the server's own use cases before the tests (see tests/support/justifications.ts).
type Filed = { id: string; reference: string; rowVersion: number }
let gauges: Filed // Rita (EN-MME), CHF 60 000: awaits Marta, then Elena
let trays: Filed // Emil (EN-EL), EUR 20 000 = CHF 18 824: awaits Luca
let coils: Filed // Rosa (TE-MSC), CHF 30 000: awaits Martin Schulz
let rings: Filed // Rita, CHF 4 000: approved without signature
let wire: Filed // Ruben (EN-MME), a draft

test.beforeAll(async ({ app }) => {
  ;[gauges, trays, coils, rings, wire] = (await fileJustifications(app, [
    { requester: REQUESTER, title: 'Vacuum gauges for the test bench', supplierName: 'Gauge AG', amount: 6_000_000 },
    { requester: 'emil.eriksen@example.org', title: 'Cable trays for building 180', supplierName: 'Tray GmbH', supplierCountryCode: 'DE', amount: 2_000_000, currency: 'EUR' },
    { requester: 'rosa.rossi@example.org', title: 'Magnet coil winding', supplierName: 'Bobine SpA', supplierCountryCode: 'IT', amount: 3_000_000 },
    { requester: REQUESTER, title: 'Spare O-rings', supplierName: '=Ring SA', supplierCountryCode: 'FR', amount: 400_000 },
    { requester: 'ruben.rasmussen@example.org', title: 'Welding wire', supplierName: 'Wire BV', supplierCountryCode: 'NL', amount: 150_000, submit: false },
  ])) as [Filed, Filed, Filed, Filed, Filed]
})

test('a requester sees their own and their group’s justifications, not another group’s, and filters them', async ({ page, smtp }) => {
  await signIn(page, smtp, REQUESTER)
  await page.goto('/justifications')
  await expect(page.getByRole('heading', { name: 'My justifications' })).toBeVisible()
  const table = page.getByRole('table')
  for (const own of [gauges, rings, wire]) await expect(table.getByRole('link', { name: own.reference })).toBeVisible()
  for (const other of [trays, coils]) await expect(page.getByText(other.reference)).toHaveCount(0)

  const gaugesRow = table.getByRole('row').filter({ hasText: gauges.reference })
  await expect(gaugesRow).toContainText('Awaiting signature')
  await expect(gaugesRow).toContainText('CHF\u00a060’000.00')
  await expect(gaugesRow).toContainText('Marta Mendes')
  await expect(table.getByRole('row').filter({ hasText: wire.reference })).toContainText('filed by Ruben Rasmussen')

  await page.getByLabel('Status').selectOption({ label: 'Draft' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/status=DRAFT/)
  await expect(page.getByRole('table').getByRole('link', { name: wire.reference })).toBeVisible()
  await expect(page.getByRole('table').getByRole('link', { name: gauges.reference })).toHaveCount(0)

  // Sorting by amount, largest first, through a link; the header says how the column is sorted.
  await page.goto('/justifications')
  await page.getByRole('link', { name: /^Amount/ }).click()
  await expect(page.getByRole('columnheader', { name: /^Amount/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(gauges.reference)

  // Procurement's pages are not for requesters.
  expect((await page.request.get('/procurement/justifications', { maxRedirects: 0 })).status()).toBe(403)
  expect((await page.request.get('/procurement/justifications.csv', { maxRedirects: 0 })).status()).toBe(403)
  expect((await page.request.get('/admin/policy', { maxRedirects: 0 })).status()).toBe(403)
})

test('somebody whose group filed nothing sees the empty state with a link to file one', async ({ page, smtp }) => {
  await signIn(page, smtp, 'chloe.caron@example.org')
  await page.goto('/justifications')
  await expect(page.getByText('Neither you nor your group has filed a justification yet.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'File a justification' })).toHaveAttribute('href', '/justifications/new')
})

test('procurement filters every justification and downloads the same list as CSV', async ({ page, smtp }) => {
  await signIn(page, smtp, PROCUREMENT)
  await page.goto('/procurement/justifications')
  const table = page.getByRole('table')
  for (const filed of [gauges, trays, coils, rings, wire]) await expect(table.getByRole('link', { name: filed.reference })).toBeVisible()

  await page.getByLabel('Department').selectOption({ label: 'EN · Engineering' })
  await page.getByLabel('Amount in CHF, from').fill("15'000")
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/minChf=15/)
  await expect(table.getByRole('link', { name: gauges.reference })).toBeVisible()
  await expect(table.getByRole('link', { name: trays.reference })).toBeVisible()
  for (const out of [coils, rings, wire]) await expect(table.getByRole('link', { name: out.reference })).toHaveCount(0)
  await expect(table.getByRole('row').filter({ hasText: trays.reference })).toContainText('CHF\u00a018’824.00')

  // A bad value is explained, not a crash; the other filters still apply.
  await page.getByLabel('Amount in CHF, up to').fill('1e5')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('Write the amount in full digits, not in exponent notation')).toBeVisible()
  await expect(table.getByRole('link', { name: gauges.reference })).toBeVisible()
  await page.getByLabel('Amount in CHF, up to').fill('')
  await page.getByRole('button', { name: 'Filter' }).click()

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download this list as CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^justifications-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
  const records = text.split('\r\n').filter(Boolean)
  expect(records[0]).toMatch(/^Reference,Title,Status,Requester,Group,Department,Supplier,Supplier’s country \(ISO code\),/)
  // The same list as the page shows (other spec files of this worker share the database: compare
  // with the page rather than with a fixed set), holding these two and none of the three left out.
  const inCsv = records.slice(1).map((record) => record.split(',')[0])
  const onPage = await table.getByRole('link', { name: /^SSJ-\d{4}-\d{5}$/ }).allTextContents()
  expect(inCsv.slice().sort()).toEqual(onPage.slice().sort())
  expect(inCsv).toEqual(expect.arrayContaining([gauges.reference, trays.reference]))
  for (const out of [coils, rings, wire]) expect(inCsv).not.toContain(out.reference)
  const traysRecord = records.find((record) => record.startsWith(trays.reference))!
  expect(traysRecord).toContain(',Emil Eriksen,EN-EL,EN,Tray GmbH,DE,')
  expect(traysRecord).toContain(',20000.00,EUR,18824.00,0.9412,')
  // No document, and below the quote threshold: nothing missing.
  expect(traysRecord.endsWith(',0,no')).toBe(true)
  expect(records[0]!.endsWith(',Possible split purchase,Supporting documents,Quote missing')).toBe(true)
  await expect(table.getByRole('columnheader', { name: 'Documents' })).toBeVisible()

  // Unfiltered, a supplier name starting with "=" is written so no spreadsheet runs it.
  const all = await page.request.get('/procurement/justifications.csv')
  expect(all.headers()['content-disposition']).toMatch(/^attachment; filename="justifications-/)
  expect(all.headers()['cache-control']).toBe('private, no-store')
  expect(await all.text()).toContain(`,'=Ring SA,`)
})

test('an approver sees what awaits them and rejects it with a reason; it then shows among their decisions', async ({ page, smtp, app }) => {
  await signIn(page, smtp, GROUP_LEADER)
  await page.goto('/approvals')
  await expect(page.getByRole('heading', { name: 'Awaiting my signature' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: gauges.reference })
  await expect(row).toContainText('Vacuum gauges for the test bench')
  await expect(row).toContainText('Rita Romano')
  await expect(page.getByText(trays.reference)).toHaveCount(0)

  // Rejecting needs a reason.
  await page.getByRole('button', { name: `Reject ${gauges.reference}` }).click()
  await expect(row.getByText('Say why you reject it: the requester reads this.')).toBeVisible()
  expect((await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [gauges.id]))[0]?.status).toBe('AWAITING_SIGNATURE')

  await page.getByLabel(`Comment or reason for ${gauges.reference}`).fill('Two other suppliers make these gauges: ask them for a price.')
  await page.getByRole('button', { name: `Reject ${gauges.reference}` }).click()
  await expect(page.getByRole('status')).toHaveText(`You rejected ${gauges.reference}; the requester is told why.`)
  // Gone from what awaits (other spec files of this worker may leave Marta more to sign).
  await expect(page.getByRole('button', { name: `Reject ${gauges.reference}` })).toHaveCount(0)
  const decided = page.getByRole('region', { name: 'Signed by me' }).getByRole('row').filter({ hasText: gauges.reference })
  await expect(decided).toContainText('Rejected')
  await expect(decided).toContainText('Two other suppliers make these gauges')
  expect((await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [gauges.id]))[0]?.status).toBe('REJECTED')
})

test('a decision on a justification that changed meanwhile is refused with a clear message', async ({ page, smtp, app }) => {
  // The refused decision answers 409 on purpose.
  allowFailedResourceLoad(409, /^\/approvals\.data$/)
  await signIn(page, smtp, OTHER_GROUP_LEADER)
  await page.goto('/approvals')
  await expect(page.getByRole('row').filter({ hasText: trays.reference })).toBeVisible()
  // Meanwhile, in another tab, Luca asks for changes.
  await decideAs(app, OTHER_GROUP_LEADER, trays.id, { kind: 'request-changes', comment: 'Add the quote number.' })
  await page.getByRole('button', { name: `Sign ${trays.reference}` }).click()
  await expect(page.getByRole('alert')).toContainText('This justification changed meanwhile')
  expect((await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [trays.id]))[0]?.status).toBe('CHANGES_REQUESTED')
})

test('an administrator publishes a policy version with a Finance Committee tier, and it is listed', async ({ page, smtp }) => {
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin/policy')
  await expect(page.getByRole('heading', { name: 'Signature policy and exchange rates' })).toBeVisible()
  const versions = page.getByRole('table', { name: /Signature policy versions/ })
  await expect(versions.getByRole('row').filter({ hasText: 'Version 1' })).toContainText('In force')

  // The form starts from the latest version: two tiers filled, the third empty.
  await expect(page.getByLabel('Tier 1: above this amount in CHF')).toHaveValue('10’000.00')
  await page.getByLabel('Takes effect on').fill('2030-01-01')
  await page.getByLabel('Tier 3: above this amount in CHF').fill('2e5')
  await page.getByLabel('Tier 3: who signs').selectOption({ label: 'Finance Committee' })
  await page.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(page.getByText('Write the amount in full digits, not in exponent notation')).toBeVisible()

  // The quote threshold starts from the latest version's (the default, 50 000 CHF), and is validated as an amount.
  await expect(page.getByLabel('Quote expected above (CHF)')).toHaveValue('50’000.00')
  await page.getByLabel('Quote expected above (CHF)').fill('a lot')
  await page.getByLabel('Tier 3: above this amount in CHF').fill("200'000")
  await page.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(page.getByLabel('Quote expected above (CHF)')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Quote expected above (CHF)').fill("75'000")
  await page.getByLabel('Tier 3: label').fill('Finance Committee (tender waiver)')
  await page.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(page.getByRole('status')).toHaveText('Version 2 published.')
  const published = versions.getByRole('row').filter({ hasText: 'Version 2' })
  await expect(published).toContainText('Scheduled')
  await expect(published).toContainText('1 Jan 2030')
  await expect(published).toContainText('above CHF\u00a0200’000.00: Finance Committee (tender waiver)')
  await expect(published).toContainText('Alex Admin')
  await expect(published).toContainText('CHF\u00a075’000.00')

  // The same day twice is refused on the field.
  await page.getByLabel('Takes effect on').fill('2030-01-01')
  await page.getByRole('button', { name: 'Publish version 3' }).click()
  await expect(page.getByText('A policy already takes effect on 2030-01-01. Choose another day.')).toBeVisible()
})

test('procurement adds an exchange rate, validated as a rate', async ({ page, smtp }) => {
  await signIn(page, smtp, PROCUREMENT)
  await page.goto('/admin/policy')
  await page.getByLabel('Currency').selectOption('USD')
  await page.getByLabel('Valid from').fill('2030-02-01')
  await page.getByLabel('CHF per unit').fill('0,88')
  await page.getByRole('button', { name: 'Save rate' }).click()
  await expect(page.getByText('Write the rate as a decimal number with a point, for example 0.9412.')).toBeVisible()
  await page.getByLabel('CHF per unit').fill('0.8790')
  await page.getByRole('button', { name: 'Save rate' }).click()
  await expect(page.getByRole('status')).toHaveText('Exchange rate for USD saved.')
  const row = page.getByRole('table', { name: /Exchange rates/ }).getByRole('row').filter({ hasText: '1 Feb 2030' })
  await expect(row).toContainText('USD')
  await expect(row).toContainText('0.879')
  await expect(row).toContainText('Paula Procurement')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a signatory requests changes from /approvals; the server asks for the comment first', async ({ page, smtp, app }) => {
    // The decision without its comment answers 400 on purpose.
    allowFailedResourceLoad(400, /^\/approvals$/)
    await signIn(page, smtp, 'martin.schulz@example.org')
    await page.goto('/approvals')
    await page.getByRole('button', { name: `Request changes to ${coils.reference}` }).click()
    await expect(page.getByText('Say what should change.')).toBeVisible()
    expect((await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [coils.id]))[0]?.status).toBe('AWAITING_SIGNATURE')

    await page.getByLabel(`Comment or reason for ${coils.reference}`).fill('Attach the winding specification.')
    await page.getByRole('button', { name: `Request changes to ${coils.reference}` }).click()
    await expect(page.getByRole('status')).toHaveText(`You sent ${coils.reference} back to the requester for changes.`)
    expect((await app.sql<{ status: string }>('SELECT status FROM "Justification" WHERE id = $1', [coils.id]))[0]?.status).toBe('CHANGES_REQUESTED')
  })

  test('procurement filters with a plain GET form', async ({ page, smtp }) => {
    await signIn(page, smtp, PROCUREMENT)
    await page.goto('/procurement/justifications')
    await page.getByLabel('Supplier’s country').selectOption({ label: 'Italy' })
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/country=IT/)
    await expect(page.getByRole('table').getByRole('link', { name: coils.reference })).toBeVisible()
    await expect(page.getByRole('table').getByRole('link', { name: gauges.reference })).toHaveCount(0)
  })
})
