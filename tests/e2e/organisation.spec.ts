import { ADMIN, expect, signIn, test } from './fixtures'

test('an administrator sees the organisation and edits a person, with field errors for bad input', async ({ page, smtp, app }) => {
  await signIn(page, smtp, ADMIN)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
  await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible()
  const engineering = page.getByRole('region', { name: 'EN · Engineering' })
  await expect(engineering.getByText('Head:')).toContainText('Elena Navarro')
  await expect(engineering.getByRole('row', { name: /EN-MME/ })).toContainText('Marta Mendes')

  await page.getByRole('link', { name: 'Chloé Caron' }).click()
  await expect(page.getByRole('heading', { name: 'Chloé Caron', level: 1 })).toBeVisible()

  // Bad input: clear messages on the fields, nothing stored.
  await page.getByLabel('Name').fill('')
  await page.getByLabel('Email address').fill('marta.mendes@example.org')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Enter the person’s name.')).toBeVisible()
  await page.getByLabel('Name').fill('Chloé Caron-Dubois')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Another person already has this email address.')).toBeVisible()
  expect(await app.sql(`SELECT name, email FROM "Person" WHERE email = 'chloe.caron@example.org'`)).toEqual([
    { name: 'Chloé Caron', email: 'chloe.caron@example.org' },
  ])

  // A good edit: saved, and recorded in the person's history.
  await page.getByLabel('Email address').fill('chloe.caron@example.org')
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'EN-EL · Electrical Engineering' })
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toContainText('Saved (name, groupId changed).')
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Person updated')

  // She becomes Luca Leone's deputy for a period.
  await page.getByLabel('Position', { exact: true }).selectOption('DEPUTY')
  await page.getByLabel('Acts for (for a deputy)').selectOption({ label: 'Luca Leone' })
  await page.getByLabel('From').fill('2026-01-01')
  await page.getByLabel('Until (inclusive, optional)').fill('2025-12-31')
  await page.getByRole('button', { name: 'Add position' }).click()
  await expect(page.getByText('The end date cannot be before the start date.')).toBeVisible()
  await page.getByLabel('Until (inclusive, optional)').fill('2099-12-31')
  await page.getByRole('button', { name: 'Add position' }).click()
  await expect(page.getByRole('region', { name: 'Positions' }).getByRole('row', { name: /Deputy for Luca Leone/ })).toContainText('1 Jan 2026 – 31 Dec 2099')

  await page.goto('/admin')
  await expect(page.getByRole('region', { name: 'EN · Engineering' }).getByRole('row', { name: /EN-EL/ })).toContainText('Chloé Caron-Dubois, 1 Jan 2026 – 31 Dec 2099')
})

test('an administrator adds a group to a department; a taken code is refused', async ({ page, smtp }) => {
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Add a group' }).click()
  await page.getByLabel('Code').fill('EN-MME')
  await page.getByLabel('Name').fill('Surveying')
  await page.getByLabel('Department').selectOption({ label: 'EN · Engineering' })
  await page.getByRole('button', { name: 'Add group' }).click()
  await expect(page.getByText('Another group already has this code.')).toBeVisible()

  await page.getByLabel('Code').fill('en-su')
  await page.getByRole('button', { name: 'Add group' }).click()
  await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible()
  const row = page.getByRole('region', { name: 'EN · Engineering' }).getByRole('row', { name: /EN-SU/ })
  await expect(row).toContainText('Surveying')
  await expect(row).toContainText('No leader today')
})

test('an administrator records an absence with a deputy; a last day before the first is refused', async ({ page, smtp, app }) => {
  // Two years ahead, so the absence never becomes current: the spec files of this worker share its
  // app, and a department head away today would route their signatures to the deputy.
  const year = new Date().getUTCFullYear() + 2
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Elena Navarro' }).first().click()
  const absences = page.getByRole('region', { name: 'Absences' })
  await expect(absences).toContainText('No absence recorded.')
  await absences.getByLabel('First day away').fill(`${year}-12-20`)
  await absences.getByLabel('Last day away').fill(`${year}-12-01`)
  await absences.getByRole('button', { name: 'Record absence' }).click()
  await expect(absences.getByText('The last day cannot be before the first.')).toBeVisible()
  await absences.getByLabel('Last day away').fill(`${year + 1}-01-04`)
  await absences.getByLabel('Deputy while away (optional)').selectOption({ label: 'Erik Nilsen' })
  await absences.getByRole('button', { name: 'Record absence' }).click()
  await expect(absences.getByRole('listitem')).toHaveText(`20 Dec ${year} – 4 Jan ${year + 1}, deputy Erik Nilsen`)
  expect(await app.sql(`SELECT count(*)::int AS n FROM "Absence"`)).toEqual([{ n: 1 }])
})

test('an administrator gives a person a preferred language, and takes it away again', async ({ page, smtp }) => {
  await signIn(page, smtp, ADMIN)
  await page.goto('/admin/people/new')
  // A person of this test's own: whoever else the specs sign in as keeps the language they had.
  await page.getByLabel('Name').fill('Léa Langue')
  await page.getByLabel('Email address').fill(`lea.langue.${Date.now()}@example.org`)
  await page.getByLabel('Preferred language').selectOption({ label: 'Français' })
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByRole('heading', { name: 'Léa Langue', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Preferred language')).toHaveValue('fr')

  await page.getByLabel('Preferred language').selectOption({ label: 'None (their browser’s)' })
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toContainText('Saved (preferredLanguage changed).')
  await page.reload()
  await expect(page.getByLabel('Preferred language')).toHaveValue('')
})
