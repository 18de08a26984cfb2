import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import type { Page } from '@playwright/test'
import { formatFileSize } from '~/attachments/file-size'
import { fileJustifications } from '../support/justifications'
import { htmlBytes, minimalPdf, pngBytes } from '../support/sample-files'
import { allowFailedResourceLoad, expect, REQUESTER, signIn, test, type AppUnderTest } from './fixtures'

// Issue 11 points 1 and 3: a requester attaches supporting documents while drafting, sees each with
// its size and SHA-256, removes one; refused files are named with what is wrong; once submitted,
// the documents are frozen. A 100 MB upload keeps the server process's memory flat (measured in
// /proc; app/attachments/receive-upload.server.test.ts measures the reader alone, in-process).

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function draft(app: AppUnderTest, supplierName: string) {
  const [filed] = await fileJustifications(app, [{ requester: REQUESTER, title: `Documents journey: ${supplierName}`, supplierName, amount: 4_800_000, submit: false }])
  return filed!
}

const storedDocuments = async (app: AppUnderTest, id: string) =>
  app.sql<{ fileName: string; kind: string; sha256: string; removed: boolean }>(
    `SELECT "fileName", kind::text, sha256, "removedAt" IS NOT NULL AS removed FROM "Attachment" WHERE "justificationId" = $1 ORDER BY "addedAt"`,
    [id],
  )

async function upload(page: Page, kind: string, files: { name: string; mimeType: string; bytes: Uint8Array }[]) {
  const form = page.getByRole('region', { name: 'Add documents' })
  await form.getByLabel('What are they?').selectOption({ label: kind })
  await form.getByLabel('Files').setInputFiles(files.map((file) => ({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.bytes) })))
  await form.getByRole('button', { name: 'Add documents' }).click()
}

const documentItem = (page: Page, fileName: string) => page.getByRole('region', { name: 'Documents', exact: true }).getByRole('listitem').filter({ hasText: fileName })

