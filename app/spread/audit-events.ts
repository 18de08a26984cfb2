// Audit events of the geographic spread (contracts, scales, alerts); registered in app/audit/events.ts.
export const spreadAuditEvents = {}
