import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { submitJustification } from '~/justifications/submit-justification.server'
import { seedDemoData } from '../../prisma/seed'
import { startApp, type RunningApp } from '../support/app'
import { attachTestFile } from '../support/attachments'
import { builtAssetsManifest, builtFileText } from '../support/client-bundle'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database'
import { demoPeople, fileDraft, latestSignOffToken, origin } from '../support/workflow'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** One GET as a browser sends it, with the Accept-Encoding given: the body as it came over the wire. */
function get(url: string, acceptEncoding: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    sent.on('error', reject)
    sent.end()
  })
}

// Issue 12: the server sent no Content-Encoding at all. Built app, real requests (run `npm run build` first).
describe(`compressed responses (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let app: RunningApp
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    app = await startApp({ DATABASE_URL: database.url, SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-characters', SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '2' })
  })
  afterAll(async () => {
    await app?.stop()
    await database?.drop()
  })

  test.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('a page asked for with Accept-Encoding: %s comes so encoded, and decodes to the page', async (encoding, decode) => {
    const answer = await get(`${app.url}/sign-in`, encoding)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe(encoding)
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i)
    const page = decode(answer.body).toString('utf8')
    expect(page).toMatch(/^<!DOCTYPE html>/i)
    expect(page).toContain('</html>')
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(page) / 2)
  })

  test('without Accept-Encoding the page comes as it is', async () => {
    const answer = await get(`${app.url}/sign-in`, 'identity')
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.toString('utf8')).toContain('</html>')
  })

  test.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('the built JavaScript comes %s-encoded and decodes to the file', async (encoding, decode) => {
    const manifest = await builtAssetsManifest()
    // The largest shared chunk (React and Remix): some chunks are a few hundred bytes, too small to be worth compressing.
    const [largest] = [...manifest.entry.imports].sort((a, b) => builtFileText(b).length - builtFileText(a).length)
    expect(builtFileText(largest!).length).toBeGreaterThan(10_000)
    const answer = await get(`${app.url}${largest}`, encoding)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe(encoding)
    expect(answer.headers['content-type']).toMatch(/javascript/)
    expect(decode(answer.body).toString('utf8')).toBe(builtFileText(largest!))
  })

  test('a supporting document downloads as its stored bytes, with its length, even when its type compresses', async () => {
    const ids = await demoPeople(database.db)
    const draft = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now: new Date() })
    // An e-mail (message/rfc822) is a type a compressing server would squeeze; a document never is.
    const email = Buffer.from(`From: sales@cryo.example\r\nSubject: Quote\r\nContent-Type: text/plain\r\n\r\n${'48 000 CHF for two cold heads. '.repeat(400)}\r\n`)
    const attachment = await attachTestFile(database.db, { justificationId: draft.id, addedById: ids['rita.romano']!, fileName: 'quote.eml', kind: 'QUOTE', bytes: email, mediaType: 'message/rfc822' })
    const submitted = await submitJustification(database.db, { id: draft.id, actor: { id: ids['rita.romano']!, origin }, now: new Date() })
    expect(submitted.ok).toBe(true)
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')

    const answer = await get(`${app.url}/sign-off/${token}/documents/${attachment.id}`, 'br, gzip')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('message/rfc822')
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.headers['content-length']).toBe(String(email.length))
    expect(answer.body.equals(email)).toBe(true)
  })
})
