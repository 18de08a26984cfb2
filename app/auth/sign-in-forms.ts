import * as z from 'zod/mini'
import { message } from '~/i18n/message'

// One schema per form, shared by the browser (Conform validates as you type) and the action.

const email = z
  .string({ error: message('forms:signIn.emailMissing') })
  .check(
    z.trim(),
    z.minLength(1, message('forms:signIn.emailMissing')),
    z.maxLength(254, message('forms:signIn.emailTooLong')),
    z.email(message('forms:signIn.emailFormat')),
  )

export const SignInRequestSchema = z.object({
  email,
  redirectTo: z.optional(z.string()),
})

export const SignInCodeSchema = z.object({
  email,
  code: z.string({ error: message('forms:signIn.codeMissing') }).check(z.trim(), z.regex(/^\d{6}$/, message('forms:signIn.codeFormat'))),
  // No redirectTo: where to go after the code is kept on the sign-in request (it may be typed on another device).
})
