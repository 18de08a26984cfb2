import type { TransitionFailure } from './transition.server'

/**
 * The HTTP status of a refused transition, so a client (or a test) can tell a refusal from a success
 * without reading the page: the page still shows the message, and nothing was changed.
 */
export function failureStatus(failure: Pick<TransitionFailure, 'kind'>): 400 | 403 | 404 | 409 {
  switch (failure.kind) {
    case 'NOT_FOUND':
      return 404
    case 'REFUSED':
      return 403
    case 'CONFLICT':
    case 'UNREADABLE_SNAPSHOT':
      return 409
    case 'INVALID':
      return 400
  }
}
