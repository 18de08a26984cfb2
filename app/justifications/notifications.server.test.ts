import { describe, expect, test } from 'vitest'
import { stepReasons } from '~/workflow/signatories'
import type { StepRecord } from '~/workflow/machine'
import type { OutgoingEmail } from '~/email/outbox.server'
import { renderTemplateEmail } from '~/email/render.server'
import { emailsFor, signatureRequestEmail, whatIsAskedOfYou, type JustificationForEmail, type Person } from './notifications.server'

/** An email as the outbox worker renders it at delivery, from the template and props it is queued with. */
async function rendered(queued: OutgoingEmail | null | undefined | Promise<OutgoingEmail | null>) {
  const email = await queued
  return email ? { ...email, ...(await renderTemplateEmail(email)) } : null
}

const people = new Map<string, Person>([
  ['rita', { id: 'rita', name: 'Rita Romano', email: 'rita.romano@example.org' }],
  ['marta', { id: 'marta', name: 'Marta Mendes', email: 'marta.mendes@example.org' }],
  ['elena', { id: 'elena', name: 'Elena Navarro', email: 'elena.navarro@example.org' }],
])

const justification: JustificationForEmail = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'SSJ-2026-00042',
  title: 'Magnet power converter spares',
  requester: people.get('rita')!,
  group: { code: 'EN-MME' },
  supplierName: 'Converters SA',
  supplierCountry: { name: 'Switzerland' },
  originCountry: null,
  category: 'SUPPLIES',
  amountMinor: 6_000_000,
  currency: 'CHF',
  amountChfMinor: 6_000_000,
  reason: 'COMPATIBILITY',
  reasonText: 'Only this manufacturer supplies parts for the installed converters.',
  splitPurchaseWarning: null,
  alternativeSuppliers: null,
  documents: [],
}

const step = (overrides: Partial<StepRecord> = {}): StepRecord => ({
  tierIndex: 0,
  role: 'GROUP_LEADER',
  label: 'Group leader',
  signatoryId: 'marta',
  reason: 'POSITION',
  explanation: 'Marta Mendes signs as group leader for EN-MME.',
  originalSignatoryId: null,
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  comment: null,
  reassignments: [],
  ...overrides,
})

const lines = (text: string) => text.split('\n').map((line) => line.trim())

describe('emails address their reader', () => {
  test.each(stepReasons)('a step given for %s is explained to the signatory in the second person, naming the role', (reason) => {
    const sentence = whatIsAskedOfYou({ role: 'GROUP_LEADER', reason }, 'EN-MME')
    expect(sentence).toMatch(/^You are asked to sign /)
    expect(sentence).toContain('group leader')
  })

  test('each reason a step came to the signatory is told in words of its own', () => {
    const sentences = stepReasons.map((reason) => whatIsAskedOfYou({ role: 'GROUP_LEADER', reason }, 'EN-MME'))
    expect(new Set(sentences).size).toBe(stepReasons.length)
  })

  test('the request to sign speaks to the signatory, says until when the link works, and gives it on a line of its own', async () => {
    const expiresAt = new Date('2026-12-03T09:15:00Z')
    const email = await rendered(
      signatureRequestEmail({
        justification,
        step: step(),
        signOffUrl: 'http://localhost:3000/sign-off/a-long-token-of-forty-three-characters-xxxxxx',
        linkExpiresAt: expiresAt,
        chain: [step(), step({ tierIndex: 1, role: 'DEPARTMENT_HEAD', label: 'Department head', signatoryId: 'elena', status: 'to-come' })],
        people,
        appUrl: 'http://localhost:3000',
        linkTtlHours: 168,
      }),
    )
    expect(email).toMatchObject({ to: 'marta.mendes@example.org', subject: 'SSJ-2026-00042 awaits your signature: Magnet power converter spares' })
    expect(email!.text).toContain('You are asked to sign as group leader for EN-MME.')
    expect(email!.text).not.toContain('Marta Mendes signs as')
    expect(email!.text).toContain('until 3 Dec 2026, 10:15 CET (7 days)')
    expect(lines(email!.text)).toContain('http://localhost:3000/sign-off/a-long-token-of-forty-three-characters-xxxxxx')
    expect(email!.html).toContain('data-email-button="true"')
  })

  test('the request to sign lists every document with its kind, name, size and full SHA-256, or says there is none', async () => {
    const request = (documents: JustificationForEmail['documents']) =>
      rendered(
        signatureRequestEmail({
          justification: { ...justification, documents },
          step: step(),
          signOffUrl: 'http://localhost:3000/sign-off/a-long-token-of-forty-three-characters-xxxxxx',
          linkExpiresAt: null,
          chain: [step()],
          people,
          appUrl: 'http://localhost:3000',
          linkTtlHours: 168,
        }),
      )
    const quote = { kind: 'Supplier’s quote', fileName: 'Offre Müller.pdf', size: '14 kB', sha256: 'a'.repeat(64) }
    const letter = { kind: 'Exclusivity or compatibility letter', fileName: 'letter.pdf', size: '3.4 MB', sha256: 'b'.repeat(64) }
    const email = await request([quote, letter])
    expect(lines(email!.text)).toEqual(expect.arrayContaining(['Documents you are signing (2):', '• Supplier’s quote: Offre Müller.pdf (14 kB)', `SHA-256 ${'a'.repeat(64)}`, `SHA-256 ${'b'.repeat(64)}`]))
    expect(email!.html).toContain(`SHA-256 ${'b'.repeat(64)}`)
    expect(email!.html).toContain('Offre Müller.pdf')
    const none = await request([])
    expect(lines(none!.text)).toContain('No supporting documents were attached.')
  })

  test('the requester hears of a decision about their own justification', async () => {
    const [queued] = await emailsFor([{ type: 'REJECTED', stepIndex: 0, by: 'marta', at: '2026-12-02T09:00:00Z', reason: 'Ask two suppliers.' }], justification, people, {
      appUrl: 'http://localhost:3000',
      signOffLinks: new Map(),
      chain: [step({ status: 'rejected' })],
      linkTtlHours: 168,
    })
    const rejected = await rendered(queued)
    expect(rejected).toMatchObject({ to: 'rita.romano@example.org', subject: 'SSJ-2026-00042: rejected' })
    expect(rejected!.text).toContain('Your justification was rejected')
    expect(rejected!.text).toContain('Marta Mendes rejected your justification on 2 Dec 2026, 10:00 CET')
    expect(lines(rejected!.text)).toContain(`http://localhost:3000/justifications/${justification.id}`)
  })
})

