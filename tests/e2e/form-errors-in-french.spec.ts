import { expect, signIn, test } from './fixtures'

// Issue 14: field and form errors, the Zod messages included, in the reader's language. The same
// schema validates in the browser (as the person types and submits) and in the action (without
// JavaScript): both say their messages in French to a French reader, never a message's key.

const PERSON = 'ruben.rasmussen@example.org'

for (const javaScriptEnabled of [true, false]) {
  test(`the sign-in form says a malformed address in French (${javaScriptEnabled ? 'in the browser' : 'from the server, without JavaScript'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-CH' })
    const page = await context.newPage()
    await page.goto('/sign-in')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    // The browser's own type=email check accepts this; the schema does not.
    await page.getByLabel('Adresse électronique').fill('rita@localhost')
    await page.getByRole('button', { name: 'M’envoyer un lien de connexion' }).click()
    await expect(page.getByText('Saisissez une adresse comme nom@example.org.')).toBeVisible()
    await expect(page.getByText(/forms:/)).toHaveCount(0)
    await context.close()
  })
}

test('the filing form says its field errors in French, in the browser and from the server', async ({ browser, page, smtp, app }) => {
  await signIn(page, smtp, PERSON)
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = 'fr' WHERE email = $1`, [PERSON])
  try {
    // In the browser: Conform validates with the schema before anything is sent.
    await page.goto('/justifications/new')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await page.getByLabel('Montant', { exact: true }).fill('1e5')
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await expect(page.getByText('Saisissez le titre.')).toBeVisible()
    await expect(page.getByText('Choisissez fournitures ou services.')).toBeVisible()
    await expect(page.getByText('Écrivez le montant en chiffres, sans notation exponentielle (par exemple 10\'000.50 ou 10 000,50).')).toBeVisible()
    await expect(page.getByText(/forms:/)).toHaveCount(0)

    // Without JavaScript: the action answers with the same messages, said by the server in French.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })
    const noScript = await context.newPage()
    await noScript.goto('/justifications/new')
    await noScript.getByLabel('Titre').fill('abc')
    await noScript.getByLabel('Montant', { exact: true }).fill('10.505')
    await noScript.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await expect(noScript.getByText('Le titre doit compter au moins 5 caractères.')).toBeVisible()
    await expect(noScript.getByText(/^Deux décimales au plus \(les centimes\)/)).toBeVisible()
    await expect(noScript.getByText(/forms:/)).toHaveCount(0)
    await context.close()
  } finally {
    await app.sql(`UPDATE "Person" SET "preferredLanguage" = NULL WHERE email = $1`, [PERSON])
  }
})
