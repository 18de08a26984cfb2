// Remix behind Express, as @remix-run/express does it (the same Request, the same abort when the
// client goes), except for how the answer is written: @remix-run/express writes each chunk of a
// response body without waiting for the socket to take it, so a phone downloading a 20 MB quote
// over a slow line made the server read the whole file from the store into memory at once. Here a
// chunk is read only when the client has taken the last one.
import { once } from 'node:events'
import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler, type ServerBuild } from '@remix-run/node'
import type express from 'express'
import { answerThenRunDeferredWork } from './after-response.server'

export function createRequestHandler({ build, mode }: { build: ServerBuild; mode: string }): express.RequestHandler {
  const handleRequest = createRemixHandler(build, mode)
  return async (req, res, next) => {
    try {
      await answerThenRunDeferredWork(res, async () => sendResponse(res, await handleRequest(remixRequest(req, res))))
    } catch (error) {
      next(error)
    }
  }
}

/**
 * The Fetch API Request for an Express request, as @remix-run/express builds it (which does not
 * export it): the full URL with the port the client used, behind trusted proxies as Express resolves
 * them; the body streamed; aborted if the client goes before the answer is written.
 */
function remixRequest(req: express.Request, res: express.Response): Request {
  const port = [req.get('X-Forwarded-Host'), req.get('host')].map((host) => Number.parseInt(host?.split(':')[1] ?? '', 10)).find(Number.isSafeInteger)
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  const headers = new Headers()
  for (const [name, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(name, value)
    else if (values) headers.set(name, values)
  }
  const controller = new AbortController()
  let answered = false
  res.on('finish', () => (answered = true))
  res.on('close', () => answered || controller.abort())
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
  } as RequestInit)
}

/** Express's response, with `flush` when the compression middleware is in front. */
type ResponseSink = express.Response & { flush?: () => void }

/**
 * Writes a Remix response: status, headers, then the body chunk by chunk, each only once the client
 * has taken the one before (the socket's `drain`), flushed as it goes so that a streamed page is
 * never held back by the compressor. A client that goes away cancels the body, which stops reading
 * it (a document's store, a page still rendering).
 */
export async function sendResponse(res: ResponseSink, response: Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const closed = once(res, 'close').then(() => 'closed' as const)
  try {
    while (true) {
      const { done, value } = await reader.read()
      if (done) break
      const accepted = res.write(value)
      res.flush?.()
      if (!accepted && (await Promise.race([once(res, 'drain').then(() => 'drained' as const), closed])) === 'closed') {
        await reader.cancel()
        return
      }
    }
    res.end()
  } catch (error) {
    await reader.cancel(error).catch(() => undefined)
    throw error
  }
}
