import { useTranslation } from 'react-i18next'
import { Link } from '@remix-run/react'
import { useId, type ReactNode } from 'react'

/**
 * A column header the loader made sortable: its label, the link that sorts by it (or reverses the
 * order when it is the current sort) and, on the current sort, the direction for aria-sort.
 * The server builds these (justifications/list-links.ts `sortableColumns`): links work without
 * JavaScript, and the page keeps its filters and resets to page 1 when re-sorted.
 */
export type SortLink = {
  key: string
  label: string
  href: string
  ariaSort?: 'ascending' | 'descending' | undefined
  numeric: boolean
}

/** The sort links by key, failing loudly when a page names a column its loader did not offer. */
export function sortLinksByKey(links: readonly SortLink[]) {
  return (key: string): SortLink => {
    const link = links.find((candidate) => candidate.key === key)
    if (!link) throw new Error(`No sort link for the column "${key}".`)
    return link
  }
}

export type TableColumn<Row> = {
  /** A plain header, or a sort link (its label is the header). */
  header: ReactNode | SortLink
  /** Right-aligned, tabular figures (header and cells). A sort link says so itself. */
  numeric?: boolean
  /** For a table in a fixed order that cannot be re-sorted: the order, announced by aria-sort. */
  sorted?: 'ascending' | 'descending'
  /** The cell is the row's header (`<th scope="row">`). */
  rowHeader?: boolean
  /** What the column is called beside each value when rows are stacked, for a header that is not plain text. */
  label?: string
  cell: (row: Row) => ReactNode
}

/**
 * How a table adapts to a narrow screen (ADR 023). `stack`: below 40rem each row is a card, each
 * value beside its column's name, the sort links a bar above. `stack-wide`: the same below 64rem
 * too, for tables of many columns. `scroll`: the table keeps its columns and scrolls in a container
 * of its own with the first column kept in view (figures compared across a row). By default a table
 * of six columns or more is `stack-wide`, any other `stack`.
 */
export type TableLayout = 'stack' | 'stack-wide' | 'scroll'

const WIDE_FROM_COLUMNS = 6

function isSortLink(header: unknown): header is SortLink {
  return typeof header === 'object' && header !== null && 'href' in header && 'label' in header
}

/**
 * How a sort link navigates: `document` is a plain link (works without JavaScript, the list pages);
 * `client` is a Remix `<Link preventScrollReset>` for a table the page re-sorts in place (the
 * dashboard), whose visible caption already says the order, so its link reads just label and arrow.
 */
export type SortNavigation = 'document' | 'client'

/**
 * A data table from column definitions: the caption (hidden, read by screen readers, unless
 * `captionVisible`), one header row (sort links where the loader offers them) and one row per item.
 */
export function SortableTable<Row>({
  caption,
  captionVisible,
  columns,
  rows,
  rowKey,
  className,
  sortNavigation = 'document',
  layout,
}: {
  caption?: ReactNode
  captionVisible?: boolean
  columns: readonly TableColumn<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  className?: string
  sortNavigation?: SortNavigation
  layout?: TableLayout
}) {
  const captionId = useId()
  const numeric = (column: TableColumn<Row>) => column.numeric ?? (isSortLink(column.header) && column.header.numeric)
  const adapts = layout ?? (columns.length >= WIDE_FROM_COLUMNS ? 'stack-wide' : 'stack')
  const sortable = columns.some((column) => isSortLink(column.header))
  const classes = [adapts === 'scroll' ? null : adapts, adapts !== 'scroll' && sortable ? 'has-sort' : null, className].filter(Boolean).join(' ')
  const table = (
    <table className={classes || undefined}>
      {caption ? (
        <caption id={adapts === 'scroll' ? captionId : undefined} className={captionVisible ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
      ) : null}
      <thead>
        <tr>
          {columns.map((column, index) =>
            isSortLink(column.header) ? (
              <SortHeader key={index} column={column.header} navigation={sortNavigation} />
            ) : (
              <th key={index} scope="col" aria-sort={column.sorted} className={numeric(column) ? 'number' : undefined}>
                {column.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => {
              const className = numeric(column) ? 'number' : undefined
              return column.rowHeader ? (
                <th key={index} scope="row" className={className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={className} data-label={labelOf(column) || undefined}>
                  {adapts === 'scroll' ? column.cell(row) : <div>{column.cell(row)}</div>}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return adapts === 'scroll' ? <ScrollingTable labelledBy={caption ? captionId : undefined}>{table}</ScrollingTable> : table
}

/** The name a stacked cell shows before its value: the header's text. */
function labelOf<Row>(column: TableColumn<Row>): string {
  if (column.label !== undefined) return column.label
  if (isSortLink(column.header)) return column.header.label
  return typeof column.header === 'string' || typeof column.header === 'number' ? String(column.header) : ''
}

/**
 * A wide table's own scrolling container: a named region that takes the keyboard focus, so that it
 * can be scrolled without a pointer; its first column stays in view (styles.css `.table-scroll`).
 */
export function ScrollingTable({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} tabIndex={0}>
      {children}
    </div>
  )
}

/** A header that sorts by its column: the arrow is for the eye, the hidden text for screen readers. */
export function SortHeader({ column, navigation = 'document' }: { column: SortLink; navigation?: SortNavigation }) {
  const { t } = useTranslation()
  const arrow = column.ariaSort === 'ascending' ? ' ▲' : column.ariaSort === 'descending' ? ' ▼' : ''
  return (
    <th scope="col" aria-sort={column.ariaSort} className={column.numeric ? 'sortable number' : 'sortable'}>
      {navigation === 'client' ? (
        <Link to={column.href} preventScrollReset>
          {column.label}
          {arrow}
        </Link>
      ) : (
        <a href={column.href}>
          {column.label}
          <span aria-hidden="true">{arrow}</span>
          <span className="visually-hidden">{column.ariaSort === 'ascending' ? t('table.sortedAscending') : column.ariaSort === 'descending' ? t('table.sortedDescending') : t('table.clickToSort')}</span>
        </a>
      )}
    </th>
  )
}

/** Where a paged list stands, with the links the loader built (null at either end). */
export type Pagination = {
  page: number
  pageCount: number
  total: number
  previousHref: string | null
  nextHref: string | null
}

/** Previous and next page links under a list; nothing when it fits on one page. `counted` says the total in words ("42 justifications"). */
export function Pager({ pagination, counted }: { pagination: Pagination; counted: (total: number) => string }) {
  const { t } = useTranslation()
  if (pagination.pageCount <= 1) return null
  return (
    <nav aria-label={t('table.pages')} className="row pager" style={{ marginTop: '1rem' }}>
      <span>{pagination.previousHref ? <a href={pagination.previousHref}>{t('table.previousPage')}</a> : null}</span>
      <span>
        {t('table.pageOf', { page: pagination.page, pageCount: pagination.pageCount })} ({counted(pagination.total)})
      </span>
      <span>{pagination.nextHref ? <a href={pagination.nextHref}>{t('table.nextPage')}</a> : null}</span>
    </nav>
  )
}
