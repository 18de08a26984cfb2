import { describe, expect, it } from 'vitest'
import { languageFromAcceptLanguage } from './accept-language'

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['fr-CH', 'fr'],
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-CH, fr;q=0.7, en;q=0.9', 'en'],
    ['de-CH, en;q=0.5, fr;q=0.7', 'fr'],
    ['*', 'en'],
    ['FR', 'fr'],
    ['en;q=0, fr;q=0.1', 'fr'],
  ])('%s → %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language)
  })

  it.each([null, '', 'de-CH, it;q=0.9', 'en;q=0', ' ; q=1'])('%s → none', (header) => {
    expect(languageFromAcceptLanguage(header)).toBeNull()
  })
})
