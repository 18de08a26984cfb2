// Audit events of the webhooks' administration (ADR 050); registered in app/audit/events.ts.
// The signing secret never appears in the trail, only that one was made.
import * as z from 'zod'
import { message } from '~/i18n/message'

export const webhookAuditEvents = {
  WEBHOOK_ENDPOINT_CREATED: {
    label: message('webhooks:audit.WEBHOOK_ENDPOINT_CREATED'),
    schema: z.object({
      endpointId: z.string(),
      url: z.string(),
      events: z.array(z.string()),
    }),
  },
  WEBHOOK_ENDPOINT_UPDATED: {
    label: message('webhooks:audit.WEBHOOK_ENDPOINT_UPDATED'),
    schema: z.object({
      endpointId: z.string(),
      url: z.string(),
      events: z.array(z.string()),
      enabled: z.boolean(),
    }),
  },
  WEBHOOK_DELIVERY_REPLAYED: {
    label: message('webhooks:audit.WEBHOOK_DELIVERY_REPLAYED'),
    schema: z.object({
      deliveryId: z.string(),
      webhookId: z.string(),
      endpointId: z.string(),
    }),
  },
}
