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
