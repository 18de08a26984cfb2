import { FILTER_NAMES, FIRST_DIRECTION, PAGE_SIZE, type ListQuery, type SortKey } from './list-query'

// Links for sortable column headers and pages, computed on the server so the pages stay thin. Client-safe.

export type SortableColumn = { key: SortKey; label: string; href: string; ariaSort: 'ascending' | 'descending' | undefined; numeric: boolean }

export function sortableColumns(params: URLSearchParams, query: Pick<ListQuery, 'sort' | 'dir'>, columns: { key: SortKey; label: string }[]): SortableColumn[] {
  return columns.map(({ key, label }) => {
    const next = new URLSearchParams(params)
    next.delete('page')
    next.set('sort', key)
    const active = query.sort === key
    next.set('dir', active ? (query.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key])
    return {
      key,
      label,
      href: `?${next.toString()}`,
      ariaSort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined,
      numeric: key === 'amount',
    }
  })
}

export type Pagination = { page: number; pageCount: number; total: number; previousHref: string | null; nextHref: string | null }

export function pagination(params: URLSearchParams, page: number, total: number): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const href = (target: number) => {
    const next = new URLSearchParams(params)
    if (target === 1) next.delete('page')
    else next.set('page', String(target))
    return `?${next.toString()}`
  }
  return {
    page,
    pageCount,
    total,
    previousHref: page > 1 ? href(Math.min(page - 1, pageCount)) : null,
    nextHref: page < pageCount ? href(page + 1) : null,
  }
}

/** The query string of the filters alone (no sort or page): for the CSV link, "clear sort", … */
export function filterQueryString(params: URLSearchParams, { keepSort = false } = {}): string {
  const next = new URLSearchParams()
  for (const [name, value] of params) {
    if (value === '') continue
    if ((FILTER_NAMES as readonly string[]).includes(name) || (keepSort && (name === 'sort' || name === 'dir'))) next.append(name, value)
  }
  const text = next.toString()
  return text ? `?${text}` : ''
}
