/**
 * The award form's schema, shared by the browser (validation as the officer types) and the action.
 * It lives outside award-justification.server.ts on purpose: the compiler empties `.server` modules in the browser
 * bundle, so a schema exported from one is `undefined` there. Only pure imports belong here.
 */
import * as z from 'zod/mini'
import { message } from '~/i18n/message'
import { parseAmount } from '~/money/amount'
import { isIsoDate } from '~/calendar/calendar-date'
import { amountProblemMessage } from './amount-messages.ts'

export const ORDER_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}$/

/** The action adds the checks that need "today" or the database. */
export const AwardSchema = z.object({
  orderNumber: z
    .string({ error: message('return-data:award.errors.orderNumberMissing') })
    .check(z.trim(), z.regex(ORDER_NUMBER_PATTERN, message('return-data:award.errors.orderNumberFormat'))),
  awardedOn: z.string({ error: message('return-data:award.errors.dateMissing') }).check(z.refine(isIsoDate, message('return-data:award.errors.dateFormat'))),
  amount: z.string({ error: message('return-data:award.errors.amountMissing') }).check(
    z.superRefine((text: string, ctx) => {
      const parsed = parseAmount(text)
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: amountProblemMessage(parsed.problem) })
    }),
  ),
})
export type AwardInput = z.infer<typeof AwardSchema>
