import type { ReactNode } from 'react'

/** One term and its details; `preWrap` keeps the line breaks of text a person typed. */
export type Fact = { term: string; details: ReactNode; preWrap?: boolean }

/**
 * The facts of a record as a `<dl class="facts">` (term beside details). Facts that do not apply
 * are passed as `null` or `false`, so a page lists them in order without a conditional per pair.
 */
export function DefinitionList({ facts }: { facts: readonly (Fact | null | false | undefined)[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) =>
        fact ? (
          <Pair key={fact.term} {...fact} />
        ) : null,
      )}
    </dl>
  )
}

function Pair({ term, details, preWrap }: Fact) {
  return (
    <>
      <dt>{term}</dt>
      <dd style={preWrap ? { whiteSpace: 'pre-wrap' } : undefined}>{details}</dd>
    </>
  )
}
