import * as z from 'zod'
import { coveredDocument } from '~/attachments/attachment-audit-events'

const change = z.object({ from: z.unknown(), to: z.unknown() })
const via = z.enum(['app', 'link']).default('app')

// Audit events of single-source justifications, registered in app/audit/events.ts. The subject of
// each is "justification:<id>", so one index read gives a justification's whole timeline.
export const justificationAuditEvents = {
  JUSTIFICATION_CREATED: { label: 'Created', schema: z.object({ reference: z.string(), title: z.string() }) },
  JUSTIFICATION_EDITED: { label: 'Edited', schema: z.object({ changes: z.record(z.string(), change) }) },
  JUSTIFICATION_SUBMITTED: {
    label: 'Submitted',
    schema: z.object({
      round: z.number().int(),
      policyVersion: z.number().int(),
      amountMinor: z.number().int(),
      currency: z.string(),
      amountChfMinor: z.number().int(),
      rate: z.string(),
      rateDate: z.string(),
      splitPurchaseFlag: z.boolean(),
      /** The supporting documents submitted with this round (frozen until changes are requested). */
      documents: z.array(coveredDocument).default([]),
      /** SHA-256 of the justification's text as submitted (app/attachments/covered-content.ts). */
      textSha256: z.string().nullable().default(null),
    }),
  },
  STEP_ASSIGNED: {
    label: 'Signature requested',
    schema: z.object({
      stepIndex: z.number().int(),
      role: z.string(),
      label: z.string(),
      signatoryId: z.string(),
      signatoryName: z.string(),
      reason: z.string(),
      explanation: z.string(),
    }),
  },
  STEP_REASSIGNED: {
    label: 'Signature moved',
    schema: z.object({ stepIndex: z.number().int(), fromSignatoryId: z.string(), toSignatoryId: z.string(), reason: z.string(), explanation: z.string() }),
  },
  STEP_SIGNED: {
    label: 'Signed',
    schema: z.object({
      stepIndex: z.number().int(),
      label: z.string(),
      comment: z.string().nullable(),
      via,
      /** What this signature covered: every document's hash, and the text's. */
      documents: z.array(coveredDocument).default([]),
      textSha256: z.string().nullable().default(null),
    }),
  },
  JUSTIFICATION_REJECTED: { label: 'Rejected', schema: z.object({ stepIndex: z.number().int().nullable(), reason: z.string(), via }) },
  CHANGES_REQUESTED: { label: 'Changes requested', schema: z.object({ stepIndex: z.number().int().nullable(), comment: z.string(), via }) },
  JUSTIFICATION_WITHDRAWN: { label: 'Withdrawn', schema: z.object({ reason: z.string().nullable() }) },
  JUSTIFICATION_APPROVED: { label: 'Approved', schema: z.object({ withoutSignature: z.boolean() }) },
  POLICY_PUBLISHED: {
    label: 'Signature policy published',
    schema: z.object({
      version: z.number().int(),
      effectiveFrom: z.string(),
      tiers: z.array(z.object({ aboveChfMinor: z.number().int(), role: z.string(), label: z.string() })),
      splitPurchaseWindowDays: z.number().int(),
      /** Above this CHF amount a quote is expected (absent from versions published before it existed). */
      quoteExpectedAboveChfMinor: z.number().int().optional(),
    }),
  },
  EXCHANGE_RATE_SET: { label: 'Exchange rate set', schema: z.object({ currency: z.string(), validFrom: z.string(), chfPerUnit: z.string() }) },
}
