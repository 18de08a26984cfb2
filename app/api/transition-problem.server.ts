import { failureStatus } from '~/justifications/failure-status'
import type { TransitionFailure } from '~/justifications/transition.server'
import { ApiProblem, type ProblemSlug } from './problem.server'

/** A refused use case as the page's status says it (failureStatus), with its message and field messages in the caller's language. */
export function failureProblem(failure: TransitionFailure, say: (text: string) => string): ApiProblem {
  const slug: ProblemSlug = ({ 400: 'validation-failed', 403: 'forbidden', 404: 'not-found', 409: 'conflict' } as const)[failureStatus(failure)]
  const errors = failure.kind === 'INVALID' ? Object.entries(failure.fieldErrors).flatMap(([field, messages]) => messages.map((text) => ({ pointer: `#/${field}`, detail: say(text) }))) : undefined
  return new ApiProblem(slug, say(failure.message), errors ? { errors } : {})
}
