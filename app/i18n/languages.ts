/**
 * The organisation's two working languages. Client-safe: the language switch, the formats and the
 * browser's i18next all read this one list.
 */
export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language's name in itself: what the switch offers (a French reader looks for "Français"). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The locale behind each language's formats (Intl). Swiss variants: the organisation is in Geneva.
 * Amounts keep the Swiss apostrophe grouping in both (app/money/amount.ts says why it is not Intl's).
 */
export const FORMAT_LOCALES: Record<Language, string> = { en: 'en-CH', fr: 'fr-CH' }
