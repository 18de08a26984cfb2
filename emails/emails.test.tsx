import type { ReactElement } from 'react'
import { describe, expect, test } from 'vitest'
import { renderEmail } from '~/email/render.server'
import { englishFragments } from '../tests/support/english-sentences'
import { exampleSummary } from './justification-summary'
import JustificationUpdateEmail from './justification-update'
import ReturnAlertEmail from './return-alert'
import ReturnDigestEmail from './return-digest'
import SignInLinkEmail from './sign-in-link'
import SignatureRequestedEmail from './signature-requested'

// Every email the app sends, rendered from its default props alone, with the link it asks the
// reader to follow and a phrase that shows it speaks to the reader.
const emails: { name: string; element: ReactElement; actionUrl: string; buttonLabel: string; secondPerson: RegExp }[] = [
  {
    name: 'signature requested',
    element: <SignatureRequestedEmail />,
    actionUrl: 'http://localhost:3000/sign-off/example-token-3q2v0mJ8bX7kLw9sT4yZpR1nA6eCfHdGiUoVtWxYz',
    buttonLabel: 'Decide: sign, reject or ask for changes',
    secondPerson: /You are asked to sign as group leader for EN-MME\./,
  },
  {
    name: 'signature reminder',
    element: <SignatureRequestedEmail isReminder />,
    actionUrl: 'http://localhost:3000/sign-off/example-token-3q2v0mJ8bX7kLw9sT4yZpR1nA6eCfHdGiUoVtWxYz',
    buttonLabel: 'Decide: sign, reject or ask for changes',
    secondPerson: /still awaits your signature/,
  },
  {
    name: 'justification update',
    element: <JustificationUpdateEmail />,
    actionUrl: 'http://localhost:3000/justifications/00000000-0000-4000-8000-000000000000',
    buttonLabel: 'Open the justification',
    secondPerson: /Your justification was approved[\s\S]*You may proceed/,
  },
  {
    name: 'sign-in link',
    element: <SignInLinkEmail />,
    actionUrl: 'http://localhost:3000/sign-in/link/example-token',
    buttonLabel: 'Sign in',
    secondPerson: /If you did not ask to sign in/,
  },
  {
    name: 'return alert',
    element: <ReturnAlertEmail />,
    actionUrl: 'http://localhost:3000/industrial-return',
    buttonLabel: 'Open the industrial return dashboard',
    secondPerson: /As a procurement officer, you hear/,
  },
  {
    name: 'return digest',
    element: <ReturnDigestEmail />,
    actionUrl: 'http://localhost:3000/industrial-return/mine',
    buttonLabel: 'See the full page',
    secondPerson: /Your statistics for November 2026/,
  },
]

