/** Limits of a contract import, shown on the upload page (client-safe). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024
export const MAX_IMPORT_ROWS = 1_000_000
