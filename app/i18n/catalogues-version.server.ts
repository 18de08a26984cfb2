import { createHash } from 'node:crypto'
import { catalogues } from './catalogues.server'

let version: string | undefined

/** A short hash of every message: changes with any message, so the browser's cached copies never go stale. */
export function cataloguesVersion(): string {
  version ??= createHash('sha256').update(JSON.stringify(catalogues)).digest('base64url').slice(0, 12)
  return version
}
