import type { i18n as I18n, InitOptions } from 'i18next'
import { formatDate, formatDateTime } from '~/calendar/format-date'
import { formatChf, formatMoney } from '~/money/amount'
import { formatRate } from '~/money/format-rate'
import { isCurrency } from '~/money/currency'
import { isLanguage, LANGUAGES, type Language } from './languages'
import { DEFAULT_NAMESPACE } from './namespaces'

/** What the server's and the browser's i18next share (client-safe). */
export const i18nextOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: 'en',
  defaultNS: DEFAULT_NAMESPACE,
  ns: [DEFAULT_NAMESPACE],
  // React escapes what it renders; escaping here too would show "&amp;" in a supplier's name.
  interpolation: { escapeValue: false },
  // Pages render on the server with every message in memory and hydrate after their namespaces
  // arrived (entry.client.tsx): nothing suspends.
  react: { useSuspense: false },
  returnNull: false,
} satisfies InitOptions

const languageOf = (lng: string | undefined): Language => (isLanguage(lng) ? lng : 'en')

/**
 * Formats a message may ask for by name, in its reader's language: "{{amount, chf}}" (minor units),
 * "{{amount, money(currency: EUR)}}", "{{on, date}}", "{{at, dateTime}}", "{{rate, rate}}" (an exchange rate). The same functions as the
 * pages, so a message and a table never write one amount two ways.
 */
export function addFormatters(instance: I18n) {
  const formatter = instance.services.formatter
  if (!formatter) return
  formatter.add('chf', (value, lng) => formatChf(Number(value), languageOf(lng)))
  formatter.add('money', (value, lng, options: { currency?: string }) =>
    isCurrency(options.currency) ? formatMoney(Number(value), options.currency, languageOf(lng)) : formatChf(Number(value), languageOf(lng)),
  )
  formatter.add('date', (value, lng) => formatDate(value, languageOf(lng)))
  formatter.add('dateTime', (value, lng) => formatDateTime(value, languageOf(lng)))
  formatter.add('rate', (value, lng) => formatRate(String(value), languageOf(lng)))
}
