import type { Language } from '../i18n/languages.ts'

/**
 * An exchange rate (CHF per unit, as stored: "0.9312") in the reader's language, every digit kept:
 * a rate is a fact procurement typed, so it is never rounded the way Intl's number format would
 * round it. French (fr-CH) writes its decimal comma: "0,9312". The one home of the rule, used by the
 * pages, the emails and the PDF record.
 */
export function formatRate(rate: string, language: Language): string {
  return language === 'fr' ? rate.replace('.', ',') : rate
}
