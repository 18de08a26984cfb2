// Audit events of the supplier register (ADR 044); registered in app/audit/events.ts.
import * as z from 'zod'

const supplierFacts = {
  supplierId: z.string(),
  name: z.string(),
  normalizedName: z.string(),
  establishmentCountryCode: z.string(),
  originCountryCodes: z.array(z.string()),
  activityCodes: z.array(z.string()),
}

export const supplierAuditEvents = {
  SUPPLIER_REGISTERED: {
    label: 'Supplier registered',
    schema: z.object({
      ...supplierFacts,
      via: z.enum(['CSV', 'AWARD', 'JUSTIFICATION']),
      /** The justification it was named in (via AWARD or JUSTIFICATION). */
      justificationId: z.string().optional(),
    }),
  },
  SUPPLIER_UPDATED: {
    label: 'Supplier updated',
    schema: z.object({
      ...supplierFacts,
      via: z.enum(['CSV', 'AWARD', 'JUSTIFICATION']),
      justificationId: z.string().optional(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  },
  SUPPLIER_IMPORT_RUN: {
    label: 'Supplier register imported',
    schema: z.object({
      fileName: z.string(),
      registered: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      refused: z.number().int(),
    }),
  },
}
