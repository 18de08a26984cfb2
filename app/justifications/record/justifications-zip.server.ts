import { Zip, ZipPassThrough } from 'fflate'
import type { Database } from '~/db/client.server'
import type { Language } from '~/i18n/languages'
import { procurementListRows } from '../list-filters.server'
import type { ListQuery } from '../list-query'
import type { Viewer } from '../visibility.server'
import { justificationPdf } from './justification-pdf.server'

// Procurement's filtered list as one ZIP of signed records: one PDF per justification of the list
// (every page of it, in the list's order), written to the response as each PDF is drawn, each in the
// language of the officer who downloads it.

/** A PDF takes 0.1-0.6 s to draw (mostly embedding its fonts; ADR 021): past this many, narrow the filters. */
export const ZIP_LIMIT = 100

export type ZipResult = { ok: true; count: number; stream: ReadableStream<Uint8Array> } | { ok: false; count: number; limit: number }

export async function justificationsZip(db: Database, person: Viewer, query: ListQuery, now: Date, { language, limit = ZIP_LIMIT }: { language: Language; limit?: number }): Promise<ZipResult> {
  const { where, orderBy } = procurementListRows(person, query)
  const rows = await db.justification.findMany({ where, select: { id: true }, orderBy, take: limit + 1 })
  if (rows.length > limit) return { ok: false, count: await db.justification.count({ where }), limit }
  return { ok: true, count: rows.length, stream: zipOfRecords(db, person, rows.map((row) => row.id), now, language) }
}

/** The signed records of `ids`, in order, as a ZIP written while it is read. */
export function zipOfRecords(db: Database, person: Viewer, ids: string[], now: Date, language: Language): ReadableStream<Uint8Array> {
  let zip: Zip
  let next = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error)
        controller.enqueue(chunk)
        if (final) controller.close()
      })
    },
    // One PDF per pull: a slow client holds back the drawing instead of piling PDFs up in memory.
    // A pull must add a file or end the ZIP: the stream calls pull again only after an enqueue.
    async pull() {
      while (next < ids.length) {
        const record = await justificationPdf(db, person, ids[next++]!, now, language)
        // Visibility is read again for each; one that vanished meanwhile is left out.
        if (!record) continue
        const file = new ZipPassThrough(`${record.reference}.pdf`)
        file.mtime = now
        zip.add(file)
        file.push(new Uint8Array(record.pdf), true)
        return
      }
      zip.end()
    },
  })
}
