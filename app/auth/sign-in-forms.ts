import * as z from 'zod'

// One schema per form, shared by the browser (Conform validates as you type) and the action.

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That address is too long.')
  .email('Enter an address like name@example.org.')

export const SignInRequestSchema = z.object({
  email,
  redirectTo: z.string().optional(),
})

export const SignInCodeSchema = z.object({
  email,
  code: z
    .string({ error: 'Enter the six-digit code from the email.' })
    .trim()
    .regex(/^\d{6}$/, 'The code is six digits, for example 042917.'),
  // No redirectTo: where to go after the code is kept on the sign-in request (it may be typed on another device).
})
