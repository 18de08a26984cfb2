import { LANGUAGES, type Language } from './languages'

/**
 * The supported language an `Accept-Language` header prefers most (RFC 9110 §12.5.4), or null.
 * "fr-CH, en;q=0.8" → fr; "de-CH, en;q=0.5" → en; "*" → the first supported; q=0 excludes.
 * Only the primary subtag matters: fr-CH, fr-FR and fr all read French.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null
  const ranges = header
    .split(',')
    .map((part, position) => {
      const [range = '', ...parameters] = part.trim().split(';')
      const q = parameters.map((p) => p.trim()).find((p) => /^q=/i.test(p))
      const quality = q === undefined ? 1 : Number(q.slice(2))
      return { tag: range.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, position }
    })
    .filter((range) => range.tag !== '' && range.quality > 0)
    // Highest quality first; equal qualities keep the order the header gave them.
    .sort((a, b) => b.quality - a.quality || a.position - b.position)
  for (const { tag } of ranges) {
    if (tag === '*') return LANGUAGES[0]
    const primary = tag.split('-')[0]
    const language = LANGUAGES.find((candidate) => candidate === primary)
    if (language) return language
  }
  return null
}
