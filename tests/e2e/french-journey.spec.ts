import { fileJustifications } from '../support/justifications'
import { linkIn, recipientsOf } from '../support/smtp'
import { expect, REQUESTER, signIn, test } from './fixtures'

const GROUP_LEADER = 'marta.mendes@example.org'

// Issue 14: every email is written in its recipient's language, never its sender's. A requester who
// reads SoleSource in French files; the group leader, who saved no preference, is asked in English and
// signs from the link; the requester hears of the approval in French.
test('a French requester files, the English-speaking group leader is asked in English and signs, the requester hears in French', async ({ browser, page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  await app.sql(`UPDATE "Person" SET "preferredLanguage" = 'fr' WHERE email = $1`, [REQUESTER])
  try {
    // Signed in, the requester reads pages in the language saved.
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')

    const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: 'Bobines de rechange', supplierName: 'Converters SA', amount: 2_500_000 }])
    const { id, reference } = filed!

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
