// `npm run build` runs this after `remix build`: each built asset that is worth it gets a brotli
// (quality 11) and a gzip (level 9) sibling, served by app/server/http-app.server.ts in its place.
// Brotli 11 is ~15% smaller than what can be afforded per request, and the assets never change
// after the build (their names carry their hash), so it is paid once here (ADR 030).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ASSETS_DIR = 'build/public/build'
const WORTH_COMPRESSING = /\.(js|css|map|json|svg|txt)$/
const SMALLEST = 1024

let files = 0
let before = 0
let after = 0
for (const entry of readdirSync(ASSETS_DIR, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !WORTH_COMPRESSING.test(entry.name)) continue
  const file = path.join(entry.parentPath, entry.name)
  const body = readFileSync(file)
  if (body.length < SMALLEST) continue
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
  writeFileSync(`${file}.br`, brotli)
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }))
  files += 1
  before += body.length
  after += brotli.length
}
process.stdout.write(`precompressed ${files} assets: ${Math.round(before / 1024)} KB -> ${Math.round(after / 1024)} KB brotli\n`)
