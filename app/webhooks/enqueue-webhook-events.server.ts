import { randomUUID } from 'node:crypto'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Sql } from '~/db/sql-transaction.server'
import { mayMakeWebhookEvents, webhookEventsOf } from './webhook-events'

/** What the hook needs of an audit event, as appendAuditEvent stores it (payload parsed by its schema). */
export type AuditedChange = {
  type: string
  subject: string
  payload: unknown
  at?: Date
}

type Prepared = { ids: string[]; types: string[]; bodies: string[] }

/** The Standard Webhooks id of a new event: unique, and the same on every retry and replay. */
export const newWebhookId = () => `msg_${randomUUID().replaceAll('-', '')}`

function prepare(change: AuditedChange): Prepared | null {
  if (!mayMakeWebhookEvents(change.type)) return null
  const events = webhookEventsOf(change.type, change.payload, change.subject)
  if (events.length === 0) return null
  const timestamp = (change.at ?? new Date()).toISOString()
  const ids = events.map(newWebhookId)
  // The body is fixed here, once: every attempt and every replay signs and sends these very bytes.
  const bodies = events.map((event) => JSON.stringify({ type: event.type, timestamp, data: event.data }))
  return { ids, types: events.map((event) => event.type), bodies }
}

/**
 * One statement, whatever the number of endpoints: the events that some enabled endpoint chose are
 * written with one delivery per such endpoint, and nothing at all when none chose them (the common
 * case costs one statement that writes nothing). $1, $2, $3: the ids, types and bodies.
 */
const INSERT_EVENTS_AND_DELIVERIES = `
  WITH new_events AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS e("id", "type", "body")
  ), receivers AS (
    SELECT e."id" AS "eventId", w."id" AS "endpointId"
    FROM new_events e JOIN "WebhookEndpoint" w ON w."enabled" AND e."type" = ANY (w."events")
  ), written AS (
    INSERT INTO "WebhookEvent" ("id", "type", "body")
    SELECT e."id", e."type", e."body" FROM new_events e WHERE e."id" IN (SELECT "eventId" FROM receivers)
    RETURNING "id"
  )
  INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId")
  SELECT gen_random_uuid(), r."eventId", r."endpointId" FROM receivers r JOIN written ON written."id" = r."eventId"`

/**
 * Writes the webhook deliveries an audited change makes, with the connection (transaction) that
 * appends its audit event: a change that rolls back leaves no delivery, a committed one always has
 * them (ADR 050). Called by appendAuditEvent for every event.
 */
export async function enqueueWebhookEvents(db: DatabaseOrTransaction, change: AuditedChange): Promise<void> {
  const prepared = prepare(change)
  if (!prepared) return
  await db.$executeRawUnsafe(INSERT_EVENTS_AND_DELIVERIES, prepared.ids, prepared.types, prepared.bodies)
}

/** The same inside a plain pg transaction (appendAuditEventWithSql). */
export async function enqueueWebhookEventsWithSql(sql: Sql, change: AuditedChange): Promise<void> {
  const prepared = prepare(change)
  if (!prepared) return
  await sql.query(INSERT_EVENTS_AND_DELIVERIES, [prepared.ids, prepared.types, prepared.bodies])
}
