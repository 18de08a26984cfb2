-- The audit trail is append-only. The row trigger of the foundation migration refuses UPDATE and
-- DELETE, but TRUNCATE fires no row trigger: refuse it with a statement-level one. The same
-- function serves: it raises 'AuditEvent rows are append-only (TRUNCATE refused)'.
CREATE TRIGGER "AuditEvent_refuses_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
