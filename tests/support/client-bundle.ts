import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { ServerBuild } from '@remix-run/node'

export type BundleSize = { files: string[]; rawBytes: number; gzipBytes: number; brotliBytes: number }

type Manifest = ServerBuild['assets']

/** The browser manifest of the last build (build/ exists after `npm run build`). */
export async function builtAssetsManifest(): Promise<Manifest> {
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  return build.assets
}

/** A public path (/build/...) as a file of build/public. */
function fileOfPublicPath(publicPath: string): string {
  return path.resolve('build/public', publicPath.replace(/^\//, ''))
}

/**
 * The JavaScript a first visit to a route downloads before it runs: the entry, the manifest, and
 * every module (and its imports) of the route's branch from root down, each file once. Sizes are
 * raw and compressed as the server sends them (gzip level 6, brotli quality 11 for the prebuilt files).
 */
export function javascriptOfRoute(manifest: Manifest, routeId: string): BundleSize {
  const files = javascriptFilesOfRoute(manifest, routeId)
  let rawBytes = 0
  let gzipBytes = 0
  let brotliBytes = 0
  for (const file of files) {
    const size = sizeOfFile(file)
    rawBytes += size.rawBytes
    gzipBytes += size.gzipBytes
    brotliBytes += size.brotliBytes
  }
  return { files, rawBytes, gzipBytes, brotliBytes }
}

/** The public paths (/build/...) of the JavaScript files a first visit to the route loads. */
export function javascriptFilesOfRoute(manifest: Manifest, routeId: string): string[] {
  const branch: string[] = []
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) branch.unshift(id)
  const files = new Set<string>([manifest.url, manifest.entry.module, ...manifest.entry.imports])
  for (const id of branch) {
    const route = manifest.routes[id]
    if (!route) throw new Error(`The build has no route ${id}`)
    files.add(route.module)
    for (const imported of route.imports ?? []) files.add(imported)
  }
  return [...files]
}

/** The text of a built file by its public path. */
export function builtFileText(publicPath: string): string {
  return readFileSync(fileOfPublicPath(publicPath), 'utf8')
}

// Shared chunks appear in many routes: compress each file once.
const sizes = new Map<string, Omit<BundleSize, 'files'>>()
function sizeOfFile(publicPath: string): Omit<BundleSize, 'files'> {
  const file = fileOfPublicPath(publicPath)
  let size = sizes.get(file)
  if (!size) {
    const body = readFileSync(file)
    size = {
      rawBytes: body.length,
      gzipBytes: gzipSync(body, { level: 6 }).length,
      brotliBytes: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }
    sizes.set(file, size)
  }
  return size
}
