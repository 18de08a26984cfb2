import type { Language } from '~/i18n/languages'

const UNITS: Record<Language, { byte: string; bytes: string; larger: readonly [string, string, string]; locale: string }> = {
  en: { byte: 'byte', bytes: 'bytes', larger: ['kB', 'MB', 'GB'], locale: 'en-GB' },
  // French writes octets: ko, Mo, Go, with the decimal comma.
  fr: { byte: 'octet', bytes: 'octets', larger: ['ko', 'Mo', 'Go'], locale: 'fr-CH' },
}

/**
 * A file size as people read it, in the decimal units the limits are set in (1 MB = 1,000,000 bytes):
 * "820 bytes", "14 kB", "3.4 MB"; in French "820 octets", "14 ko", "3,4 Mo". Client-safe: lists,
 * emails and the record use it.
 */
export function formatFileSize(bytes: number, language: Language = 'en'): string {
  const units = UNITS[language]
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? units.byte : units.bytes}`
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.larger.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = value < 10 ? 1 : 0
  return `${value.toLocaleString(units.locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${units.larger[unit]}`
}
