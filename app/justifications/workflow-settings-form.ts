/**
 * The sign-off settings page's form, as one schema shared by the browser (Conform validates as you
 * type) and the action, which saves it with changeWorkflowSettings (change-workflow-settings.server.ts). Client-safe.
 */
import * as z from 'zod/mini'
import { message } from '~/i18n/message'

/** A whole number of days; its messages are the field's own (forms:settings.<field>.*). */
const whole = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: message(`forms:settings.${field}.missing`) })
    .check(
      z.int(message(`forms:settings.${field}.whole`)),
      z.gte(min, message(`forms:settings.${field}.min`, { min })),
      z.lte(max, message(`forms:settings.${field}.max`, { max })),
    )

export const WorkflowSettingsSchema = z
  .object({
    linkTtlDays: whole('linkTtl', 1, 30),
    reminderAfterWorkingDays: whole('reminder', 1, 30),
    escalateAfterWorkingDays: whole('escalation', 1, 60),
    linkRequiresSignIn: z.pipe(
      z.optional(z.string()),
      z.transform((value: string | undefined) => value === 'on'),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.escalateAfterWorkingDays <= value.reminderAfterWorkingDays) {
        ctx.addIssue({ code: 'custom', path: ['escalateAfterWorkingDays'], message: message('forms:settings.escalationAfterReminder') })
      }
    }),
  )
