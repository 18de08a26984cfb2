import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { APIResponse } from '@playwright/test'
import { attachTestFile, minimalPdf } from '../support/attachments'
import { fileJustifications } from '../support/justifications'
import { linkIn, recipientsOf, type TestSmtpServer } from '../support/smtp'
import { expect, signIn, test, type AppUnderTest } from './fixtures'
import { createDatabaseClient } from '~/db/client.server'
import { resetEnvForTests } from '~/env.server'
import { submitJustification } from '~/justifications/submit-justification.server'

// Issue 11: what the signatory reads is what the signatory signs. The request to sign and the
// sign-off page list every document with its SHA-256; the bytes downloaded from the page are the
// bytes attached, served so that nothing in them runs as a page of ours; and a document is no more
// visible than its justification.

const REQUESTER = 'rita.romano@example.org'
const GROUP_LEADER = 'marta.mendes@example.org'
const OTHER_GROUP_REQUESTER = 'emil.eriksen@example.org'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function signatureRequestTo(smtp: TestSmtpServer, email: string, reference: string) {
  return smtp.waitForMessage((m) => recipientsOf(m).includes(email) && (m.subject ?? '').includes(`${reference} awaits your signature`))
}

type Document = { fileName: string; kind: 'QUOTE' | 'OTHER'; mediaType: string; bytes: Uint8Array }

/** A justification of Rita's with these documents attached before it is submitted (the request to sign then lists them). */
async function submittedWithDocuments(app: AppUnderTest, title: string, supplierName: string, documents: Document[]) {
  const [draft] = await fileJustifications(app, [{ requester: REQUESTER, title, supplierName, amount: 2_000_000, submit: false }])
  process.env.APP_URL = app.url
  resetEnvForTests()
  const db = createDatabaseClient(app.databaseUrl, { maxConnections: 2 })
  try {
    const requester = await db.person.findUniqueOrThrow({ where: { email: REQUESTER } })
    const attachments = []
    for (const document of documents) attachments.push(await attachTestFile(db, { justificationId: draft!.id, addedById: requester.id, ...document }))
    const submitted = await submitJustification(db, { id: draft!.id, actor: { id: requester.id, origin: { ipAddress: '127.0.0.1', userAgent: 'playwright-setup' } }, now: new Date() })
    if (!submitted.ok) throw new Error(submitted.message)
    return { ...draft!, attachments }
  } finally {
    await db.$disconnect()
  }
}

function expectServedAsDownload(response: APIResponse, { asciiName, encodedName, contentType, sizeBytes }: { asciiName: string; encodedName: string; contentType: string; sizeBytes: number }) {
  const headers = response.headers()
  expect(response.status()).toBe(200)
  expect(headers['content-disposition']).toBe(`attachment; filename="${asciiName}"; filename*=UTF-8''${encodedName}`)
  expect(headers['content-type']).toBe(contentType)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['content-security-policy']).toBe("sandbox; default-src 'none'")
  expect(headers['cache-control']).toBe('private, no-store')
  expect(headers['content-length']).toBe(String(sizeBytes))
}

async function downloadsOf(app: AppUnderTest, id: string) {
  return app.sql<{ via: string; actor: string }>(
    `SELECT e.payload->>'via' AS via, p.email AS actor FROM "AuditEvent" e JOIN "Person" p ON p.id = e."actorId"
     WHERE e.subject = $1 AND e.type = 'DOCUMENT_DOWNLOADED' ORDER BY e.id`,
    [`justification:${id}`],
  )
}

