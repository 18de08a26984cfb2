import { renderMarkup as renderToStaticMarkup } from '../../tests/support/render-markup'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, test } from 'vitest'
import { DefinitionList } from './definition-list'
import { FormErrors } from './field'
import { MessageCard, Notice } from './notice'
import { PageHeader } from './page-header'
import { Pager, SortableTable, sortLinksByKey, type SortLink } from './sortable-table'
import { UploadField } from './upload-field'

// The kit's markup is what the journeys assert (roles, names, aria-sort): these pin it down.

describe('Notice', () => {
  test('a tone is a class, the role is the caller’s, a plain message is one paragraph', () => {
    expect(renderToStaticMarkup(<Notice tone="success" role="status">Saved.</Notice>)).toBe('<p class="notice ok" role="status">Saved.</p>')
    expect(renderToStaticMarkup(<Notice tone="error">Possible split purchase.</Notice>)).toBe('<p class="notice danger">Possible split purchase.</p>')
    expect(renderToStaticMarkup(<Notice>Advice.</Notice>)).toBe('<p class="notice">Advice.</p>')
  })

  test('with a title and items it is a block: the lead line, then the list', () => {
    expect(renderToStaticMarkup(<Notice tone="error" role="alert" title="Nothing was saved:" items={['One.', 'Two.']} />)).toBe(
      '<div class="notice danger" role="alert"><p>Nothing was saved:</p><ul><li>One.</li><li>Two.</li></ul></div>',
    )
  })

  test('with paragraphs it is a block of one paragraph per message; FormErrors can ask for that', () => {
    expect(renderToStaticMarkup(<Notice tone="error" role="alert" id="f-error" paragraphs={['One.', 'Two.']} />)).toBe(
      '<div class="notice danger" role="alert" id="f-error"><p>One.</p><p>Two.</p></div>',
    )
    expect(renderToStaticMarkup(<FormErrors id="f-error" errors={['One.', 'Two.']} separately />)).toBe(
      '<div class="notice danger" role="alert" id="f-error"><p>One.</p><p>Two.</p></div>',
    )
    expect(renderToStaticMarkup(<FormErrors id="f-error" errors={['One.', 'Two.']} />)).toBe('<div class="notice danger" role="alert" id="f-error">One. Two.</div>')
    expect(renderToStaticMarkup(<FormErrors id="f-error" errors={[]} separately />)).toBe('')
  })

  test('a message page is a narrow card with its heading', () => {
    expect(renderToStaticMarkup(<MessageCard title="Check your inbox" role="status"><p>Sent.</p></MessageCard>)).toBe(
      '<div class="card narrow" role="status"><h1>Check your inbox</h1><p>Sent.</p></div>',
    )
  })
})

