// Problem details (RFC 9457, application/problem+json): every refusal of /api/v1 is one of these.
// Each type is documented on the reference page (/api/v1/reference#problem-<slug>), which is what
// its `type` URI points to; `title` is the same for every occurrence, `detail` says this one.

export const PROBLEM_TYPES = {
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'malformed-request': { status: 400, title: 'Malformed request' },
  'validation-failed': { status: 400, title: 'Validation failed' },
  'missing-api-key': { status: 401, title: 'API key missing' },
  'invalid-api-key': { status: 401, title: 'API key not valid' },
  'expired-api-key': { status: 401, title: 'API key expired' },
  'revoked-api-key': { status: 401, title: 'API key revoked' },
  'insufficient-scope': { status: 403, title: 'Outside the key’s scopes' },
  forbidden: { status: 403, title: 'Not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-key-in-use': { status: 409, title: 'Idempotency key in use' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused with another request' },
  'contract-rejected': { status: 422, title: 'Contract rejected' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal error' },
} as const

export type ProblemSlug = keyof typeof PROBLEM_TYPES

/** One field's (or query parameter's) problem: `pointer` is a JSON Pointer into the request body. */
export type FieldProblem = { pointer?: string; parameter?: string; detail: string }

export type ProblemBody = { type: string; title: string; status: number; detail: string; errors?: FieldProblem[]; [extension: string]: unknown }

export const problemTypeUri = (slug: ProblemSlug) => `/api/v1/reference#problem-${slug}`

export function problemBody(slug: ProblemSlug, detail: string, extensions: Record<string, unknown> = {}): ProblemBody {
  const { status, title } = PROBLEM_TYPES[slug]
  return { type: problemTypeUri(slug), title, status, detail, ...extensions }
}

export function problemResponse(slug: ProblemSlug, detail: string, { extensions, headers }: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {}): Response {
  const body = problemBody(slug, detail, extensions)
  return new Response(JSON.stringify(body), { status: body.status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers } })
}

/** Thrown by an operation to answer with a problem; the request pipeline turns it into the response. */
export class ApiProblem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${slug}: ${detail}`)
  }
}
