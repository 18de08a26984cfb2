/** Limits of a contract import, shown on the upload page (client-safe). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024
export const MAX_IMPORT_ROWS = 1_000_000
/** An upload is stored in chunks of at most this many rows or characters; a batch never spans two chunks. */
export const IMPORT_CHUNK_ROWS = 5_000
export const IMPORT_CHUNK_CHARS = 2 * 1024 * 1024
