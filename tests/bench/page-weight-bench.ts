// "JavaScript per form page": the JavaScript a browser loads for each form page (the modulepreload
// links, script src and module imports in the served HTML), asked for as a browser asks
// (Accept-Encoding: br, gzip), counted as raw bytes and as bytes on the wire; and whether the HTML and
// the assets come back compressed. The build is the same on both databases: measured once, on PGlite.
import http from 'node:http'
import zlib from 'node:zlib'
import type { BenchContext, BenchFigure, BenchPart } from './bench-figure'
import { sessionCookie, startBenchApp } from './support/bench-app'
import { openSignOffLinks, seedBenchDatabase, useAppSettings } from './support/sign-off-links'
import { demoPeople, fileDraft } from '../support/workflow'
import { createDatabaseClient } from '~/db/client.server'

const BUDGET_KB = 150

type Fetched = { status: number; wireBytes: number; rawBytes: number; encoding: string | null; body: string }

/** A GET as a browser sends it, without the transparent decompression of fetch: the bytes as they travel. */
function get(url: string, cookie: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': 'br, gzip', accept: '*/*', cookie } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const wire = Buffer.concat(chunks)
        const encoding = (response.headers['content-encoding'] as string | undefined) ?? null
        const raw = encoding === 'br' ? zlib.brotliDecompressSync(wire) : encoding === 'gzip' ? zlib.gunzipSync(wire) : encoding === 'deflate' ? zlib.inflateSync(wire) : wire
        resolve({ status: response.statusCode ?? 0, wireBytes: wire.length, rawBytes: raw.length, encoding, body: raw.toString('utf8') })
      })
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

/** Every script the page makes the browser load: modulepreloads, script src, and static imports in inline modules. */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
    const href = match[0].match(/href="([^"]+)"/)?.[1]
    if (href) found.add(href)
  }
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) found.add(match[1]!)
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const imported of match[1]!.matchAll(/import\s*(?:[^'"]*?from\s*)?["']([^"']+\.js)["']/g)) found.add(imported[1]!)
  }
  return [...found]
}

async function weighPage(appUrl: string, pathname: string, cookie: string) {
  const page = await get(`${appUrl}${pathname}`, cookie)
  if (page.status !== 200) throw new Error(`${pathname} answered ${page.status}`)
  const scripts = await Promise.all(scriptsOf(page.body).map((src) => get(new URL(src, appUrl).toString(), '')))
  return {
    html: page,
    files: scripts.length,
    wireKb: scripts.reduce((sum, script) => sum + script.wireBytes, 0) / 1000,
    rawKb: scripts.reduce((sum, script) => sum + script.rawBytes, 0) / 1000,
    compressedFiles: scripts.filter((script) => script.encoding).length,
  }
}

async function run(context: BenchContext): Promise<BenchFigure[]> {
  if (context.database !== 'pglite') {
    context.progress('the same build as on PGlite: the page weights are measured there once')
    return []
  }
  const database = await context.createEmptyDatabase()
  try {
    useAppSettings('http://localhost:3000')
    await seedBenchDatabase(database.url, { contracts: false })
    const [token] = await openSignOffLinks(database.url, 1, context.progress)
    const db = createDatabaseClient(database.url, { maxConnections: 1 })
    const requesterId = (await demoPeople(db))['rita.romano']!
    const draft = await fileDraft(db, { requesterId, now: new Date() })
    await db.$disconnect()
    const cookie = await sessionCookie(database.url, { id: requesterId })
    const app = await startBenchApp(database.url)
    try {
      const pages = [
        { path: '/justifications/new', label: '/justifications/new' },
        { path: `/justifications/${draft.id}/edit`, label: '/justifications/:id/edit' },
        { path: `/sign-off/${token}`, label: '/sign-off/:token' },
      ]
      const figures: BenchFigure[] = []
      for (const page of pages) {
        const weight = await weighPage(app.url, page.path, cookie)
        const htmlCompressed = weight.html.encoding !== null
        const assetsCompressed = weight.compressedFiles === weight.files
        context.progress(`${page.label}: ${weight.wireKb.toFixed(0)} KB on the wire, ${weight.rawKb.toFixed(0)} KB raw, ${weight.files} files`)
        figures.push({
          path: `JavaScript per form page: ${page.label}`,
          measured: `${weight.wireKb.toFixed(0)} KB on the wire (${weight.rawKb.toFixed(0)} KB raw, ${weight.files} files)`,
          baseline: null,
          ratio: null,
          goal: `<= ${BUDGET_KB} KB compressed; HTML and assets compressed`,
          met: weight.wireKb <= BUDGET_KB && htmlCompressed && assetsCompressed,
          note: `HTML Content-Encoding: ${weight.html.encoding ?? 'none'} (${(weight.html.wireBytes / 1000).toFixed(0)} KB on the wire); scripts compressed: ${weight.compressedFiles} of ${weight.files}.`,
        })
      }
      return figures
    } finally {
      await app.stop()
    }
  } finally {
    await database.drop()
  }
}

export const pageWeightBench: BenchPart = { name: 'page-weight', run }
