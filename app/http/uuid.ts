/**
 * The shape of the ids in URLs (PostgreSQL uuid). Pages check a path parameter against it before any
 * query, so a mistyped or hostile id gets a 404 instead of a database error (ADR 010). Client-safe.
 */
export const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
export const UUID = new RegExp(`^${UUID_TEXT}$`, 'i')
