/**
 * Exact amounts typed by people, as integer minor units (centimes, cents, pence).
 *
 * Unit decision: minor amounts are JavaScript `number`s that are always safe integers. The cap
 * below (10 000 000 000.00 = 1e12 minor units) is far under Number.MAX_SAFE_INTEGER (~9e15), so
 * every accepted amount is exact, survives JSON (snapshots, audit payloads, jsonb) untouched, and
 * compares with `<`/`>`. Only multiplication by a rate can leave the safe range; conversion.ts does
 * that product in bigint.
 */
export { currencies, isCurrency, type Currency } from './currency.ts'
import type { Currency } from './currency.ts'
import { FORMAT_LOCALES, type Language } from '../i18n/languages.ts'
import { message } from '../i18n/message.ts'

/** Largest amount accepted: 10 000 000 000.00, in minor units. Anything above is a typo. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000

export type AmountProblem =
  | 'EMPTY'
  | 'NEGATIVE'
  | 'ZERO'
  | 'EXPONENT'
  | 'LETTERS'
  | 'UNEXPECTED_CHARACTER'
  | 'TOO_MANY_DECIMALS'
  | 'MISPLACED_SEPARATOR'
  | 'AMBIGUOUS_COMMA'
  | 'LEADING_ZERO'
  | 'TOO_LARGE'

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; problem: AmountProblem; message: string }

// Group separators people use in Switzerland: apostrophe (typed ' or typographic ’) and spaces,
// including the no-break spaces that copy-pasting from formatted documents brings along.
const APOSTROPHES = "'\u2019"
const SPACES = ' \u00a0\u202f\u2009'
const GROUP_SEPARATORS = `${APOSTROPHES}${SPACES},`
const ALLOWED = new RegExp(`^[0-9.${GROUP_SEPARATORS}]+$`)
const EXPONENT = new RegExp(`^[0-9.${GROUP_SEPARATORS}]*[0-9][eE][+-]?[0-9]+$`)
const MAX_INTEGER_DIGITS = String(MAX_AMOUNT_MINOR / 100).length

// What is wrong travels as a message (forms:amount.*), said in the reader's language where it is shown.
function refuse(problem: AmountProblem, key: string = problem, values?: Record<string, string>): ParseAmountResult {
  return { ok: false, problem, message: message(`forms:amount.${key}`, values) }
}

/** Parses a positive amount with at most two decimals into minor units, or says what is wrong. */
export function parseAmount(input: string): ParseAmountResult {
  const text = input.trim()
  if (text === '') return refuse('EMPTY')
  if (/^[-\u2212\u2013]/.test(text)) {
    return refuse('NEGATIVE')
  }
  if (EXPONENT.test(text)) {
    return refuse('EXPONENT')
  }
  if (/\p{L}/u.test(text)) {
    return refuse('LETTERS')
  }
  if (!ALLOWED.test(text)) {
    const bad = [...text].find((c) => !ALLOWED.test(c)) ?? ''
    return refuse('UNEXPECTED_CHARACTER', 'UNEXPECTED_CHARACTER', { character: bad })
  }

  const [integerText = '', decimals, ...extra] = withDecimalPoint(text).split('.')
  if (extra.length > 0) {
    return refuse('MISPLACED_SEPARATOR', 'pointOnce')
  }
  if (decimals !== undefined) {
    if (decimals === '') return refuse('MISPLACED_SEPARATOR', 'noCentimes')
    if (!/^[0-9]+$/.test(decimals)) return refuse('MISPLACED_SEPARATOR', 'afterPoint')
    if (decimals.length > 2) {
      return refuse('TOO_MANY_DECIMALS')
    }
  }
  if (integerText === '') return refuse('MISPLACED_SEPARATOR', 'digitBeforePoint')
  // "1,500" reads as 1.5 to a French-speaking colleague and 1500 to an English-speaking one; it is
  // accepted only when a decimal point elsewhere settles which role the comma plays.
  if (integerText.includes(',') && decimals === undefined) {
    return refuse('AMBIGUOUS_COMMA')
  }

  const integerDigits = ungroup(integerText)
  if (integerDigits === null) {
    return refuse('MISPLACED_SEPARATOR', 'groups')
  }
  if (integerDigits.length > 1 && integerDigits.startsWith('0')) {
    return refuse('LEADING_ZERO')
  }
  if (integerDigits.length > MAX_INTEGER_DIGITS) return tooLarge()

  const minor = Number(integerDigits) * 100 + Number((decimals ?? '').padEnd(2, '0'))
  if (minor === 0) return refuse('ZERO')
  if (minor > MAX_AMOUNT_MINOR) return tooLarge()
  return { ok: true, minor }
}

