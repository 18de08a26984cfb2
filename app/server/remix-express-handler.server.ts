// Our own Express adapter for Remix. @remix-run/express 2.17 writes a response body with res.write()
// without waiting for 'drain' and never cancels the body when the client goes away
// (writeReadableStreamToWritable in @remix-run/node): a client that reads nothing made the server pull
// a whole document from the store into memory. Here the body is piped with backpressure, and the
// pipeline cancels the web stream when the socket closes. The request is built as @remix-run/express does.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createReadableStreamFromReadable, createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { errorFields, log } from './logger.server'

/** The request headers as Fetch headers, every value of a repeated header kept. */
export function createRemixHeaders(requestHeaders: ExpressRequest['headers']): Headers {
  const headers = new Headers()
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue
    if (Array.isArray(values)) for (const value of values) headers.append(key, value)
    else headers.set(key, values)
  }
  return headers
}

/** The Fetch request Remix handles: full URL (port from X-Forwarded-Host or Host), aborted if the client leaves before the answer. */
export function createRemixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const [, forwardedPort] = req.get('X-Forwarded-Host')?.split(':') ?? []
  const [, hostPort] = req.get('host')?.split(':') ?? []
  const forwarded = Number.parseInt(forwardedPort ?? '', 10)
  const host = Number.parseInt(hostPort ?? '', 10)
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(host) ? host : ''
  // req.hostname respects the "trust proxy" setting; originalUrl is the full path.
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  let controller: AbortController | null = new AbortController()
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req)
    init.duplex = 'half'
  }
  // 'close' without 'finish': the response can no longer be written, so loaders and actions stop.
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  return new Request(url.href, init)
}

/** Sends a Fetch response: status, headers (each Set-Cookie its own), and the body with backpressure. */
export async function sendRemixResponse(req: ExpressRequest, res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) if (key.toLowerCase() !== 'set-cookie') res.append(key, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.append('Set-Cookie', cookies)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (!response.body || req.method === 'HEAD') {
    // A HEAD answer has no body: never read one Node would only throw away.
    await response.body?.cancel()
    res.end()
    return
  }
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
  } catch (error) {
    // A client that went away is no failure of ours; anything else broke the body mid-way.
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') log.error('response body failed', errorFields(error))
  }
}

export function createRemixExpressHandler({ build, mode, getLoadContext }: { build: ServerBuild; mode?: string; getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext> }) {
  const handleRequest = createRequestHandler(build, mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = createRemixRequest(req, res)
      const response = await handleRequest(request, await getLoadContext?.(req, res))
      await sendRemixResponse(req, res, response)
    } catch (error) {
      next(error)
    }
  }
}