const lines = (text: string) => text.split('\n').map((line) => line.trim())

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe.each(emails)('the $name email, read on a phone', ({ element, actionUrl, buttonLabel, secondPerson }) => {
  test('lays out at the width of the screen', async () => {
    const { html } = await renderEmail('subject', element)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>')
    expect(html).toMatch(/max-width:560px/)
  })

  test('offers the link as a button of at least 44 px and as the full address in a block that wraps', async () => {
    const { html } = await renderEmail('subject', element)
    const button = html.match(new RegExp(`<a href="${escapeRegExp(actionUrl)}" data-email-button="true" style="([^"]*)"[^>]*>${escapeRegExp(buttonLabel)}</a>`))
    expect(button, 'the button').not.toBeNull()
    const style = button![1]!
    const px = (property: string) => Number(style.match(new RegExp(`(?:^|;)${property}:(\\d+)px`))?.[1] ?? 0)
    // padding: 14px 16px; line-height: 20px → 48 px tall, whatever the label.
    expect(2 * Number(style.match(/padding:(\d+)px/)?.[1] ?? 0) + px('line-height')).toBeGreaterThanOrEqual(44)
    expect(style).toContain('display:block')
    const block = html.match(new RegExp(`<p data-email-url="true" style="([^"]*)"><a href="${escapeRegExp(actionUrl)}"[^>]*>${escapeRegExp(actionUrl)}</a></p>`))
    expect(block, 'the full address').not.toBeNull()
    expect(block![1]).toContain('word-break:break-all')
    expect(block![1]).toContain('overflow-wrap:anywhere')
  })

  test('has a plain-text part without markup, the address alone on its own line after the button’s label', async () => {
    const { text } = await renderEmail('subject', element)
    const lines = text.split('\n').map((line) => line.trim())
    expect(lines).toContain(actionUrl)
    expect(lines).toContain(buttonLabel)
    expect(lines.indexOf(actionUrl)).toBeGreaterThan(lines.indexOf(buttonLabel))
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i)
    expect(text).not.toMatch(/&(#\d+|#x[0-9a-f]+|[a-z]+);/i)
    expect(text).not.toContain('[if mso]')
  })

  test('speaks to its reader', async () => {
    const { html, text } = await renderEmail('subject', element)
    expect(text).toMatch(secondPerson)
    expect(html.replace(/<!-- -->/g, '')).toMatch(secondPerson)
  })
})

test('the signature request says until when the link works, and without an expiry for how long', async () => {
  const until = await renderEmail('s', <SignatureRequestedEmail linkExpiresAt="9 Dec 2026, 10:15 CET" linkValidFor="7 days" />)
  expect(until.text).toContain('it works once, until 9 Dec 2026, 10:15 CET (7 days). Opening it decides nothing.')
  const forAWhile = await renderEmail('s', <SignatureRequestedEmail linkExpiresAt={null} linkValidFor="7 days" />)
  expect(forAWhile.text).toContain('it works once, for 7 days. Opening it decides nothing.')
})

test('the digest lists one country a line, not a table too wide for a phone', async () => {
  const { html, text } = await renderEmail('s', <ReturnDigestEmail />)
  expect(html).not.toContain('<th')
  expect(text.split('\n').map((line) => line.trim())).toContain('Italy (IT): CHF 500’000.00 in 4 contracts, 40.0% of this total (organisation-wide: 11.2%)')
})

test('the signature request lists the documents with kind, name, size and full SHA-256 in both parts, or says there is none', async () => {
  const { html, text } = await renderEmail('s', <SignatureRequestedEmail />)
  const lines = text.split('\n').map((line) => line.trim())
  expect(lines).toContain('Documents you are signing (2):')
  expect(lines).toContain('• Supplier’s quote: Cryo-Instruments-quote-Q-2026-118.pdf (248 kB)')
  expect(lines).toContain('SHA-256 9f2c4be81a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7')
  expect(html).toContain('SHA-256 3b7e0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7081928374655aabb')
  // The hash wraps anywhere: 64 characters never widen the email on a phone.
  expect(html).toMatch(/<span style="[^"]*word-break:break-all[^"]*">SHA-256 9f2c/)
  const none = await renderEmail('s', <SignatureRequestedEmail documents={[]} />)
  expect(none.text.split('\n').map((line) => line.trim())).toContain('No supporting documents were attached.')
})

// Each email in French, as its sender queues it for a French recipient: the template's own words
// are French. What the sender hands it already worded (names, titles, the requester's text, a
// headline, the summary's values) is data here, left out of the check: the senders' tests (e.g.
// app/justifications/notifications.server.test.ts) see that it comes in the recipient's language.
describe('every email in French (issue 14)', () => {
  const summary = { ...exampleSummary, supplierCountry: 'Suisse', originCountry: 'Allemagne', category: 'Fournitures', amount: '63’000.00 EUR', amountChf: '59’295.60 CHF', reason: 'Droits exclusifs ou brevet' }
  const frenchEmails: { name: string; props: Record<string, unknown>; element: (props: Record<string, unknown>) => ReactElement; french: string[] }[] = [
    {
      name: 'signature request',
      props: { language: 'fr', request: 'Vous êtes invité à signer.', linkValidFor: '7 jours', linkExpiresAt: '9 déc. 2026, 10:15 CET', summary, chainSoFar: ['Chef de groupe : Marta Mendes, en attente de signature'] },
      element: (props) => <SignatureRequestedEmail {...props} />,
      french: ['Une justification de source unique attend votre signature', '• Offre du fournisseur : Cryo-Instruments-quote-Q-2026-118.pdf (248 kB)', 'Référence : SSJ-2026-00042', 'Fournisseurs dans des pays très mal équilibrés'],
    },
    {
      name: 'justification update',
      props: { language: 'fr', headline: 'Votre justification a été approuvée', paragraphs: ['Toutes les signatures sont là.'], actionLabel: 'Ouvrir la justification', summary },
      element: (props) => <JustificationUpdateEmail {...props} />,
      french: ['Bonjour Rita Romano,', 'Catégorie : Fournitures'],
    },
    {
      name: 'return alert',
      props: { language: 'fr', cause: 'Import de contracts.csv', transitions: [{ countryName: 'Portugal', countryCode: 'PT', entered: true, coefficient: '0.38' }, { countryName: 'Grèce', countryCode: 'GR', entered: false, coefficient: null }] },
      element: (props) => <ReturnAlertEmail {...props} />,
      french: [
        'Les pays très mal équilibrés ont changé',
        'Bonjour Paula Procurement,',
        'de l’année de statut publiée 2026 (du 1er mars 2026 à fin février 2027), calculé sur 2022–2025, a été recalculé (Import de contracts.csv).',
        'Désormais très mal équilibrés (coefficient sous le seuil) :',
        '• Portugal (PT) : coefficient 0.38',
        '• Grèce (GR) : coefficient aucun',
        'Ouvrir le tableau de bord du retour industriel',
      ],
    },
    {
      name: 'return digest',
      props: {
        language: 'fr',
        periodLabel: 'novembre 2026',
        units: [
          { label: 'Groupe EN-MME', totalChf: '1’250’000.00 CHF', contractCount: 1, rows: [{ country: 'Italie (IT)', value: '500’000.00 CHF', count: 1, share: '40.0%', organisationShare: '11.2%' }] },
          { label: 'Département EN', totalChf: '0.00 CHF', contractCount: 0, rows: [] },
        ],
      },
      element: (props) => <ReturnDigestEmail {...props} />,
      french: [
        'Répartition géographique de vos contrats',
        'Vos statistiques pour novembre 2026 : les contrats attribués sur 2022–2025',
        'Groupe EN-MME : 1’250’000.00 CHF en 1 contrat',
        'Italie (IT) : 500’000.00 CHF en 1 contrat, 40.0% de ce total (pour toute l’organisation : 11.2%)',
        'Département EN : 0.00 CHF en 0 contrat',
        'Aucun contrat sur cette période.',
        'Voir la page complète',
      ],
    },
    { name: 'sign-in link', props: { language: 'fr', expiresAt: '9 déc. 2026, 10:15 CET' }, element: (props) => <SignInLinkEmail {...props} />, french: ['Connexion à SoleSource'] },
  ]

  /** Every string the sender handed the template (and the template's own defaults for data such as names). */
  const dataOf = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(dataOf) : value && typeof value === 'object' ? Object.values(value).flatMap(dataOf) : []
  const defaults = [...dataOf(exampleSummary), 'Marta Mendes', 'Rita Romano', 'Paula Procurement', 'Ada Lovelace', 'Cryo-Instruments-quote-Q-2026-118.pdf', 'Compatibility letter.pdf']

  test.each(frenchEmails)('the $name email: lang="fr", its words in French, no sentence of the English catalogue', async ({ props, element, french }) => {
    const { html, text } = await renderEmail('sujet', element(props))
    expect(html).toMatch(/<html [^>]*lang="fr"/)
    const plain = lines(text).join('\n')
    for (const sentence of french) expect(plain).toContain(sentence)
    expect(plain).not.toContain('Hello')
    expect(plain).not.toContain('Sent by SoleSource')
    // Default data in English (a reason, the requester's text) is data, not the template's words.
    const data = [...dataOf(props), ...defaults, 'Only the original manufacturer supplies cold heads that fit the installed cryocoolers without requalification.', 'Neither makes cold heads for the installed cryocooler model; both were asked in the market survey.']
    const templateWords = data.reduce((rest, value) => rest.split(value).join(' '), plain)
    expect(englishFragments().filter((fragment) => templateWords.includes(fragment))).toEqual([])
  })

  test('a document queued before its kind’s code was stored keeps the English name it was queued with', async () => {
    const { text } = await renderEmail('s', <SignatureRequestedEmail language="fr" documents={[{ kind: 'Supplier’s quote', fileName: 'q.pdf', size: '1 kB', sha256: 'ab' }]} />)
    expect(lines(text)).toContain('• Supplier’s quote : q.pdf (1 kB)')
  })
})