/**
 * A decimal comma, as French writes amounts ("10 000,50"), read as the point: a comma followed by one
 * or two digits at the end, with no point and no other comma in the amount, can only be the decimal
 * separator (three digits after it could be thousands: "1,500" stays ambiguous). So "10 000,50",
 * "10'000.50" and "10000.50" are the same amount, whatever the language of the page.
 */
function withDecimalPoint(text: string): string {
  const decimalComma = /^([^.,]*[0-9]),([0-9]{1,2})$/.exec(text)
  return decimalComma ? `${decimalComma[1]}.${decimalComma[2]}` : text
}

function tooLarge(): ParseAmountResult {
  return refuse('TOO_LARGE', 'TOO_LARGE', { max: formatAmount(MAX_AMOUNT_MINOR) })
}

/** Digits of a grouped integer part, or null when its separators are misplaced or mixed. */
function ungroup(integerText: string): string | null {
  const groups = integerText.split(new RegExp(`[${GROUP_SEPARATORS}]`))
  const separators = integerText.replace(/[0-9]/g, '')
  if (groups.length === 1) return integerText
  const kind = separatorKind(separators[0] ?? '')
  if (![...separators].every((s) => separatorKind(s) === kind)) return null
  const [first = '', ...rest] = groups
  if (!/^[0-9]{1,3}$/.test(first) || !rest.every((g) => /^[0-9]{3}$/.test(g))) return null
  return groups.join('')
}

function separatorKind(separator: string): 'apostrophe' | 'space' | 'comma' {
  if (APOSTROPHES.includes(separator)) return 'apostrophe'
  if (SPACES.includes(separator)) return 'space'
  return 'comma'
}

const GROUP_MARK = '\u2019'
const NO_BREAK_SPACE = '\u00a0'

/**
 * Swiss notation of a minor amount without currency: 10’000.50.
 *
 * Written by hand rather than with Intl.NumberFormat('de-CH') because ICU releases disagree on the
 * de-CH group mark (older data: ’ U+2019, ICU 78: ' U+0027), and e-mails and audit text must not
 * change with the Node.js build. Integers only, so no float ever touches the digits.
 */
export function formatAmount(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer number of minor units: ${minor}`)
  const sign = minor < 0 ? '-' : ''
  const digits = String(Math.abs(minor)).padStart(3, '0')
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, GROUP_MARK)
  return `${sign}${whole}.${digits.slice(-2)}`
}

/** A whole number with the same Swiss grouping as amounts: 100’000 (a count of rows, of contracts). */
export function formatWholeNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`)
  const sign = value < 0 ? '-' : ''
  return `${sign}${String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, GROUP_MARK)}`
}

// Where each language writes the currency code, read once from Intl ("CHF 10’000.50" in en-CH,
// "10’000.50 CHF" in fr-CH). The digits themselves stay formatAmount's in every language.
const CURRENCY_AFTER_AMOUNT: Record<Language, boolean> = Object.fromEntries(
  Object.entries(FORMAT_LOCALES).map(([language, locale]) => {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CHF' }).formatToParts(1)
    return [language, parts.findIndex((part) => part.type === 'currency') > parts.findIndex((part) => part.type === 'integer')]
  }),
) as Record<Language, boolean>

/** "CHF 10’000.50" (English) or "10’000.50 CHF" (French), with a no-break space so the code never wraps away from its number. */
export function formatMoney(minor: number, currency: Currency, language: Language = 'en'): string {
  const amount = formatAmount(minor)
  return CURRENCY_AFTER_AMOUNT[language] ? `${amount}${NO_BREAK_SPACE}${currency}` : `${currency}${NO_BREAK_SPACE}${amount}`
}

export function formatChf(minor: number, language: Language = 'en'): string {
  return formatMoney(minor, 'CHF', language)
}
