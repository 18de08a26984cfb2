import { z } from 'zod'
import { createDocument } from 'zod-openapi'
import { ALL_OPERATIONS } from './api-operations.server'
import { Problem } from './api-schemas.server'
import { PROBLEM_TYPES, type ProblemSlug } from './problem.server'
import { API_SCOPES } from './scopes'

// The OpenAPI 3.1 document of /api/v1, generated from the operations' own schemas (zod-openapi on
// Zod 4's JSON Schema): request bodies and parameters as their input side (what a client sends,
// before the forms' transforms), responses as their output side. Made once per process.

const EVERY_OPERATION: ProblemSlug[] = ['missing-api-key', 'invalid-api-key', 'expired-api-key', 'revoked-api-key', 'insufficient-scope', 'rate-limited', 'internal-error']

const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('Makes the POST safe to retry: the same key with the same request gives the stored answer again (with `Idempotent-Replayed: true`); with another request, 422; while the first is running, 409. Kept a day, per API key.'),
})

function problemResponses(slugs: readonly ProblemSlug[]) {
  const byStatus = new Map<number, ProblemSlug[]>()
  for (const slug of new Set([...slugs, ...EVERY_OPERATION])) {
    const { status } = PROBLEM_TYPES[slug]
    byStatus.set(status, [...(byStatus.get(status) ?? []), slug])
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: list.map((slug) => `${PROBLEM_TYPES[slug].title} (${slug})`).join('; '),
          ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' as const } } } } : {}),
          content: { 'application/problem+json': { schema: Problem } },
        },
      ]),
  )
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of ALL_OPERATIONS) {
    const success = {
      description: operation.success.description,
      ...(operation.success.location ? { headers: { Location: { description: 'Where the new resource is read.', schema: { type: 'string' as const } } } } : {}),
      content: { 'application/json': { schema: operation.success.schema } },
    }
    paths[`/api/v1${operation.path}`] = {
      ...paths[`/api/v1${operation.path}`],
      [operation.method]: {
        operationId: operation.id,
        summary: operation.summary,
        description: `${operation.description ?? ''}\n\nScope: \`${operation.scope}\`.`.trim(),
        tags: [operation.path.split('/')[1]!],
        security: [{ apiKey: [operation.scope] }],
        requestParams: {
          ...(operation.pathParams ? { path: operation.pathParams } : {}),
          ...(operation.query ? { query: operation.query } : {}),
          ...(operation.method === 'post' ? { header: IdempotencyKeyHeader } : {}),
        },
        ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body } } } } : {}),
        responses: {
          [String(operation.success.status)]: success,
          ...(operation.success.alsoStatus ? { [String(operation.success.alsoStatus)]: success } : {}),
          ...problemResponses(operation.problems),
        },
      },
    }
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'SoleSource API',
        version: '1',
        description:
          'Single-source justifications, contracts and industrial-return figures. Every request carries an API key made by an administrator (`Authorization: Bearer ssk_…`); a key acts for a person (what they may do in the browser) or as the procurement service role, within its scopes. Lists are paged by cursor. Every error is a problem details object (RFC 9457, application/problem+json).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: `An API key. Scopes: ${API_SCOPES.join(', ')}.` },
        },
      },
      paths: paths as never,
    },
    { allowEmptySchema: { custom: true } } as never,
  )
}

let cached: ReturnType<typeof buildDocument> | undefined
export function openApiDocument() {
  cached ??= buildDocument()
  return cached
}
