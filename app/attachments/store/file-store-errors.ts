/** The bytes read back are not the ones stored under this hash (changed, cut short or lost). */
export class StoredFileCorrupted extends Error {
  override name = 'StoredFileCorrupted'
}

/**
 * The store that keeps (or would keep) the bytes could not be reached or refused them: an object
 * store that is down, misconfigured or not configured at all. Nothing was stored by the transaction
 * that met it; the message names the store, never its credentials.
 */
export class FileStoreUnavailable extends Error {
  override name = 'FileStoreUnavailable'
}
