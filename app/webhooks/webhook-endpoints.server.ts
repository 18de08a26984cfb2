import { randomUUID } from 'node:crypto'
import * as z from 'zod'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { message } from '~/i18n/message'
import { generateSigningSecret, sealSigningSecret } from './endpoint-secret.server'
import { WEBHOOK_EVENT_TYPES } from './webhook-events'

/** What an administrator enters for an endpoint; errors are messages, said in the reader's language. */
export const EndpointInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, message('webhooks:errors.urlTooLong'))
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      } catch {
        return false
      }
    }, message('webhooks:errors.url')),
  description: z.string().trim().max(200, message('webhooks:errors.descriptionTooLong')).default(''),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, message('webhooks:errors.noEvents')),
})
export type EndpointInput = z.infer<typeof EndpointInput>

type Actor = { actorId: string; origin?: RequestOrigin }

/** A new endpoint and its signing secret, returned this once: only its sealed form is stored. */
export async function createWebhookEndpoint(db: Database, input: EndpointInput, { actorId, origin }: Actor) {
  const id = randomUUID()
  const signingSecret = generateSigningSecret()
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.create({
      data: {
        id,
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: true,
        createdById: actorId,
        ...sealSigningSecret(signingSecret, id),
      },
    })
    await appendAuditEvent(tx, {
      type: 'WEBHOOK_ENDPOINT_CREATED',
      actorId,
      subject: `webhook-endpoint:${id}`,
      payload: { endpointId: id, url: input.url, events: input.events },
      origin,
    })
  })
  return { id, signingSecret }
}

/** URL, events, and enabled or not; deliveries already written stay as they are. */
export async function updateWebhookEndpoint(db: Database, id: string, input: EndpointInput & { enabled: boolean }, { actorId, origin }: Actor) {
  if (!UUID.test(id)) return false
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id },
      data: {
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
      },
    })
    if (count !== 1) return false
    await appendAuditEvent(tx, {
      type: 'WEBHOOK_ENDPOINT_UPDATED',
      actorId,
      subject: `webhook-endpoint:${id}`,
      payload: {
        endpointId: id,
        url: input.url,
        events: input.events,
        enabled: input.enabled,
      },
      origin,
    })
    return true
  })
}

export type ReplayOutcome = { outcome: 'REPLAYED'; webhookId: string } | { outcome: 'NOT_FOUND' } | { outcome: 'ALREADY_QUEUED' }

/**
 * Sends a delivery again, sent or failed: back in the queue, due now, with the same webhook-id and
 * body (a receiver that de-duplicates by id ignores it; one that lost it gets it back).
 */
export async function replayWebhookDelivery(db: Database, id: string, { actorId, origin, now }: Actor & { now: Date }): Promise<ReplayOutcome> {
  if (!UUID.test(id)) return { outcome: 'NOT_FOUND' }
  const delivery = await db.webhookDelivery.findUnique({
    where: { id },
    select: { eventId: true, endpointId: true },
  })
  if (!delivery) return { outcome: 'NOT_FOUND' }
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: { in: ['SENT', 'FAILED'] } },
      data: {
        status: 'QUEUED',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lockedBy: null,
        lastError: null,
      },
    })
    if (count !== 1) return { outcome: 'ALREADY_QUEUED' as const }
    await appendAuditEvent(tx, {
      type: 'WEBHOOK_DELIVERY_REPLAYED',
      actorId,
      subject: `webhook-endpoint:${delivery.endpointId}`,
      payload: {
        deliveryId: id,
        webhookId: delivery.eventId,
        endpointId: delivery.endpointId,
      },
      origin,
    })
    return { outcome: 'REPLAYED' as const, webhookId: delivery.eventId }
  })
}

const LATEST_DELIVERIES = 50
const ATTEMPTS_SHOWN = 5

/** The admin page: every endpoint with its queue, and its latest deliveries with their latest attempts. */
export async function listWebhookEndpoints(db: Database) {
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      enabled: true,
      createdAt: true,
    },
  })
  const counts = await db.webhookDelivery.groupBy({
    by: ['endpointId', 'status'],
    _count: true,
  })
  return Promise.all(
    endpoints.map(async (endpoint) => {
      const deliveries = await db.webhookDelivery.findMany({
        where: { endpointId: endpoint.id },
        orderBy: { createdAt: 'desc' },
        take: LATEST_DELIVERIES,
        select: {
          id: true,
          status: true,
          attempts: true,
          nextAttemptAt: true,
          lastError: true,
          createdAt: true,
          event: { select: { id: true, type: true } },
          attemptLog: {
            orderBy: { startedAt: 'desc' },
            take: ATTEMPTS_SHOWN,
            select: {
              id: true,
              startedAt: true,
              durationMs: true,
              succeeded: true,
              responseStatus: true,
              error: true,
            },
          },
        },
      })
      const count = (status: 'QUEUED' | 'SENT' | 'FAILED') => counts.find((c) => c.endpointId === endpoint.id && c.status === status)?._count ?? 0
      return {
        ...endpoint,
        createdAt: endpoint.createdAt.toISOString(),
        queued: count('QUEUED'),
        sent: count('SENT'),
        failed: count('FAILED'),
        deliveries: deliveries.map((d) => ({
          id: d.id,
          webhookId: d.event.id,
          type: d.event.type,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt.toISOString(),
          lastError: d.lastError,
          createdAt: d.createdAt.toISOString(),
          attemptLog: d.attemptLog.map((a) => ({
            ...a,
            startedAt: a.startedAt.toISOString(),
          })),
        })),
      }
    }),
  )
}
