/**
 * The policy page's "Add a rate" form, as one schema shared by the browser (Conform validates as you
 * type) and the action, which hands the parsed value to setExchangeRate (exchange-rates.server.ts).
 * Client-safe: no server module is imported here.
 */
import { z } from 'zod'
import { isIsoDate } from '~/calendar/calendar-date'
import { parseRate } from './conversion.ts'
import { isCurrency, type Currency } from './currency.ts'

const isoDate = z.string({ error: 'Enter a date like 2026-03-01.' }).refine(isIsoDate, 'Enter a date like 2026-03-01 that exists.')

export const AddRateSchema = z.object({
  intent: z.literal('add-rate'),
  currency: z
    .string({ error: 'Choose the currency.' })
    .refine((value) => isCurrency(value) && value !== 'CHF', 'Choose a currency from the list.')
    .transform((value) => value as Currency),
  validFrom: isoDate,
  chfPerUnit: z.string({ error: 'Enter how many CHF one unit is worth, for example 0.9412.' }).transform((value, ctx) => {
    const parsed = parseRate(value)
    if (parsed.ok) return parsed.rate.text
    ctx.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  }),
})
