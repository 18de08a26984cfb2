import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { freePort } from './smtp'

export type ReceivedWebhook = {
  id: string
  type: string
  timestamp: string
  body: string
  data: Record<string, unknown>
}

/**
 * What a receiving system does when a request comes: answer 200, answer another status, or hold the
 * request open until `release()` (a slow endpoint).
 */
export type ReceiverMode = { kind: 'ok' } | { kind: 'status'; status: number } | { kind: 'hang' }

export type WebhookReceiver = {
  url: string
  /** Every request that came and verified, in order (a repeat shows twice). */
  received: ReceivedWebhook[]
  /** Requests whose signature did not verify with the secret (a test expects none). */
  unverified: string[]
  /** Requests held open right now (mode 'hang'). */
  readonly held: number
  /** Once an endpoint exists: the secret the admin copied into the receiving system. */
  useSecret: (secret: string) => void
  setMode: (mode: ReceiverMode) => void
  /** Answers 200 to every held request. */
  release: () => void
  /** Down: no longer listening, open connections cut. */
  stop: () => Promise<void>
  /** Back on the same port. */
  start: () => Promise<void>
  /** Received ids, each once (what a receiver de-duplicating by webhook-id keeps). */
  ids: () => string[]
}

/**
 * A receiving system started by a test: it verifies every delivery with standardwebhooks'
 * Webhook.verify, as the specification asks a receiver to, and records what verified.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const port = await freePort()
  let webhook: Webhook | null = null
  let mode: ReceiverMode = { kind: 'ok' }
  const received: ReceivedWebhook[] = []
  const unverified: string[] = []
  const heldResponses = new Map<ServerResponse, ReceivedWebhook>()
  const sockets = new Set<Socket>()
  let server: Server | null = null

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const headers = {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }
      let record: ReceivedWebhook
      try {
        if (!webhook) throw new Error('no secret yet')
        const verified = webhook.verify(body, headers) as {
          type: string
          timestamp: string
          data: Record<string, unknown>
        }
        record = {
          id: headers['webhook-id'],
          type: verified.type,
          timestamp: verified.timestamp,
          body,
          data: verified.data,
        }
      } catch (error) {
        unverified.push(`${headers['webhook-id']}: ${(error as Error).message}`)
        response.writeHead(400).end()
        return
      }
      if (mode.kind === 'hang') {
        heldResponses.set(response, record)
        response.on('close', () => heldResponses.delete(response))
        return
      }
      if (mode.kind === 'status') {
        response.writeHead(mode.status).end()
        return
      }
      received.push(record)
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  }

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handle)
      server.on('connection', (socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
  await start()

  return {
    url: `http://127.0.0.1:${port}/erp/webhooks`,
    received,
    unverified,
    get held() {
      return heldResponses.size
    },
    useSecret: (secret) => {
      webhook = new Webhook(secret)
    },
    setMode: (next) => {
      mode = next
    },
    release: () => {
      for (const [response, record] of heldResponses) {
        // Counted as received when answered: what the receiver acknowledges.
        received.push(record)
        response.writeHead(200).end()
      }
      heldResponses.clear()
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve()
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
        server = null
      }),
    start,
    ids: () => [...new Set(received.map((r) => r.id))],
  }
}
