// What an API key may do (client-safe: the admin page lists them). A key holds one or more; each
// operation of /api/v1 asks for one (app/api/openapi-document.server.ts says which).
export const API_SCOPES = ['read:justifications', 'write:justifications', 'write:contracts', 'read:statistics'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value)
}

/** How long a new key lives unless the administrator says otherwise, and at most. */
export const DEFAULT_KEY_DAYS = 90
export const MAX_KEY_DAYS = 730
export const DEFAULT_REQUESTS_PER_MINUTE = 120
export const MAX_REQUESTS_PER_MINUTE = 10_000
