/**
 * What is wrong with an amount or a rate, as messages of this area (client-safe): the award form,
 * the scale's budget and the contract import say it in their reader's language. Read from
 * parseAmount's problem code and from the same checks as chfEquivalent, never from its English words.
 */
import { message } from '~/i18n/message'
import { formatAmount, MAX_AMOUNT_MINOR, type AmountProblem } from '~/money/amount'
import { chfEquivalent, MAX_RATE_DECIMALS, MAX_RATE_MICROS, toChfMinor, parseRate } from '~/money/conversion'
import type { Currency } from '~/money/currency'

export function amountProblemMessage(problem: AmountProblem): string {
  return problem === 'TOO_LARGE' ? message('return-data:amount.TOO_LARGE', { max: formatAmount(MAX_AMOUNT_MINOR) }) : message(`return-data:amount.${problem}`)
}

function rateProblemMessage(text: string): string {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim())
  if (!match) return message('return-data:rate.format')
  if ((match[2] ?? '').length > MAX_RATE_DECIMALS) return message('return-data:rate.decimals', { decimals: MAX_RATE_DECIMALS })
  if ((match[1] ?? '').length > 1 && match[1]!.startsWith('0')) return message('return-data:rate.leadingZero')
  if (/^0+(\.0*)?$/.test(text.trim())) return message('return-data:rate.zero')
  return message('return-data:rate.tooLarge', { max: MAX_RATE_MICROS / 1_000_000 })
}

/** The CHF equivalent, or why there is none, as a message. */
export function chfEquivalentOrProblem(minor: number, currency: Currency, rate: string) {
  const converted = chfEquivalent(minor, currency, rate)
  if (converted.ok) return converted
  const parsed = parseRate(rate)
  if (!parsed.ok) return { ok: false as const, message: rateProblemMessage(rate) }
  if (currency === 'CHF' && parsed.rate.text !== '1') return { ok: false as const, message: message('return-data:rate.chfNotOne', { rate: parsed.rate.text }) }
  if (toChfMinor(minor, parsed.rate) === 0) return { ok: false as const, message: message('return-data:rate.belowCentime') }
  return { ok: false as const, message: message('return-data:rate.aboveMaximum') }
}
