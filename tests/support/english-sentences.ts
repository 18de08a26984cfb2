import { readFileSync } from 'node:fs'
import { NAMESPACES } from '~/i18n/namespaces'

// Read from the files rather than imported: Playwright's loader does not take JSON modules.
const catalogue = (language: 'en' | 'fr', namespace: string): object =>
  JSON.parse(readFileSync(new URL(`../../app/locales/${language}/${namespace}.json`, import.meta.url), 'utf8')) as object

/**
 * The English catalogue's own words, as fragments a French page must not show: each message cut at
 * its placeholders ({{name}}) and at markup (<1>…</1>), keeping the pieces of two words or more that
 * French does not use as they are (a supplier name, "CSV", "SoleSource" are the same in both).
 * Read from the catalogues themselves, so the check follows every message added.
 */
export function englishFragments(): string[] {
  const texts = (language: 'en' | 'fr') =>
    NAMESPACES.flatMap((namespace) => collect(catalogue(language, namespace)))
  const french = texts('fr').join('\n')
  const fragments = new Set<string>()
  for (const text of texts('en')) {
    for (const piece of text.split(/\{\{[^}]*\}\}|<\/?\d+>|\$t\([^)]*\)/)) {
      const fragment = piece.replace(/\s+/g, ' ').trim().replace(/^[\s,.;:()–—-]+|[\s,.;:()–—-]+$/g, '')
      if (fragment.split(' ').length >= 2 && fragment.length >= 8 && !french.includes(fragment)) fragments.add(fragment)
    }
  }
  return [...fragments]
}

function collect(messages: object): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? collect(value) : []))
}
