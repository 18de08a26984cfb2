/**
 * The rejected rows of an import as CSV. Its column names (line, order_number, reason) are stable
 * identifiers, the same in every language, like the import's own columns: a script or a spreadsheet
 * that reads the file by column keeps working whoever downloads it. The reason column is for people:
 * it is written in the downloader's language (rows stored before issue 14 keep their English words).
 */
import { csvDownload, toCsv } from '~/csv/write-csv'
import type { Database } from '~/db/client.server'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { rejectionsOf } from './import-jobs.server.ts'
import { rejectionText } from './rejection-text.ts'
// The one list of these columns (app/csv/header-convention.test.ts checks it).
import { REJECTIONS_CSV_HEADER } from '../views/exports.server.ts'

export async function rejectionsCsv(db: Database, jobId: string, fileName: string, language: Language): Promise<Response> {
  const t = translatorFor(language, 'return-data')
  const rows = await rejectionsOf(db, jobId)
  const body = toCsv(REJECTIONS_CSV_HEADER, rows.map((r) => [r.line, r.orderNumber, rejectionText(t, r)]))
  // Without a byte-order mark, as this file has always been served (read by scripts line by line).
  return csvDownload(body, `rejected-rows-${fileName.replace(/[^A-Za-z0-9._-]+/g, '_')}`, { byteOrderMark: false })
}
