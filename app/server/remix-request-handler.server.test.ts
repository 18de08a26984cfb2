import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sendResponse } from './remix-request-handler.server'

const CHUNK = new Uint8Array(64 * 1024).fill(42)
const CHUNKS = 1000 // 64 MB: far more than a loopback socket's buffers hold

/** A body that counts how many chunks were asked of it, as a document's store would be read. */
function countedBody() {
  const body = { pulled: 0, cancelled: false, stream: undefined as unknown as ReadableStream<Uint8Array> }
  body.stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (body.pulled === CHUNKS) return controller.close()
      body.pulled += 1
      controller.enqueue(CHUNK)
    },
    cancel() {
      body.cancelled = true
    },
  })
  return body
}

/** Resolves once `read()` gives the same value twice, `intervalMs` apart. */
async function settled(read: () => number, intervalMs = 150) {
  let last = -1
  for (;;) {
    const now = read()
    if (now === last) return now
    last = now
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

// Real sockets: an Express server answering with sendResponse, a client that stops reading.
describe('writing a response body to a slow client', () => {
  let server: http.Server
  let url: string
  let body: ReturnType<typeof countedBody>
  beforeAll(async () => {
    const app = express()
    app.get('/download', (_req, res, next) => {
      body = countedBody()
      sendResponse(res, new Response(body.stream, { headers: { 'Content-Type': 'application/octet-stream' } })).catch(next)
    })
    server = app.listen(0)
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/download`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('reads the body only as fast as the client takes it, then sends all of it', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve) => http.get(url, resolve))
    response.pause()
    await expect.poll(() => body?.pulled ?? 0).toBeGreaterThan(0)
    const pulledWhileStalled = await settled(() => body.pulled)
    // What the socket buffers hold, not the file: Remix's own writer read all 1 000 chunks here.
    expect(pulledWhileStalled).toBeLessThan(CHUNKS / 4)

    let received = 0
    response.on('data', (chunk: Buffer) => (received += chunk.byteLength))
    response.resume()
    await once(response, 'end')
    expect(received).toBe(CHUNKS * CHUNK.byteLength)
    expect(body.pulled).toBe(CHUNKS)
  })

  test('a client that goes away stops the reading of the body', async () => {
    const request = http.get(url)
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve))
    response.pause()
    await expect.poll(() => body?.pulled ?? 0).toBeGreaterThan(0)
    await settled(() => body.pulled)
    request.destroy()
    await expect.poll(() => body.cancelled).toBe(true)
    expect(body.pulled).toBeLessThan(CHUNKS / 4)
  })
})
