// The HTTP side of the server process: request logs, compression, the built assets, the health
// check, the cross-site guard and the Remix app. One per worker of `npm start`.
import cluster from 'node:cluster'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { constants as zlib } from 'node:zlib'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { isCrossSiteRequest } from '~/auth/cross-site.server'
import { refuseMalformedUrl } from '~/http/malformed-url.server'
import { log } from './logger.server'
import { createRequestHandler } from './remix-request-handler.server'

const ASSETS_DIR = 'build/public/build'

export function createHttpApp({ build, mode }: { build: ServerBuild; mode: string }): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      log.info('request', {
        method: req.method,
        // Sign-in and sign-off links carry live secrets in their path: never write them to a log.
        path: req.path.replace(/^\/(sign-in\/link|sign-off)\/[^/]+/, '/$1/[token]'),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      })
    })
    next()
  })
  // gzip or brotli for whatever is worth it (HTML, JS, CSS, CSV, JSON: `compressible` types over
  // 1 KB), never for a body already compressed (PDF, ZIP, images), already encoded (the
  // precompressed assets below), nor for a supporting document (see worthCompressing). Every chunk
  // written is flushed (remix-request-handler.server.ts), so a streamed page is never held back.
  // Brotli quality 4 on the fly: as small as gzip and faster (ADR 030). A 256 KB window (LGWIN 18)
  // instead of the default 4 MB: each response allocated the whole window, which halved the rate of
  // a small page (GET /sign-in at c=8: 114-144/s with the default, 305-309/s with 18; gzip 303-326).
  // Our largest pages are far below 256 KB, so nothing is lost in size.
  app.use(compression({ filter: worthCompressing, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_LGWIN]: 18 } } }))
  app.use('/build', precompressedAssets(ASSETS_DIR))
  app.use('/build', express.static(ASSETS_DIR, { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/public', { maxAge: '1h' }))
  // Which worker answered: harmless (a small number, not a pid) and what tells the workers apart.
  app.get('/healthz', (_req, res) => void res.json({ ok: true, worker: cluster.worker?.id ?? 0 }))
  app.use(refuseMalformedUrl)
  app.use((req, res, next) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    if (isCrossSiteRequest({ method: req.method, headers })) {
      res.status(403).type('text/plain').send('This form was sent from another site and was refused.')
      return
    }
    // The client address for the audit trail, as Express resolved it behind trusted proxies.
    req.headers['x-solesource-client-ip'] = req.ip ?? ''
    next()
  })
  app.all('*', createRequestHandler({ build, mode }))
  return app
}

/**
 * Of the downloads, only our own CSV exports: a supporting document goes out as the bytes that were
 * uploaded, with their Content-Length (never as text: see servedMediaType), whatever its type.
 */
function worthCompressing(req: express.Request, res: express.Response): boolean {
  const disposition = String(res.getHeader('Content-Disposition') ?? '')
  const type = String(res.getHeader('Content-Type') ?? '')
  if (disposition.startsWith('attachment') && !type.startsWith('text/csv')) return false
  return compression.filter(req, res)
}

/**
 * The assets `npm run build` compressed ahead (`name.js.br`, `name.js.gz`, brotli at its best
 * quality, which is too slow to do per request): served in place of the file to a browser that
 * accepts the encoding. Files without them (a bare `remix build`) are compressed on the fly.
 */
function precompressedAssets(dir: string): express.RequestHandler {
  const present = new Set(listFiles(dir))
  const encodings = [
    { name: 'br', suffix: '.br' },
    { name: 'gzip', suffix: '.gz' },
  ] as const
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    let file: string
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, '')
    } catch {
      return next() // A malformed path: express.static answers it as it always did.
    }
    const accepted = req.acceptsEncodings(...encodings.map((encoding) => encoding.name), 'identity')
    const encoding = encodings.find((candidate) => candidate.name === accepted && present.has(file + candidate.suffix))
    res.vary('Accept-Encoding')
    if (!encoding) return next()
    res.setHeader('Content-Encoding', encoding.name)
    res.type(path.extname(file))
    req.url = `/${file}${encoding.suffix}`
    next()
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  } catch {
    return []
  }
}
