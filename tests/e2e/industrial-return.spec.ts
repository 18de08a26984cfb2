import { readFileSync } from 'node:fs'
import { allowFailedResourceLoad, expect, signIn, test } from './fixtures'

const PROCUREMENT = 'paula.procurement@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'

// The default window: the four calendar years before the current status year (which starts on 1 March).
const today = new Date()
const statusYear = today.getUTCMonth() >= 2 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
const windowYears = [statusYear - 4, statusYear - 3, statusYear - 2, statusYear - 1]

const SCALE_2009 = [
  ['AT', '2.24'], ['BE', '2.77'], ['BG', '0.22'], ['CZ', '1.15'], ['DK', '1.76'], ['FI', '1.55'], ['FR', '15.34'], ['DE', '19.88'], ['GR', '1.96'], ['HU', '0.78'],
  ['IT', '11.51'], ['NL', '4.79'], ['NO', '2.53'], ['PL', '2.85'], ['PT', '1.14'], ['SK', '0.54'], ['ES', '8.52'], ['SE', '2.76'], ['CH', '3.01'], ['GB', '14.70'],
]
const scaleCsv = ['year,country_iso2,country,contribution_pct', ...windowYears.flatMap((year) => SCALE_2009.map(([code, pct]) => `${year},${code},,${pct}`))].join('\n')

const y = windowYears[2]
const contractsCsv = [
  'order_number,award_date,supplier,category,origin_country,establishment_country,amount,currency,exchange_rate,department,group',
  `E2E-0001,${y}-03-14,Precision Magnets GmbH,SUPPLIES,DE,DE,900000000.00,CHF,,TE,TE-MSC`,
  `E2E-0002,${y}-04-02,Lyon Cryogenie SA,SUPPLIES,FR,FR,350000000.00,CHF,,EN,EN-MME`,
  `E2E-0003,${y}-05-20,"Geneva Services, SA",SERVICES,,CH,12000000.00,CHF,,EN,EN-MME`,
  `E2E-0004,${y}-06-01,Atlantic Optics,SUPPLIES,PT,PT,40000.00,EUR,0.95,EN,EN-MME`,
  `E2E-0005,${y}-06-02,Nowhere Ltd,SUPPLIES,XX,CH,1000.00,CHF,,EN,EN-MME`,
].join('\n')

test.describe.configure({ mode: 'serial' })

