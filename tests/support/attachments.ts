import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AttachmentKind } from '~/attachments/attachment-kinds'
import { storeFile, type FileStoreBackend } from '~/attachments/store/file-store.server'
import type { Database } from '~/db/client.server'
import { withSqlTransaction } from '~/db/sql-transaction.server'

/**
 * Attaches bytes to a justification directly (stored file + attachment row), for tests of what is
 * done with documents once they are there (sign-off, downloads, the record). The upload itself, with
 * its checks and audit event, is tested through its own use case.
 */
export async function attachTestFile(
  db: Database,
  {
    justificationId,
    addedById,
    fileName = 'quote.pdf',
    kind = 'QUOTE',
    bytes,
    mediaType = 'application/pdf',
    backend,
  }: { justificationId: string; addedById: string; fileName?: string; kind?: AttachmentKind; bytes: Uint8Array; mediaType?: string; backend?: FileStoreBackend },
) {
  const dir = await mkdtemp(join(tmpdir(), 'solesource-test-attachment-'))
  try {
    const path = join(dir, 'file')
    await writeFile(path, bytes)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await withSqlTransaction(db, (sql) => storeFile(sql, { sha256, sizeBytes: bytes.byteLength, mediaType, path }, backend))
    return await db.attachment.create({ data: { justificationId, addedById, fileName, kind, sizeBytes: BigInt(bytes.byteLength), mediaType, sha256 } })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A small, real PDF (one page of text), made with the same library the record uses. */
export { minimalPdf } from './minimal-pdf'
