import type { Language } from '../i18n/languages.ts'

/**
 * An exchange rate (CHF per unit, as stored: "0.9312") in the reader's language, every digit kept:
 * a rate is a fact procurement typed, so it is never rounded the way Intl's number format would
 * round it. It is written as amounts are (formatAmount): with the decimal point in French too, so
 * that "56’472.00 CHF au taux de 0.9412 CHF par EUR" reads one way, not two. The one home of the
 * rule, used by the pages, the emails, the PDF record and messages ("{{rate, rate}}").
 */
export function formatRate(rate: string, _language: Language): string {
  return rate
}