test('procurement imports contracts and sees the table, chart, map and alerts, and downloads the CSV', async ({ page, smtp }) => {
  await signIn(page, smtp, PROCUREMENT)

  // A contribution scale for each year of the window, as a CSV in the published format.
  await page.goto('/industrial-return/scales')
  await page.getByLabel('CSV file').setInputFiles({ name: 'scales.csv', mimeType: 'text/csv', buffer: Buffer.from(scaleCsv) })
  await page.getByLabel('Source of the figures').fill('E2E: the 2009 percentages reused')
  await page.getByRole('button', { name: 'Import scale' }).click()
  await expect(page.getByRole('status')).toContainText(`Saved the scales of ${windowYears.join(', ')}`)

  // The contracts file: four good rows and one with an unknown country.
  await page.goto('/industrial-return/import')
  await page.getByLabel('CSV file').setInputFiles({ name: 'contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(contractsCsv) })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Import of contracts.csv' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('heading', { name: '1 row rejected' })).toBeVisible()
  await expect(page.getByRole('cell', { name: /unknown country of origin "XX"/ })).toBeVisible()

  // The dashboard: table, chart, map and the alerts the import raised.
  await page.goto('/industrial-return')
  await expect(page.getByRole('heading', { name: 'Industrial return', level: 1 })).toBeVisible()
  const table = page.getByRole('table', { name: /Industrial return for supplies/ })
  await expect(table.getByRole('row', { name: /Germany/ })).toContainText('CHF')
  await expect(table.getByRole('row', { name: /Portugal/ })).toContainText('very poorly balanced')
  await expect(page.getByRole('img', { name: /Return coefficients for supplies/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /Map of Europe coloured by the band/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /very poorly balanced countries for supplies per status year/ })).toBeVisible()
  const alerts = page.getByRole('table', { name: 'Alerts waiting to be acknowledged' })
  // Alerts are recomputed just after the import commits: the page may need a moment to show them.
  await expect(async () => {
    await page.reload()
    await expect(alerts.getByRole('row', { name: /Portugal/ })).toContainText('entered very poorly balanced', { timeout: 1000 })
  }).toPass({ timeout: 20_000 })

  // The standing status, apart from the crossings: every member but Germany and France is very poorly
  // balanced for supplies (their contracts are 0 or nearly), and the heading counts them.
  const windowLabel = `${windowYears[0]}–${windowYears[3]}`
  await expect(page.getByRole('heading', { name: 'Very poorly balanced now (18)', level: 2 })).toBeVisible()
  await expect(page.getByText(`Supplies, published status year ${statusYear} (1 Mar ${statusYear} to`)).toContainText(`computed over calendar years ${windowLabel}`)
  const standing = page.getByRole('table', { name: `Countries very poorly balanced for supplies in status year ${statusYear}, lowest coefficient first` })
  // The window of the status year before holds the import's year too; the one before that, no contract.
  await expect(standing.getByRole('row', { name: /Portugal/ })).toContainText(`at least since status year ${statusYear - 1} (the first with figures)`)
  await expect(alerts.getByRole('row', { name: /Portugal/ })).toContainText(`${statusYear} (over ${windowLabel})`)
  await expect(standing.getByRole('row', { name: /Portugal/ })).toContainText('Import of contracts.csv')

  // Portugal: 38 000 of 1 250 038 000 CHF of supplies is 0.00304% of the value, / 1.14% = 0.0027 (0.00 on the page).
  const portugal = table.getByRole('row', { name: /Portugal/ })
  await expect(portugal.getByRole('cell', { name: '0.0027', exact: true })).toBeVisible()
  await portugal.locator('.precise-figure').first().focus()
  await expect(portugal.locator('.precise-tip').first()).toBeVisible()
  await expect(portugal.locator('.precise-tip').first()).toHaveText('0.0027')
  // The window before has no scale and no contract: no change, and the page says why.
  await expect(page.getByText(`No change is shown against ${statusYear - 8}–${statusYear - 5}`)).toBeVisible()
  await expect(portugal).toContainText('no change shown')

  // Every procurement officer was told by email.
  const alertEmail = await smtp.waitForMessage((m) => /very poorly balanced countries changed/.test(m.subject ?? ''))
  expect(alertEmail.text).toMatch(/Portugal \(PT\)/)

  await alerts.getByRole('button', { name: 'Acknowledge the alert for Portugal' }).click()
  await expect(page.getByRole('status')).toContainText('Alert acknowledged')
  await expect(page.getByRole('table', { name: 'Alerts waiting to be acknowledged' }).getByRole('row', { name: /Portugal/ })).toHaveCount(0)

  // Sorting is done by the server, through the address.
  await table.getByRole('link', { name: /Contracts \(CHF\)/ }).click()
  await expect(page).toHaveURL(/sort=value&dir=asc/)
  await page.getByRole('table', { name: /Industrial return for supplies/ }).getByRole('link', { name: /Contracts \(CHF\)/ }).click()
  await expect(page).toHaveURL(/sort=value&dir=desc/)
  await expect(page.getByRole('table', { name: /Industrial return for supplies/ }).getByRole('row').nth(1)).toContainText('Germany')

  // The CSV export.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download this table as CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`industrial-return-supplies-${windowYears[0]}-${windowYears[3]}.csv`)
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv.split('\r\n')[0]).toBe('country_iso2,country,membership,category,window,contracts,value_chf,share_of_value_pct,share_of_contributions_pct,coefficient,band,previous_window,previous_coefficient,change')
  expect(csv).toMatch(/\nDE,Germany,MEMBER,SUPPLIES,/)
  expect(csv).toMatch(/\nPT,Portugal,MEMBER,SUPPLIES,[^\n]*,0\.0027,VERY_POORLY,/)

  // Another window: the status and the alerts stay those of the published status year, and say so.
  await page.goto('/industrial-return?from=2017&to=2020')
  await expect(page.getByRole('heading', { name: 'Very poorly balanced now (18)', level: 2 })).toBeVisible()
  await expect(page.getByText(`The figures further down are for 2017–2020. This status and the alerts concern the published status year ${statusYear}`)).toBeVisible()

  // The services map's legend has no "very poorly balanced": services have no such band.
  await page.goto('/industrial-return?category=SERVICES')
  const legend = page.locator('.return-map .legend')
  await expect(legend).toContainText('poorly balanced')
  await expect(legend).toContainText('well balanced')
  await expect(legend).not.toContainText('very poorly balanced')
})

