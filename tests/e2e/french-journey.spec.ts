import { linkIn, recipientsOf } from '../support/smtp'
import { expect, REQUESTER, signIn, test } from './fixtures'

const GROUP_LEADER = 'marta.mendes@example.org'

// Issue 14: every email is written in its recipient's language, never its sender's. A requester who
// reads SoleSource in French files 12 000,50 EUR through the French form; the group leader, who saved no preference, is asked in English and
// signs from the link; the requester hears of the approval in French.
test('a French requester files, the English-speaking group leader is asked in English and signs, the requester hears in French', async ({ browser, page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = 'fr' WHERE email = $1`, [REQUESTER])
  try {
    // Signed in, the requester reads pages in the language saved.
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')

    // The filing form in French, the amount written the French way: 12 000,50 EUR (about CHF 11 300:
    // above the group leader's threshold).
    await page.goto('/justifications/new')
    await page.getByLabel('Titre').fill('Bobines de rechange')
    await page.getByLabel('Description de ce qui est acheté').fill('Deux bobines de rechange pour les convertisseurs du banc d’essai des aimants.')
    await page.getByRole('radio', { name: 'Fournitures' }).check()
    await page.getByLabel('Nom du fournisseur').fill('Converters SA')
    await page.getByLabel('Pays où le fournisseur est établi').selectOption('CH')
    await page.getByLabel('Pays d’origine des marchandises').selectOption('DE')
    await page.getByLabel('Montant', { exact: true }).fill('12 000,50')
    await page.getByLabel('Monnaie').selectOption('EUR')
    await page.getByLabel('Motif').selectOption('COMPATIBILITY')
    await page.getByLabel('Justification écrite').fill('Seul le fabricant d’origine fournit des bobines compatibles avec les convertisseurs installés sans requalification complète du banc.')
    await page.getByRole('button', { name: 'Soumettre pour signature' }).click()
    await expect(page).toHaveURL(/\/justifications\/[0-9a-f-]{36}\/review$/)
    // The rate as French amounts write it (decimal point), every digit of the stored rate.
    await expect(page.getByText(/^\d+\.\d{4,} CHF par EUR, taux valable dès le /)).toBeVisible()
    await page.getByRole('button', { name: 'Confirmer et soumettre' }).click()
    await expect(page).toHaveURL(/\/justifications\/[0-9a-f-]{36}$/)
    const id = /\/justifications\/([0-9a-f-]{36})/.exec(page.url())![1]!
    const [stored] = await app.sql<{ reference: string; amountMinor: string; currency: string; status: string }>(
      `SELECT reference, "amountMinor"::text AS "amountMinor", currency, status FROM "Justification" WHERE id = $1`,
      [id],
    )
    // The same value as 12000.50 or 12'000.50 typed on an English page.
    expect(stored).toMatchObject({ amountMinor: '1200050', currency: 'EUR', status: 'AWAITING_SIGNATURE' })
    const reference = stored!.reference

    // To the group leader: in English, whoever filed it.
    const toLeader = await smtp.waitForMessage((m) => recipientsOf(m).includes(GROUP_LEADER) && (m.subject ?? '').startsWith(`${reference} awaits your signature`))
    expect(toLeader.subject).toBe(`${reference} awaits your signature: Bobines de rechange`)
    expect(toLeader.text).toContain('You are asked to sign as group leader for')
    expect(toLeader.text).toContain('Decide: sign, reject or ask for changes')
    expect(String(toLeader.html)).toMatch(/<html [^>]*lang="en"/)

    const leader = await (await browser.newContext()).newPage()
    await leader.goto(linkIn(toLeader, `${app.url}/sign-off/`))
    await expect(leader.locator('html')).toHaveAttribute('lang', 'en')
    await expect(leader.getByRole('heading', { name: `${reference}: Bobines de rechange` })).toBeVisible()
    await leader.getByRole('button', { name: 'Sign', exact: true }).click()
    await expect(leader.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()

    // To the requester: in French, subject, HTML and text.
    const approved = await smtp.waitForMessage((m) => recipientsOf(m).includes(REQUESTER) && (m.subject ?? '').startsWith(reference))
    expect(approved.subject).toBe(`${reference} : approuvée`)
    expect(String(approved.html)).toMatch(/<html [^>]*lang="fr"/)
    for (const part of [approved.text ?? '', String(approved.html).replace(/<!-- -->/g, '')]) {
      expect(part).toContain('Votre justification a été approuvée')
      expect(part).toContain('Bonjour Rita Romano,')
      expect(part).toMatch(/Chef de groupe : Marta Mendes, signé le \d+ [a-zéû]+\.? 2\d{3}/)
      expect(part).toContain('Ouvrir la justification')
      expect(part).not.toContain('Your justification was approved')
    }
    const [row] = await app.sql<{ status: string }>(`SELECT status FROM "Justification" WHERE id = $1`, [id])
    expect(row?.status).toBe('APPROVED')

    // Asking to sign in, the requester is written to in French too, whatever the page's language.
    const signInPage = await (await browser.newContext()).newPage()
    const before = smtp.messagesTo(REQUESTER).length
    await signInPage.goto('/sign-in')
    await signInPage.getByLabel('Email address').fill(REQUESTER)
    await signInPage.getByRole('button', { name: 'Email me a sign-in link' }).click()
    const signInEmail = await smtp.waitForMessage((m) => recipientsOf(m).includes(REQUESTER) && smtp.messagesTo(REQUESTER).indexOf(m) >= before && m.subject === 'Votre lien de connexion à SoleSource')
    expect(signInEmail.text).toContain('Ouvrez ce lien pour vous connecter.')
  } finally {
    // The worker's other specs read the requester's emails and pages in English.
    await app.sql(`UPDATE "Person" SET "preferredLanguage" = NULL WHERE email = $1`, [REQUESTER])
  }
})