describe('SortableTable', () => {
  const links: SortLink[] = [
    { key: 'reference', label: 'Reference', href: '?sort=reference&dir=desc', ariaSort: 'ascending', numeric: false },
    { key: 'amount', label: 'Amount', href: '?sort=amount', numeric: true },
  ]
  const sort = sortLinksByKey(links)

  test('sort links in the header, aria-sort on the current sort, numeric columns right-aligned', () => {
    const html = renderToStaticMarkup(
      <SortableTable
        caption="Two rows"
        columns={[
          { header: sort('reference'), cell: (row: { id: string; amount: string }) => row.id },
          { header: sort('amount'), cell: (row) => row.amount },
          { header: 'Fixed', sorted: 'descending', cell: () => '—' },
        ]}
        rows={[{ id: 'A-1', amount: '10' }]}
        rowKey={(row) => row.id}
      />,
    )
    expect(html).toContain('<caption class="visually-hidden">Two rows</caption>')
    expect(html).toContain('<th scope="col" aria-sort="ascending" class="sortable"><a href="?sort=reference&amp;dir=desc">Reference<span aria-hidden="true"> ▲</span><span class="visually-hidden">, sorted ascending; click to reverse</span></a></th>')
    expect(html).toContain('<th scope="col" class="sortable number"><a href="?sort=amount">Amount<span aria-hidden="true"></span><span class="visually-hidden">, click to sort</span></a></th>')
    expect(html).toContain('<th scope="col" aria-sort="descending">Fixed</th>')
    // Stacked on a phone: each value after its column's name.
    expect(html).toContain('<table class="stack has-sort">')
    expect(html).toContain('<tr><td data-label="Reference"><div>A-1</div></td><td class="number" data-label="Amount"><div>10</div></td><td data-label="Fixed"><div>—</div></td></tr>')
  })

  test('client navigation: a Remix link that keeps the scroll, label and arrow as its text; a visible caption', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <SortableTable
          caption="By country"
          captionVisible
          sortNavigation="client"
          columns={[{ header: sort('reference'), cell: (row: { id: string }) => row.id }, { header: sort('amount'), cell: () => '1' }]}
          rows={[{ id: 'A-1' }]}
          rowKey={(row) => row.id}
        />
      </MemoryRouter>,
    )
    expect(html).toContain('<caption>By country</caption>')
    expect(html).toMatch(/<th scope="col" aria-sort="ascending" class="sortable"><a [^>]*href="\/\?sort=reference&amp;dir=desc"[^>]*>Reference ▲<\/a><\/th>/)
    expect(html).toMatch(/<th scope="col" class="sortable number"><a [^>]*href="\/\?sort=amount"[^>]*>Amount<\/a><\/th>/)
  })

  test('many columns stack below tablet width; a plain or unlabelled header gives its cells a label or none', () => {
    const cells = Array.from({ length: 6 }, (_, index) => ({ header: index === 5 ? '' : `Column ${index}`, cell: () => String(index) }))
    const html = renderToStaticMarkup(<SortableTable columns={[...cells, { header: <em>Styled</em>, label: 'Styled', cell: () => 's' }]} rows={[{ id: 'r' }]} rowKey={(row) => row.id} />)
    expect(html).toContain('<table class="stack-wide">')
    expect(html).toContain('<td data-label="Column 4"><div>4</div></td><td><div>5</div></td><td data-label="Styled"><div>s</div></td>')
  })

  test('a scrolling table: a focusable region named by the caption, cells as they are', () => {
    const html = renderToStaticMarkup(
      <SortableTable layout="scroll" caption="Figures" columns={[{ header: 'Country', rowHeader: true, cell: () => 'France' }, { header: 'Value', numeric: true, cell: () => '1' }]} rows={[{ id: 'r' }]} rowKey={(row) => row.id} />,
    )
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1]
    expect(captionId).toBeTruthy()
    expect(html.startsWith(`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table>`)).toBe(true)
    expect(html).toContain('<tr><th scope="row">France</th><td class="number" data-label="Value">1</td></tr>')
  })

  test('a column the loader did not offer fails loudly', () => {
    expect(() => sort('supplier')).toThrow('No sort link for the column "supplier".')
  })

  test('the pager shows only when there is more than one page', () => {
    expect(renderToStaticMarkup(<Pager pagination={{ page: 1, pageCount: 1, total: 3, previousHref: null, nextHref: null }} counted={(total) => `${total} justifications`} />)).toBe('')
    const html = renderToStaticMarkup(<Pager pagination={{ page: 2, pageCount: 3, total: 55, previousHref: '?page=1', nextHref: '?page=3' }} counted={(total) => `${total} justifications`} />)
    expect(html).toContain('<nav aria-label="Pages"')
    expect(html).toContain('<span>Page 2 of 3 (55 justifications)</span>')
    expect(html).toContain('<a href="?page=1">← Previous page</a>')
  })
})

test('DefinitionList leaves out the facts that do not apply and keeps typed line breaks', () => {
  expect(renderToStaticMarkup(<DefinitionList facts={[{ term: 'Supplier', details: 'Acme' }, null, { term: 'What is bought', details: 'a\nb', preWrap: true }]} />)).toBe(
    '<dl class="facts"><dt>Supplier</dt><dd>Acme</dd><dt>What is bought</dt><dd style="white-space:pre-wrap">a\nb</dd></dl>',
  )
})

test('DefinitionList adds a className after facts', () => {
  expect(renderToStaticMarkup(<DefinitionList className="card" facts={[{ term: 'To', details: 'a@example.org' }]} />)).toBe(
    '<dl class="facts card"><dt>To</dt><dd>a@example.org</dd></dl>',
  )
})

test('PageHeader renders the way back, the h1 and the lead, without a wrapper', () => {
  expect(renderToStaticMarkup(<PageHeader back={<a href="/">Back</a>} title="Edit X" lead="Lead." />)).toBe('<p><a href="/">Back</a></p><h1>Edit X</h1><p>Lead.</p>')
})

test('UploadField: a labelled CSV file input, its hint and limits linked by aria-describedby', () => {
  expect(renderToStaticMarkup(<UploadField label="CSV file" hint="With the header below." limits={{ rows: 50000 }} />)).toBe(
    '<div class="field"><label for="file">CSV file</label><p class="hint" id="file-description">With the header below. Up to 50’000 rows.</p><input id="file" aria-describedby="file-description" name="file" type="file" accept=".csv,text/csv" required=""/></div>',
  )
  expect(renderToStaticMarkup(<UploadField id="scale-file" label="CSV file" />)).toBe(
    '<div class="field"><label for="scale-file">CSV file</label><input id="scale-file" name="file" type="file" accept=".csv,text/csv" required=""/></div>',
  )
})