async function uploadTwoAndRemoveOne(page: Page, app: AppUnderTest, supplierName: string) {
  const { id } = await draft(app, supplierName)
  const pdf = await minimalPdf(`Quote from ${supplierName}`)
  const png = pngBytes()
  await page.goto(`/justifications/${id}`)
  await page.getByRole('link', { name: 'Add or remove documents' }).click()
  await expect(page).toHaveURL(`/justifications/${id}/documents`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supporting documents')
  await expect(page.getByRole('region', { name: 'Documents', exact: true })).toContainText('No supporting documents.')

  await upload(page, 'Supplier’s quote', [{ name: 'quote.pdf', mimeType: 'application/pdf', bytes: pdf }])
  await expect(page.getByRole('status')).toHaveText('Added quote.pdf.')
  await upload(page, 'Technical specification', [{ name: 'drawing.png', mimeType: 'image/png', bytes: png }])
  await expect(page.getByRole('status')).toHaveText('Added drawing.png.')

  await expect(documentItem(page, 'quote.pdf')).toContainText(`Supplier’s quote quote.pdf (${formatFileSize(pdf.byteLength)})`)
  await expect(documentItem(page, 'quote.pdf')).toContainText(`SHA-256 ${sha256(pdf)}`)
  await expect(documentItem(page, 'drawing.png')).toContainText(`Technical specification drawing.png (${formatFileSize(png.byteLength)})`)
  await expect(documentItem(page, 'drawing.png')).toContainText(`SHA-256 ${sha256(png)}`)
  await expect(documentItem(page, 'quote.pdf').getByRole('link', { name: 'quote.pdf' })).toHaveAttribute('href', new RegExp(`^/justifications/${id}/documents/[0-9a-f-]{36}$`))

  await documentItem(page, 'drawing.png').getByRole('button', { name: 'Remove drawing.png' }).click()
  await expect(page.getByRole('status')).toHaveText('Removed drawing.png.')
  await expect(page.getByRole('region', { name: 'Documents', exact: true }).getByRole('listitem')).toHaveCount(1)
  expect(await storedDocuments(app, id)).toEqual([
    { fileName: 'quote.pdf', kind: 'QUOTE', sha256: sha256(pdf), removed: false },
    { fileName: 'drawing.png', kind: 'TECHNICAL_SPECIFICATION', sha256: sha256(png), removed: true },
  ])

  // The justification's own page lists what is attached now.
  await page.goto(`/justifications/${id}`)
  const section = page.getByRole('region', { name: 'Supporting documents' })
  await expect(section.getByRole('listitem')).toHaveCount(1)
  await expect(section).toContainText(`quote.pdf (${formatFileSize(pdf.byteLength)})`)
  await expect(section).toContainText(sha256(pdf))

  // Downloading it from there (a plain link: the same without JavaScript) gives exactly its bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'quote.pdf' }).click()])
  expect(download.suggestedFilename()).toBe('quote.pdf')
  expect(sha256(await readFile(await download.path()))).toBe(sha256(pdf))
}

test('with JavaScript: a requester uploads a PDF and a PNG with their kinds, sees size and SHA-256, removes one, downloads the other', async ({ page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  await uploadTwoAndRemoveOne(page, app, 'Documented Optics AG')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same upload, removal and download work with plain forms and links', async ({ page, smtp, app }) => {
    await signIn(page, smtp, REQUESTER)
    await uploadTwoAndRemoveOne(page, app, 'Plain Form Optics AG')
  })

  test('a web page renamed .pdf and an empty file are refused by name, under the file field, and nothing is stored', async ({ page, smtp, app }) => {
    // The refusal is the page itself, answered 400 (nothing was stored).
    allowFailedResourceLoad(400, /\/documents$/)
    await signIn(page, smtp, REQUESTER)
    const { id } = await draft(app, 'Refused Files GmbH')
    await page.goto(`/justifications/${id}/documents`)
    await upload(page, 'Supplier’s quote', [
      { name: 'quote.pdf', mimeType: 'application/pdf', bytes: htmlBytes() },
      { name: 'blank.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(0) },
    ])
    await expect(page.getByRole('alert')).toHaveText('These files cannot be added; nothing was stored.')
    const files = page.getByLabel('Files')
    await expect(files).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#documents-files-error')).toContainText('quote.pdf is a web page (HTML), which a browser would run: SoleSource does not accept this type.')
    await expect(page.locator('#documents-files-error')).toContainText('blank.pdf is empty (0 bytes)')
    expect(await storedDocuments(app, id)).toEqual([])
  })
})

test('after submitting, the documents page says they are frozen and shows no form', async ({ page, smtp, app }) => {
  await signIn(page, smtp, REQUESTER)
  const { id } = await draft(app, 'Frozen Papers SA')
  await page.goto(`/justifications/${id}/documents`)
  await upload(page, 'Market survey', [{ name: 'survey.pdf', mimeType: 'application/pdf', bytes: await minimalPdf('Market survey') }])
  await expect(page.getByRole('status')).toHaveText('Added survey.pdf.')

  await page.goto(`/justifications/${id}`)
  await page.getByRole('button', { name: 'Submit for signature' }).click()
  await page.getByRole('button', { name: 'Confirm and submit' }).click()
  await expect(page.getByRole('status')).toHaveText('Submitted: the first signatory has been asked to sign.')
  await expect(page.getByRole('link', { name: 'Add or remove documents' })).toHaveCount(0)

  await page.goto(`/justifications/${id}/documents`)
  await expect(page.getByText('Submitted documents are frozen: they can change only after changes are requested.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Add documents' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0)
  await expect(documentItem(page, 'survey.pdf')).toBeVisible()
})

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc/<pid>/status. */
async function memoryOf(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kB = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024
  return { rss: kB('VmRSS'), peak: kB('VmHWM') }
}

/**
 * Posts `count` PDF files of `sizeBytes` each as one multipart body, written piece by piece with
 * backpressure: neither this process nor (the point of the test) the server ever holds them whole.
 */
function postLargeUpload(url: URL, { cookie, rowVersion, count, sizeBytes, head }: { cookie: string; rowVersion: number; count: number; sizeBytes: number; head: Uint8Array }) {
  const boundary = `----solesource-large-${Date.now()}`
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  return new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` } }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode!, location: response.headers.location }))
    })
    request.on('error', reject)
    const write = (chunk: string | Uint8Array) => (request.write(chunk) ? Promise.resolve() : new Promise<void>((done) => request.once('drain', () => done())))
    void (async () => {
      await write(field('intent', 'add') + field('kind', 'MARKET_SURVEY') + field('rowVersion', String(rowVersion)))
      const filler = new Uint8Array(256 * 1024).fill(0x20)
      for (let index = 0; index < count; index += 1) {
        await write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="survey-${index + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`)
        // A real PDF's start, a byte that makes each file its own, then spaces up to the size.
        await write(head)
        await write(new Uint8Array([0x30 + index]))
        for (let written = head.byteLength + 1; written < sizeBytes; written += filler.byteLength) await write(filler.subarray(0, Math.min(filler.byteLength, sizeBytes - written)))
        await write('\r\n')
      }
      await write(`--${boundary}--\r\n`)
      request.end()
    })().catch(reject)
  })
}

