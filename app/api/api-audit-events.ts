import * as z from 'zod'
import { API_SCOPES } from './scopes'

/**
 * The API keys' audit events (issue 15). API_KEY_USED is written once per request made with a known
 * key, refused or not (a wrong key names no key, so it is only logged): with the per-key rate limit,
 * at most requestsPerMinute rows a minute per key (ADR 049).
 */
export const apiAuditEvents = {
  API_KEY_CREATED: {
    label: 'API key created',
    schema: z.object({
      apiKeyId: z.string(),
      name: z.string(),
      prefix: z.string(),
      scopes: z.array(z.enum(API_SCOPES)),
      personId: z.string().nullable(),
      requestsPerMinute: z.number().int(),
      expiresAt: z.string(),
    }),
  },
  API_KEY_REVOKED: { label: 'API key revoked', schema: z.object({ apiKeyId: z.string(), name: z.string(), prefix: z.string() }) },
  API_KEY_USED: {
    label: 'API key used',
    schema: z.object({
      apiKeyId: z.string(),
      method: z.string(),
      path: z.string(),
      status: z.number().int(),
      /** Why it was refused, if it was (expired, revoked, out-of-scope, rate-limited, ...). */
      refusal: z.string().nullable(),
      idempotencyKey: z.string().nullable(),
      replayed: z.boolean(),
    }),
  },
  CONTRACTS_RECORDED_BY_API: {
    label: 'Contracts recorded through the API',
    // The contracts it recorded (at most 1000 a request): each is a `contract.recorded` webhook event (ADR 050).
    schema: z.object({
      apiKeyId: z.string(),
      recorded: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      contracts: z.array(z.object({ contractId: z.string(), orderNumber: z.string() })),
    }),
  },
}
