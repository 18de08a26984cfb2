import type { Language } from './languages'

const displayNames = new Map<Language, Intl.DisplayNames>()

/**
 * A country's name in the reader's language. English keeps the name the organisation stores (its
 * own spelling, e.g. in the contribution scales); another language takes the region's name from
 * Intl ("DE" → "Allemagne"), the same on the server and in the browser, and falls back to the
 * stored name for a code Intl does not know. Client-safe.
 */
export function countryName(code: string, storedName: string, language: Language): string {
  if (language === 'en') return storedName
  let names = displayNames.get(language)
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' })
    displayNames.set(language, names)
  }
  try {
    return names.of(code.toUpperCase()) ?? storedName
  } catch {
    return storedName
  }
}