test('a window that makes no sense answers 400 with a message by the year it is about, never silently', async ({ page, smtp }) => {
  // The dashboard answers 400 on purpose for these addresses.
  allowFailedResourceLoad(400, /^\/industrial-return$/)
  await signIn(page, smtp, PROCUREMENT)
  const defaultLabel = `${windowYears[0]}–${windowYears[3]}`

  const notAYear = await page.goto('/industrial-return?from=abc')
  expect(notAYear?.status()).toBe(400)
  await expect(page.getByRole('alert').filter({ hasText: 'The window you asked for cannot be shown' })).toContainText(defaultLabel)
  await expect(page.getByLabel('From year')).toHaveAccessibleDescription('“abc” is not a year: give four digits, e.g. 2022.')
  await expect(page.getByLabel('To year')).toHaveAccessibleDescription('Give the last year of the window as well.')

  const reversed = await page.goto('/industrial-return?from=2025&to=2022')
  expect(reversed?.status()).toBe(400)
  await expect(page.getByLabel('From year')).toHaveValue('2025')
  await expect(page.getByLabel('To year')).toHaveValue('2022')
  await expect(page.getByLabel('To year')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('To year')).toHaveAccessibleDescription('The last year comes before the first (2025): give 2025 or later, or swap the two.')

  // Put right in the form, the page shows the window asked, without a message.
  await page.getByLabel('From year').fill('2022')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/from=2022&to=2022/)
  await expect(page.getByText('The window you asked for cannot be shown')).toHaveCount(0)
  await expect(page.getByLabel('To year')).not.toHaveAttribute('aria-invalid', 'true')

  const csv = await page.request.get('/industrial-return/export.csv?from=2025&to=2022')
  expect(csv.status()).toBe(400)
  expect(await csv.text()).toContain('To year: The last year comes before the first (2025)')
})

test('a group leader asking their page for a window that makes no sense gets the same message (400), not silently the default', async ({ page, smtp }) => {
  allowFailedResourceLoad(400, /^\/industrial-return\/mine$/)
  await signIn(page, smtp, GROUP_LEADER)
  const reversed = await page.goto('/industrial-return/mine?from=2025&to=2022')
  expect(reversed?.status()).toBe(400)
  await expect(page.getByRole('alert').filter({ hasText: 'The window you asked for cannot be shown' })).toBeVisible()
  await expect(page.getByLabel('To year')).toHaveValue('2022')
  await expect(page.getByLabel('To year')).toHaveAccessibleDescription('The last year comes before the first (2025): give 2025 or later, or swap the two.')
  expect((await page.goto('/industrial-return/mine'))?.status()).toBe(200)
  await expect(page.getByText('The window you asked for cannot be shown')).toHaveCount(0)
})

test('a group leader opens the page of their group, and not the dashboard', async ({ page, smtp }) => {
  await signIn(page, smtp, GROUP_LEADER)
  await page.goto('/industrial-return/mine')
  await expect(page.getByRole('heading', { name: 'Group EN-MME: where the contracts went' })).toBeVisible()
  // Supplies and services apart by default, each country with its membership and the organisation's band.
  const supplies = page.getByRole('table', { name: /^Supplies: contracts of Group EN-MME by country/ })
  await expect(supplies).toBeVisible()
  await expect(page.getByRole('table', { name: /^Services: contracts of Group EN-MME by country/ })).toBeVisible()
  await expect(supplies.getByRole('columnheader', { name: 'Organisation’s band (coefficient)' })).toBeVisible()
  const memberRow = supplies.getByRole('row').filter({ hasText: 'Member State' }).first()
  await expect(memberRow.locator('.badge')).toHaveText(/balanced|no coefficient/)

  await page.getByLabel('Category').selectOption('ALL')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/category=ALL/)
  const table = page.getByRole('table', { name: /^Contracts of Group EN-MME by country/ })
  await expect(table.getByRole('row', { name: /France/ })).toContainText('CHF 350’000’000.00')
  await expect(table.getByRole('row', { name: /Switzerland/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Germany/ })).toHaveCount(0) // TE-MSC's contract, not hers
  expect((await page.request.get('/industrial-return', { maxRedirects: 0 })).status()).toBe(403)
})

test("a group leader's deputy sees the group's page too, saying so", async ({ page, smtp }) => {
  await signIn(page, smtp, 'mikko.makinen@example.org')
  await page.goto('/industrial-return/mine')
  await expect(page.getByRole('heading', { name: 'Group EN-MME: where the contracts went' })).toBeVisible()
  await expect(page.getByText('(you see it as the deputy of Marta Mendes)')).toBeVisible()
})

test('an old /spread link lands on the same page under /industrial-return, after the sign-in check', async ({ page, smtp, request }) => {
  // Signed out (the bare request context holds no session): sent to sign in, the old address kept as the return path.
  const signedOut = await request.get('/spread', { maxRedirects: 0 })
  expect(signedOut.status()).toBe(302)
  expect(signedOut.headers().location).toBe(`/sign-in?redirectTo=${encodeURIComponent('/spread')}`)

  await signIn(page, smtp, PROCUREMENT)
  const moved = await page.request.get('/spread/scales?x=1', { maxRedirects: 0 })
  expect(moved.status()).toBe(301)
  expect(moved.headers().location).toBe('/industrial-return/scales?x=1')
  await page.goto('/spread/scales?x=1')
  await expect(page).toHaveURL(/\/industrial-return\/scales\?x=1$/)
  await expect(page.getByRole('heading', { name: 'Contribution scales', level: 1 })).toBeVisible()
})
