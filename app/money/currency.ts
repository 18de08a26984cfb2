/**
 * Currencies a justification may be filed in.
 *
 * Every currency here has two minor digits (ISO 4217 exponent 2), which is what lets the whole
 * money module speak in "minor units = hundredths". Adding a currency with another exponent
 * (JPY: 0, KWD: 3) needs the parser and the formatter to learn exponents first.
 */
export const currencies = ['CHF', 'EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK'] as const

export type Currency = (typeof currencies)[number]

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (currencies as readonly string[]).includes(value)
}