test('the signatory’s email and sign-off page list the documents with their SHA-256; the one downloaded from the page is exactly the bytes attached, as a safe attachment', async ({ browser, smtp, app, request }) => {
  const quote: Document = { fileName: 'Offre Müller (final).pdf', kind: 'QUOTE', mediaType: 'application/pdf', bytes: await minimalPdf('Quote DOC-1: 20 000 CHF') }
  const notes: Document = { fileName: 'notes.html', kind: 'OTHER', mediaType: 'text/html', bytes: new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>') }
  const filed = await submittedWithDocuments(app, 'Documented vacuum gauges', 'Gauges With Papers SA', [quote, notes])

  const email = await signatureRequestTo(smtp, GROUP_LEADER, filed.reference)
  const lines = (email.text ?? '').split('\n').map((line) => line.trim())
  expect(lines).toContain('Documents you are signing (2):')
  expect(lines).toContain(`SHA-256 ${sha256(quote.bytes)}`)
  expect(lines).toContain(`SHA-256 ${sha256(notes.bytes)}`)
  expect(lines.some((line) => line.startsWith('• Supplier’s quote: Offre Müller (final).pdf ('))).toBe(true)
  expect(String(email.html)).toContain(`SHA-256 ${sha256(quote.bytes)}`)

  const page = await (await browser.newContext({ acceptDownloads: true })).newPage()
  await page.goto(linkIn(email, `${app.url}/sign-off/`))
  const documents = page.getByRole('region', { name: /Documents you are signing/ })
  await expect(documents.getByRole('listitem')).toHaveCount(2)
  await expect(documents.getByRole('listitem').nth(0)).toContainText('Supplier’s quote')
  await expect(documents.getByRole('listitem').nth(0)).toContainText(sha256(quote.bytes))
  await expect(documents.getByRole('listitem').nth(1)).toContainText(sha256(notes.bytes))
  // The documents come before the decision.
  const documentsTop = (await documents.boundingBox())!.y
  expect(documentsTop).toBeLessThan((await page.getByRole('button', { name: 'Sign', exact: true }).boundingBox())!.y)

  const link = documents.getByRole('link', { name: quote.fileName })
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe(quote.fileName)
  expect(sha256(new Uint8Array(await readFile((await download.path())!)))).toBe(sha256(quote.bytes))

  const href = await link.getAttribute('href')
  expect(href).toMatch(new RegExp(`^/sign-off/[A-Za-z0-9_-]+/documents/${filed.attachments[0]!.id}$`))
  const served = await request.get(href!)
  expectServedAsDownload(served, { asciiName: 'Offre_Muller__final_.pdf', encodedName: 'Offre%20M%C3%BCller%20%28final%29.pdf', contentType: 'application/pdf', sizeBytes: quote.bytes.byteLength })
  expect(sha256(new Uint8Array(await served.body()))).toBe(sha256(quote.bytes))
  // HTML is never served as a page, whatever it was recorded as.
  const html = await request.get(await documents.getByRole('link', { name: 'notes.html' }).getAttribute('href').then((h) => h!))
  expectServedAsDownload(html, { asciiName: 'notes.html', encodedName: 'notes.html', contentType: 'application/octet-stream', sizeBytes: notes.bytes.byteLength })

  // A HEAD request (a link checker, a mail scanner) gets the headers and is no download.
  const checked = await request.head(href!)
  expect(checked.status()).toBe(200)
  expect(checked.headers()['content-length']).toBe(String(quote.bytes.byteLength))
  expect((await checked.body()).byteLength).toBe(0)

  expect(await downloadsOf(app, filed.id)).toEqual([
    { via: 'link', actor: GROUP_LEADER },
    { via: 'link', actor: GROUP_LEADER },
    { via: 'link', actor: GROUP_LEADER },
  ])

  // Once the link is used, its documents are gone with it.
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Thank you: signed' })).toBeVisible()
  expect((await request.get(href!)).status()).toBe(404)
})

test('in the app a document is there for whoever sees the justification and not found for another group’s requester', async ({ browser, smtp, app }) => {
  const quote: Document = { fileName: 'quote.pdf', kind: 'QUOTE', mediaType: 'application/pdf', bytes: await minimalPdf('Quote DOC-2: 20 000 CHF') }
  const filed = await submittedWithDocuments(app, 'Documented bellows', 'Bellows With Papers AG', [quote])
  const url = `/justifications/${filed.id}/documents/${filed.attachments[0]!.id}`

  const requester = await (await browser.newContext()).newPage()
  await signIn(requester, smtp, REQUESTER)
  const mine = await requester.request.get(url)
  expectServedAsDownload(mine, { asciiName: 'quote.pdf', encodedName: 'quote.pdf', contentType: 'application/pdf', sizeBytes: quote.bytes.byteLength })
  expect(sha256(new Uint8Array(await mine.body()))).toBe(sha256(quote.bytes))

  const outsider = await (await browser.newContext()).newPage()
  await signIn(outsider, smtp, OTHER_GROUP_REQUESTER)
  const refused = await outsider.request.get(url)
  expect(refused.status()).toBe(404)
  expect(await refused.text()).toBe('No document has this address.')
  // The same answer as for a document that does not exist.
  expect((await outsider.request.get(`/justifications/${filed.id}/documents/${crypto.randomUUID()}`)).status()).toBe(404)

  expect(await downloadsOf(app, filed.id)).toEqual([{ via: 'app', actor: REQUESTER }])
})

test('strict mode: a document of the link needs its addressee signed in (else the sign-in the page asks for); signed in, the page lists it and it downloads', async ({ browser, smtp, app, request }) => {
  const quote: Document = { fileName: 'strict-quote.pdf', kind: 'QUOTE', mediaType: 'application/pdf', bytes: await minimalPdf('Quote DOC-3: 20 000 CHF') }
  const filed = await submittedWithDocuments(app, 'Documented flanges, strictly', 'Strict Flanges SA', [quote])
  const link = linkIn(await signatureRequestTo(smtp, GROUP_LEADER, filed.reference), `${app.url}/sign-off/`)
  const linkPath = new URL(link).pathname
  const documentPath = `${linkPath}/documents/${filed.attachments[0]!.id}`
  const signInPath = `/sign-in?${new URLSearchParams({ redirectTo: linkPath })}`
  await app.sql(`INSERT INTO "WorkflowSettings" (id, "linkRequiresSignIn", "updatedAt") VALUES (1, true, now()) ON CONFLICT (id) DO UPDATE SET "linkRequiresSignIn" = true`)
  try {
    const anonymous = await request.get(documentPath, { maxRedirects: 0 })
    expect(anonymous.status()).toBe(302)
    expect(anonymous.headers().location).toBe(signInPath)

    const someoneElse = await (await browser.newContext()).newPage()
    await signIn(someoneElse, smtp, REQUESTER)
    const wrong = await someoneElse.request.get(documentPath, { maxRedirects: 0 })
    expect(wrong.status()).toBe(302)
    expect(wrong.headers().location).toBe(signInPath)
    expect(await downloadsOf(app, filed.id)).toEqual([])

    const addressee = await (await browser.newContext({ acceptDownloads: true })).newPage()
    await signIn(addressee, smtp, GROUP_LEADER)
    await addressee.goto(link)
    const documents = addressee.getByRole('region', { name: /Documents you are signing/ })
    await expect(documents).toContainText(sha256(quote.bytes))
    const [download] = await Promise.all([addressee.waitForEvent('download'), documents.getByRole('link', { name: quote.fileName }).click()])
    expect(sha256(new Uint8Array(await readFile((await download.path())!)))).toBe(sha256(quote.bytes))
    expect(await downloadsOf(app, filed.id)).toEqual([{ via: 'link', actor: GROUP_LEADER }])
  } finally {
    await app.sql(`UPDATE "WorkflowSettings" SET "linkRequiresSignIn" = false WHERE id = 1`)
  }
})
