import type { Database } from '~/db/client.server'
import type { Language } from '~/i18n/languages'
import type { Viewer } from '../visibility.server'
import { loadJustificationRecord } from './justification-record.server'
import { findRecordFont } from './record-font.server'
import { renderJustificationPdf } from './render-justification-pdf.server'

// One justification's signed record as a PDF, in its reader's language, for a person who may see
// its page (null otherwise).

export async function justificationPdf(db: Database, person: Viewer, id: string, now: Date, language: Language): Promise<{ reference: string; pdf: Buffer } | null> {
  const record = await loadJustificationRecord(db, person, id, now, language)
  if (!record) return null
  return { reference: record.reference, pdf: await renderJustificationPdf(record, findRecordFont()) }
}
