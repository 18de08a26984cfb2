import { describe, expect, it } from 'vitest'
import { csvDownload, toCsv } from './write-csv'

describe('csvDownload', () => {
  it('starts the body with a byte-order mark unless told not to, and serves it as an attachment', async () => {
    const body = toCsv(['a'], [['é']])
    const withMark = csvDownload(body, 'list 1.csv')
    // Response.text() would drop the mark while decoding: compare the bytes.
    const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer())
    expect(await bytes(withMark)).toEqual(new TextEncoder().encode('\uFEFFa\r\né\r\n'))
    expect(withMark.headers.get('Content-Disposition')).toBe(`attachment; filename="list_1.csv"; filename*=UTF-8''list%201.csv`)
    expect(withMark.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present')
    expect(withMark.headers.get('Cache-Control')).toBe('private, no-store')
    expect(await bytes(csvDownload(body, 'table.csv', { byteOrderMark: false }))).toEqual(new TextEncoder().encode('a\r\né\r\n'))
  })
})
