/**
 * The award form's schema, shared by the browser (validation as the officer types) and the action.
 * It lives outside award-justification.server.ts on purpose: the compiler empties `.server` modules in the browser
 * bundle, so a schema exported from one is `undefined` there. Only pure imports belong here.
 */
import * as z from 'zod'
import { parseAmount } from '~/money/amount'
import { isIsoDate } from '~/calendar/calendar-date'

export const ORDER_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}$/

/** The action adds the checks that need "today" or the database. */
export const AwardSchema = z.object({
  orderNumber: z
    .string({ error: 'Enter the order number.' })
    .trim()
    .regex(ORDER_NUMBER_PATTERN, 'Use letters, digits and - _ / . only (at most 64 characters).'),
  awardedOn: z.string({ error: 'Enter the award date.' }).refine(isIsoDate, 'Enter a date, e.g. 2026-11-26.'),
  amount: z.string({ error: 'Enter the final amount.' }).superRefine((text, ctx) => {
    const parsed = parseAmount(text)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message })
  }),
})
export type AwardInput = z.infer<typeof AwardSchema>
