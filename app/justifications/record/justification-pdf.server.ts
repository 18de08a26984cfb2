import type { Database } from '~/db/client.server'
import type { Viewer } from '../visibility.server'
import { loadJustificationRecord } from './justification-record.server'
import { findRecordFont } from './record-font.server'
import { renderJustificationPdf } from './render-justification-pdf.server'

// One justification's signed record as a PDF, for a person who may see its page (null otherwise).

export async function justificationPdf(db: Database, person: Viewer, id: string, now: Date): Promise<{ reference: string; pdf: Buffer } | null> {
  const record = await loadJustificationRecord(db, person, id, now)
  if (!record) return null
  return { reference: record.reference, pdf: await renderJustificationPdf(record, findRecordFont()) }
}

/** The headers of a download that holds a record: never cached by a proxy or kept by the browser. */
export function recordDownloadHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}
