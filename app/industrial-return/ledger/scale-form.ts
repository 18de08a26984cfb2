/** The form of one year's contribution scale; shared by the browser and the action. */
import * as z from 'zod'
import { parseAmount } from '~/money/amount'

export const ScaleFormSchema = z.object({
  source: z.string({ error: 'Say where the figures come from (e.g. the Council document).' }).trim().min(3, 'Say where the figures come from.').max(200),
  budget: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (text === undefined) return
      const parsed = parseAmount(text)
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.message} Or leave it empty when the budget is unknown.` })
    }),
  percent: z.record(z.string(), z.string().optional()).optional(),
})
export type ScaleFormInput = z.infer<typeof ScaleFormSchema>

export const budgetMinorOf = (text: string | undefined): number | null => {
  if (text === undefined) return null
  const parsed = parseAmount(text)
  return parsed.ok ? parsed.minor : null
}
