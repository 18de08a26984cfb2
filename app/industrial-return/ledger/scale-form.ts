/** The form of one year's contribution scale; shared by the browser and the action. */
import * as z from 'zod/mini'
import { message } from '~/i18n/message'
import { parseAmount } from '~/money/amount'
import { amountProblemMessage } from './amount-messages.ts'

export const ScaleFormSchema = z.object({
  source: z
    .string({ error: message('return-data:scales.form.sourceMissing') })
    .check(z.trim(), z.minLength(3, message('return-data:scales.errors.source')), z.maxLength(200, message('return-data:scales.form.sourceTooLong', { max: 200 }))),
  budget: z.optional(z.string()).check(
    z.superRefine((text: string | undefined, ctx) => {
      if (text === undefined) return
      const parsed = parseAmount(text)
      // A message whose value is a message: shown with translateList (message-list.ts).
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: message('return-data:scales.form.budget', { problem: amountProblemMessage(parsed.problem) }) })
    }),
  ),
  percent: z.optional(z.record(z.string(), z.optional(z.string()))),
})
export type ScaleFormInput = z.infer<typeof ScaleFormSchema>

export const budgetMinorOf = (text: string | undefined): number | null => {
  if (text === undefined) return null
  const parsed = parseAmount(text)
  return parsed.ok ? parsed.minor : null
}