test('a 100 MB upload (five files at the 20 MB limit, the 100 MB total) keeps the server’s memory flat', async ({ page, smtp, app }) => {
  test.setTimeout(300_000)
  await signIn(page, smtp, REQUESTER)
  const { id, rowVersion } = await draft(app, 'Heavy Survey Partners AG')
  const cookie = (await page.context().cookies(app.url)).map((c) => `${c.name}=${c.value}`).join('; ')
  const before = await memoryOf(app.pid)
  let highestRss = before.rss
  const sampler = setInterval(() => void memoryOf(app.pid).then((m) => (highestRss = Math.max(highestRss, m.rss)), () => undefined), 100)
  const response = await postLargeUpload(new URL(`/justifications/${id}/documents`, app.url), { cookie, rowVersion, count: 5, sizeBytes: 20_000_000, head: await minimalPdf('Market survey') }).finally(() => clearInterval(sampler))
  const after = await memoryOf(app.pid)

  expect(response).toEqual({ status: 302, location: `/justifications/${id}/documents` })
  const stored = await app.sql<{ count: string; total: string }>(`SELECT count(*) AS count, sum("sizeBytes") AS total FROM "Attachment" WHERE "justificationId" = $1 AND "removedAt" IS NULL`, [id])
  expect(stored).toEqual([{ count: '5', total: '100000000' }])
  const MiB = 1024 * 1024
  const figures = `RSS before ${(before.rss / MiB).toFixed(0)} MiB, highest while streaming ${(highestRss / MiB).toFixed(0)} MiB; peak (VmHWM) ${(before.peak / MiB).toFixed(0)} → ${(after.peak / MiB).toFixed(0)} MiB`
  test.info().annotations.push({ type: 'memory', description: figures })
  console.log(`100 MB upload: ${figures}`)
  // A server that held the upload would grow by its 100 MB and more. One that streams still makes
  // garbage (each 1 MiB piece is copied into a protocol message), which V8 collects in steps of about
  // 64 MB of outside-the-heap memory: measured here 51-60 MB, whatever the upload's size.
  const BOUND_MIB = 80
  expect((after.peak - before.peak) / MiB, `peak resident memory grew from ${before.peak / MiB} MiB to ${after.peak / MiB} MiB`).toBeLessThan(BOUND_MIB)
  expect((highestRss - before.rss) / MiB, 'resident memory while the upload streamed').toBeLessThan(BOUND_MIB)
})
