import * as z from 'zod/mini'

// One schema per form, shared by the browser (Conform validates as you type) and the action.

const email = z
  .string({ error: 'Enter your email address.' })
  .check(z.trim(), z.minLength(1, 'Enter your email address.'), z.maxLength(254, 'That address is too long.'), z.email('Enter an address like name@example.org.'))

export const SignInRequestSchema = z.object({
  email,
  redirectTo: z.optional(z.string()),
})

export const SignInCodeSchema = z.object({
  email,
  code: z.string({ error: 'Enter the six-digit code from the email.' }).check(z.trim(), z.regex(/^\d{6}$/, 'The code is six digits, for example 042917.')),
  // No redirectTo: where to go after the code is kept on the sign-in request (it may be typed on another device).
})