describe('each email is written in its recipient’s language (issue 14)', () => {
  const rita = { ...people.get('rita')!, preferredLanguage: 'fr' }
  const frenchRequester = new Map<string, Person>([...people, ['rita', rita]])
  const filedInFrench: JustificationForEmail = { ...justification, requester: rita, supplierCountry: { name: 'Switzerland', code: 'CH' } }

  test('a French requester’s justification reaches an English-speaking group leader in English', async () => {
    const email = await rendered(
      signatureRequestEmail({ justification: filedInFrench, step: step(), signOffUrl: 'http://localhost:3000/sign-off/t', linkExpiresAt: new Date('2026-12-09T09:15:00Z'), chain: [step()], people: frenchRequester, appUrl: 'http://localhost:3000', linkTtlHours: 168 }),
    )
    expect(email!.subject).toBe('SSJ-2026-00042 awaits your signature: Magnet power converter spares')
    expect(email!.html).toMatch(/<html [^>]*lang="en"/)
    expect(email!.text).toContain('You are asked to sign as group leader for EN-MME.')
    expect(email!.text).toContain('Supplier: Converters SA, Switzerland')
  })

  test('the approval reaches the French requester in French: subject, HTML and text', async () => {
    const chain = [step({ status: 'done', decidedBy: 'marta', decidedAt: '2026-12-02T09:00:00Z' })]
    const [queued] = await emailsFor([{ type: 'APPROVED', at: '2026-12-02T09:00:00Z', withoutSignature: false } as never], filedInFrench, frenchRequester, {
      appUrl: 'http://localhost:3000',
      signOffLinks: new Map(),
      chain,
      linkTtlHours: 168,
    })
    const approved = await rendered(queued)
    expect(approved).toMatchObject({ to: 'rita.romano@example.org', subject: 'SSJ-2026-00042 : approuvée' })
    expect(approved!.html).toMatch(/<html [^>]*lang="fr"/)
    expect(approved!.text).toContain('Fournisseur : Converters SA, Suisse')
    for (const part of [approved!.text, approved!.html.replace(/<!-- -->/g, '')]) {
      expect(part).toContain('Votre justification a été approuvée')
      expect(part).toContain('Bonjour Rita Romano,')
      expect(part).toContain('Chef de groupe : Marta Mendes, signé le 2 déc. 2026')
      expect(part).toContain('Ouvrir la justification')
      expect(part).not.toContain('Hello')
      expect(part).not.toContain('Sent by SoleSource')
    }
  })

  test('the chain in an email: a standard tier reads in the recipient’s language, a label procurement typed reads as typed', async () => {
    const chain = [
      step({ status: 'done', decidedBy: 'marta', decidedAt: '2026-12-02T09:00:00Z' }),
      step({ tierIndex: 1, role: 'DEPARTMENT_HEAD', label: 'Accelerator sector head', signatoryId: 'elena', status: 'done', decidedBy: 'elena', decidedAt: '2026-12-02T09:00:00Z' }),
    ]
    const [queued] = await emailsFor([{ type: 'APPROVED', at: '2026-12-02T09:00:00Z', withoutSignature: false } as never], filedInFrench, frenchRequester, {
      appUrl: 'http://localhost:3000',
      signOffLinks: new Map(),
      chain,
      linkTtlHours: 168,
    })
    const approved = await rendered(queued)
    expect(approved!.text).toContain('Chef de groupe : Marta Mendes, signé le 2 déc. 2026')
    expect(approved!.text).toContain('Accelerator sector head : Elena Navarro, signé le 2 déc. 2026')
    expect(approved!.text).not.toContain('Chef de département')
  })

  test('a French signatory is asked in French, with the link’s validity in French', async () => {
    const french = new Map<string, Person>([...people, ['marta', { ...people.get('marta')!, preferredLanguage: 'fr' }]])
    const email = await rendered(
      signatureRequestEmail({ justification, step: step(), signOffUrl: 'http://localhost:3000/sign-off/t', linkExpiresAt: null, chain: [step()], people: french, appUrl: 'http://localhost:3000', linkTtlHours: 168 }),
    )
    expect(email!.subject).toBe('SSJ-2026-00042 attend votre signature : Magnet power converter spares')
    expect(email!.text).toContain('Vous êtes invité à signer en tant que chef de groupe pour EN-MME.')
    expect(email!.text).toContain('il ne fonctionne qu’une fois, pendant 7 jours.')
    expect(email!.text).toContain('Décider : signer, rejeter ou demander des modifications')
    expect(email!.text).toContain('Aucune pièce justificative n’a été jointe.')
  })
})
