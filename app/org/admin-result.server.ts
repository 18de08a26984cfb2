import { Prisma } from '~/generated/prisma/client'
import { message } from '~/i18n/message'

/** What an organisation change answers: its result, or messages for the form's fields. */
export type AdminResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string[]> }

export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/** Create and update refuse the same way an address another person already has. */
export const emailTaken: { ok: false; fieldErrors: Record<string, string[]> } = { ok: false, fieldErrors: { email: [message('forms:person.emailTaken')] } }
