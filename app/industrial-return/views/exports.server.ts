/** CSV downloads of the industrial return. Amounts in CHF with a point and no grouping, so spreadsheets read them as numbers. */
import { csvDownload, toCsv } from '~/csv/write-csv'
import type { Database } from '~/db/client.server'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { CONTRACT_CSV_TEMPLATE } from '../ledger/contract-csv.ts'
import { CATEGORY_LABELS, translated } from './format.ts'
import { rejectionsOf } from '../ledger/import-jobs.server.ts'
import { SCALE_CSV_HEADER } from '../ledger/scale-csv.ts'
import { loadReturnInputs } from './return-inputs.server.ts'
import { hasWindowErrors, parseDashboardQuery } from './dashboard-query.ts'
import { buildDashboard } from './dashboard-view.ts'

// Without a byte-order mark, as these files have always been served: the templates are filled in
// and uploaded again, and the tables are read by scripts line by line.
const WITHOUT_BOM = { byteOrderMark: false }

const chf = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`

/**
 * The dashboard table's columns, named as app/csv/write-csv.ts says. Machine identifiers, in every
 * language (issue 14): the file goes to spreadsheets and to scripts that read it line by line, so a
 * French and an English download of the same table are the same file. Its values are codes as well
 * (MEMBER, SUPPLIES, VERY_POORLY; numbers with a point, no grouping), and the country name is the
 * country list's. The page says so beside the download link, in the reader's language; what is for
 * a person here is the refusal of a window that cannot be shown, written in the downloader's language.
 */
export const RETURN_TABLE_CSV_HEADER = [
  'country_iso2',
  'country',
  'membership',
  'category',
  'window',
  'contracts',
  'value_chf',
  'share_of_value_pct',
  'share_of_contributions_pct',
  'coefficient',
  'band',
  'previous_window',
  'previous_coefficient',
  'change',
] as const

/** Rejected rows of an import: the line of the uploaded file, its order number, and why. */
export const REJECTIONS_CSV_HEADER = ['line', 'order_number', 'reason'] as const

export async function returnTableCsv(db: Database, now: Date, params: URLSearchParams, language: Language = 'en'): Promise<Response> {
  const inputs = await loadReturnInputs(db, now)
  const query = parseDashboardQuery(params, inputs)
  // A download cannot show a message beside a field: it refuses with the words instead, in the reader's language.
  if (hasWindowErrors(query.windowErrors)) {
    const t = translatorFor(language, 'industrial-return')
    const words = [
      query.windowErrors.from && t('export.fieldError', { field: t('window.fromYear'), error: translated(t, query.windowErrors.from) }),
      query.windowErrors.to && t('export.fieldError', { field: t('window.toYear'), error: translated(t, query.windowErrors.to) }),
    ]
      .filter(Boolean)
      .join(' ')
    return new Response(`${t('export.refused')} ${words}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': language } })
  }
  const view = buildDashboard(inputs, query)
  const body = toCsv(
    RETURN_TABLE_CSV_HEADER,
    view.rows.map((row) => [
      row.countryCode,
      row.name,
      row.membership,
      view.query.category,
      view.windowLabel.replace('–', '-'),
      row.contractCount,
      chf(row.valueChfMinor),
      row.contractSharePercent.toFixed(4),
      row.membership === 'OTHER' ? '' : row.contributionSharePercent.toFixed(4),
      // Four decimals, on the same side of every band line as the exact value (coefficient-format.ts).
      row.coefficientPrecise ?? '',
      row.band ?? '',
      view.previousWindowLabel.replace('–', '-'),
      row.previousCoefficientPrecise ?? '',
      // A number, not text: the CSV writer guards text starting with "-" or "+" as a possible formula.
      row.changePrecise === null ? '' : Number(row.changePrecise),
    ]),
  )
  const name = `industrial-return-${CATEGORY_LABELS[view.query.category]}-${view.query.window.fromYear}-${view.query.window.toYear}.csv`
  return csvDownload(body, name, WITHOUT_BOM)
}

export async function rejectionsCsv(db: Database, jobId: string, fileName: string): Promise<Response> {
  const rows = await rejectionsOf(db, jobId)
  const body = toCsv(REJECTIONS_CSV_HEADER, rows.map((r) => [r.line, r.orderNumber, r.reason]))
  return csvDownload(body, `rejected-rows-${fileName.replace(/[^A-Za-z0-9._-]+/g, '_')}`, WITHOUT_BOM)
}

export const contractTemplateCsv = () => csvDownload(CONTRACT_CSV_TEMPLATE, 'contracts-template.csv', WITHOUT_BOM)
export const scaleTemplateCsv = () => csvDownload(`${SCALE_CSV_HEADER}\n2025,AT,Austria,2.10\n2025,BE,Belgium,2.70\n`, 'contribution-scale-template.csv', WITHOUT_BOM)
