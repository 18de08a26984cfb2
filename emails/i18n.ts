import type { TFunction } from 'i18next'
import { translatorFor } from '~/i18n/i18n.server'
import { isLanguage, type Language } from '~/i18n/languages'

/**
 * The words of an email, in the language it is written in: its recipient's, chosen when it was
 * queued and stored with its props (`language`). An email queued before emails had a language was
 * written in English, and previews and tests render the defaults in English.
 */
export function emailLanguage(language: unknown): Language {
  return isLanguage(language) ? language : 'en'
}

export function emailTranslator(language: unknown): TFunction<'emails'> {
  return translatorFor(emailLanguage(language), 'emails')
}
