import type * as core from 'zod/v4/core'
import * as z from 'zod/mini'
import { ApiProblem, type FieldProblem } from './problem.server'

/** The body parsed with its schema, or a 400 validation problem with one entry per field (messages in the caller's language). */
export function validateBody<S extends core.$ZodType>(schema: S, body: unknown, say: (text: string) => string): core.output<S> {
  const parsed = z.safeParse(schema, body)
  if (parsed.success) return parsed.data
  const errors: FieldProblem[] = parsed.error.issues.map((issue) => ({ pointer: `#/${issue.path.map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, detail: say(issue.message) }))
  throw new ApiProblem('validation-failed', 'Some fields of the body were refused; see `errors`.', { errors })
}

/** Query parameters refused (e.g. a list filter): a 400 validation problem naming each parameter. */
export function refuseParameters(problems: Record<string, string | undefined>, say: (text: string) => string): void {
  const errors: FieldProblem[] = Object.entries(problems).flatMap(([parameter, text]) => (text ? [{ parameter, detail: say(text) }] : []))
  if (errors.length > 0) throw new ApiProblem('validation-failed', 'Some query parameters were refused; see `errors`.', { errors })
}
