import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { builtAssetsManifest, builtFileText, javascriptFilesOfRoute, javascriptOfRoute } from '../support/client-bundle'

// Issue 12: a form page loaded 780 KB of JavaScript, most of it zod's forty locales that esbuild
// kept because `import { z } from 'zod'` hands it one object holding every export. The budget is
// what a browser downloads gzip-compressed (the encoding every browser accepts; brotli is smaller).
// Modules that reach the browser import `zod/mini` (functions instead of methods, so esbuild drops
// what is unused): classic `zod` there cost about 17 KB more on every form page.
const budgetBytes = 150 * 1024
const formRoutes = ['routes/justifications.new', 'routes/justifications.$id.edit', 'routes/sign-off.$token', 'routes/admin.policy', 'routes/profile']

describe('the JavaScript budget of the built app (reads build/, made by `npm run build`)', () => {
  let manifest: Awaited<ReturnType<typeof builtAssetsManifest>>
  beforeAll(async () => {
    if (!existsSync(path.resolve('build/index.js'))) throw new Error('build/ is missing: run `npm run build` before this suite')
    manifest = await builtAssetsManifest()
  })

  it.each(formRoutes)('%s loads at most 150 KB of compressed JavaScript (entry, root and its own modules)', (routeId) => {
    const size = javascriptOfRoute(manifest, routeId)
    expect(size.files).toContain(manifest.routes[routeId]!.module)
    expect(size.gzipBytes, `${(size.rawBytes / 1024).toFixed(0)} KB raw in ${size.files.join(', ')}`).toBeLessThanOrEqual(budgetBytes)
  })

  it('no page of the app goes over the budget', () => {
    const over = Object.keys(manifest.routes)
      .map((routeId) => ({ routeId, kilobytes: Math.round(javascriptOfRoute(manifest, routeId).gzipBytes / 1024) }))
      .filter(({ kilobytes }) => kilobytes * 1024 > budgetBytes)
    expect(over).toEqual([])
  })

  it('the client bundle carries no zod locale but English', () => {
    // A module importing `{ z } from 'zod'` brings them all back (see the comment above).
    const localeMarker = 'Ongeldige invoer' // Dutch; ASCII, as esbuild escapes other characters
    const bundles = Object.keys(manifest.routes).flatMap((routeId) => javascriptFilesOfRoute(manifest, routeId))
    const withLocales = [...new Set(bundles)].filter((file) => builtFileText(file).includes(localeMarker))
    expect(withLocales).toEqual([])
  })

  it('no page uses react-i18next\'s <Trans>, whose HTML parser would come with it into every page (app/ui/rich-text.tsx does that job)', () => {
    const modules = readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx'))
    const withTrans = modules.filter((file) => /import\s*\{[^}]*\bTrans\b[^}]*\}\s*from\s*'react-i18next'/.test(readFileSync(path.join('app', file), 'utf8')))
    expect(modules.length).toBeGreaterThan(50)
    expect(withTrans).toEqual([])
  })
})
