/**
 * The sign-off settings page's form, as one schema shared by the browser (Conform validates as you
 * type) and the action, which saves it with changeWorkflowSettings (change-workflow-settings.server.ts). Client-safe.
 */
import * as z from 'zod/mini'

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter the ${what}.` })
    .check(z.int(`The ${what} is a whole number.`), z.gte(min, `The ${what} is at least ${min}.`), z.lte(max, `The ${what} is at most ${max}.`))

export const WorkflowSettingsSchema = z
  .object({
    linkTtlDays: whole('link lifetime in days', 1, 30),
    reminderAfterWorkingDays: whole('reminder delay', 1, 30),
    escalateAfterWorkingDays: whole('escalation delay', 1, 60),
    linkRequiresSignIn: z.pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => value === 'on'),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.escalateAfterWorkingDays <= value.reminderAfterWorkingDays) {
        ctx.addIssue({ code: 'custom', path: ['escalateAfterWorkingDays'], message: 'Escalation comes after the reminder: make it a longer delay.' })
      }
    }),
  )
