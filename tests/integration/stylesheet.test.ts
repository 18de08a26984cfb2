import { readFileSync } from 'node:fs'
import { transform } from 'esbuild'
import { expect, test } from 'vitest'

// The Remix compiler only warns about a broken stylesheet and builds anyway: an unclosed block
// silently moves every later rule inside an @media query (it happened when branches merged at the
// end of the file). esbuild, the compiler's own CSS parser, reads it here and the test fails on any
// warning it has.
test('the stylesheet parses without a warning (every block is closed)', async () => {
  const css = readFileSync(new URL('../../app/styles.css', import.meta.url), 'utf8')
  const { warnings } = await transform(css, { loader: 'css' })
  expect(warnings.map((warning) => `${warning.location?.line}:${warning.location?.column} ${warning.text}`)).toEqual([])
})

test('the check catches an unclosed block', async () => {
  const { warnings } = await transform('@media print { a { color: red; }\n.b { color: blue; }', { loader: 'css' })
  expect(warnings.length).toBeGreaterThan(0)
})
