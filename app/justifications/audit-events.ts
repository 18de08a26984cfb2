
// Audit events of single-source justifications; registered in app/audit/events.ts.
export const justificationAuditEvents = {}
