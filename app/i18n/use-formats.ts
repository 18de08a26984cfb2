import { useTranslation } from 'react-i18next'
import { formatFileSize } from '~/attachments/file-size'
import { formatDate, formatDateTime, formatPeriod } from '~/calendar/format-date'
import { formatAmount, formatChf, formatMoney, type Currency } from '~/money/amount'
import { isLanguage, type Language } from './languages'

/** The page's language ('en' until i18next says otherwise). */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'en'
}

/** Dates and amounts in the page's language: the same functions as the server's, bound to it. */
export function useFormats() {
  const language = useLanguage()
  return {
    language,
    date: (value: Date | string) => formatDate(value, language),
    dateTime: (value: Date | string) => formatDateTime(value, language),
    period: (startsOn: Date | string, endsOn: Date | string | null) => formatPeriod(startsOn, endsOn, language),
    money: (minor: number, currency: Currency) => formatMoney(minor, currency, language),
    chf: (minor: number) => formatChf(minor, language),
    amount: formatAmount,
    fileSize: (bytes: number) => formatFileSize(bytes, language),
  }
}
