/**
 * The policy page's "Add a rate" form, as one schema shared by the browser (Conform validates as you
 * type) and the action, which hands the parsed value to setExchangeRate (exchange-rates.server.ts).
 * Client-safe: no server module is imported here.
 */
import * as z from 'zod/mini'
import { isoDateField } from '~/calendar/date-field'
import { message } from '~/i18n/message'
import { parseRate } from './conversion.ts'
import { isCurrency, type Currency } from './currency.ts'


export const AddRateSchema = z.object({
  intent: z.literal('add-rate'),
  currency: z.pipe(
    z.string({ error: message('forms:exchangeRate.currencyMissing') }).check(z.refine((value: string) => isCurrency(value) && value !== 'CHF', message('forms:exchangeRate.currencyNotInList'))),
    z.transform((value: string) => value as Currency),
  ),
  validFrom: isoDateField,
  chfPerUnit: z.pipe(
    z.string({ error: message('forms:exchangeRate.chfPerUnitMissing') }),
    z.transform((value: string, ctx) => {
      const parsed = parseRate(value)
      if (parsed.ok) return parsed.rate.text
      ctx.issues.push({ code: 'custom', message: parsed.message, input: value })
      return z.NEVER
    }),
  ),
})
