/**
 * The events an endpoint may choose, and how each comes from an audit event (ADR 050). Pure: no
 * database, no clock. Every change the ERP hears about already appends an audit event in the
 * transaction that makes it, so one hook there (appendAuditEvent) writes the deliveries, in that
 * same transaction.
 *
 * What leaves the app is ids, states and amounts, never free text (comments, reasons, names): the
 * receiver reads the rest through the API with its own permissions.
 */
import type { AuditEventType, StoredAuditPayload } from '~/audit/events'

export const WEBHOOK_EVENT_TYPES = [
  'justification.submitted',
  'justification.step_decided',
  'justification.approved',
  'justification.rejected',
  'justification.withdrawn',
  'contract.recorded',
  'contracts.imported',
  'return.very_poorly_balanced_changed',
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}

export type WebhookEventData = {
  type: WebhookEventType
  data: Record<string, unknown>
}

const justificationIdOf = (subject: string) => (subject.startsWith('justification:') ? subject.slice('justification:'.length) : subject)

type Mappers = {
  [T in AuditEventType]?: (payload: StoredAuditPayload<T>, subject: string) => WebhookEventData[]
}

const mappers: Mappers = {
  JUSTIFICATION_SUBMITTED: (p, subject) => [
    {
      type: 'justification.submitted',
      data: {
        justificationId: justificationIdOf(subject),
        round: p.round,
        amountMinor: p.amountMinor,
        currency: p.currency,
        amountChfMinor: p.amountChfMinor,
      },
    },
  ],
  STEP_SIGNED: (p, subject) => [
    {
      type: 'justification.step_decided',
      data: {
        justificationId: justificationIdOf(subject),
        stepIndex: p.stepIndex,
        decision: 'signed',
        via: p.via,
      },
    },
  ],
  CHANGES_REQUESTED: (p, subject) =>
    p.stepIndex === null
      ? []
      : [
          {
            type: 'justification.step_decided',
            data: {
              justificationId: justificationIdOf(subject),
              stepIndex: p.stepIndex,
              decision: 'changes_requested',
              via: p.via,
            },
          },
        ],
  // A signatory's rejection is a step decided and the justification rejected: two events, each for whoever chose it.
  JUSTIFICATION_REJECTED: (p, subject) => [
    ...(p.stepIndex === null
      ? []
      : [
          {
            type: 'justification.step_decided' as const,
            data: {
              justificationId: justificationIdOf(subject),
              stepIndex: p.stepIndex,
              decision: 'rejected',
              via: p.via,
            },
          },
        ]),
    {
      type: 'justification.rejected',
      data: {
        justificationId: justificationIdOf(subject),
        stepIndex: p.stepIndex,
      },
    },
  ],
  JUSTIFICATION_APPROVED: (p, subject) => [
    {
      type: 'justification.approved',
      data: {
        justificationId: justificationIdOf(subject),
        withoutSignature: p.withoutSignature,
      },
    },
  ],
  JUSTIFICATION_WITHDRAWN: (_p, subject) => [
    {
      type: 'justification.withdrawn',
      data: { justificationId: justificationIdOf(subject) },
    },
  ],
  CONTRACT_AWARDED: (p) => [
    {
      type: 'contract.recorded',
      data: {
        contractId: p.contractId,
        orderNumber: p.orderNumber,
        justificationId: p.justificationId,
        awardedOn: p.awardedOn,
        amountMinor: p.amountMinor,
        currency: p.currency,
        amountChfMinor: p.amountChfMinor,
        returnCountryCode: p.returnCountryCode,
      },
    },
  ],
  // Through the API (at most 1000 a request): each contract as an award's is, with where it came from.
  CONTRACTS_RECORDED_BY_API: (p) => p.contracts.map(({ contractId, orderNumber }) => ({ type: 'contract.recorded' as const, data: { contractId, orderNumber, source: 'api' } })),
  // One event per import, not per contract: an import carries up to hundreds of thousands of rows the ERP itself exported (ADR 050).
  CONTRACT_IMPORT_FINISHED: (p) => [
    {
      type: 'contracts.imported',
      data: {
        importJobId: p.importJobId,
        fileName: p.fileName,
        imported: p.imported,
        unchanged: p.unchanged,
        rejected: p.rejected,
      },
    },
  ],
  SPREAD_ALERT_RAISED: (p) => [
    {
      type: 'return.very_poorly_balanced_changed',
      data: {
        alertId: p.alertId,
        countryCode: p.countryCode,
        veryPoorlyBalanced: p.kind === 'ENTERED_VERY_POORLY',
        coefficient: p.coefficient,
      },
    },
  ],
}

/** The webhook events an audit event makes (none for most), from its parsed payload. */
export function webhookEventsOf(type: string, payload: unknown, subject: string): WebhookEventData[] {
  const mapper = mappers[type as AuditEventType] as ((payload: unknown, subject: string) => WebhookEventData[]) | undefined
  return mapper ? mapper(payload, subject) : []
}

/** Whether an audit event type can make a webhook event: the others cost the hook nothing. */
export function mayMakeWebhookEvents(type: string): boolean {
  return type in mappers
}
