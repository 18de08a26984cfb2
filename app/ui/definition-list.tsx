import type { ReactNode } from 'react'

/** One term and its details; `preWrap` keeps the line breaks of text a person typed. */
export type Fact = { term: string; details: ReactNode; preWrap?: boolean }

/**
 * The facts of a record as a `<dl class="facts">` (term beside details). Facts that do not apply
 * are passed as `null` or `false`, so a page lists them in order without a conditional per pair.
 * `className` adds classes after `facts` (e.g. `card` for a list that stands as its own card).
 */
export function DefinitionList({ facts, className }: { facts: readonly (Fact | null | false | undefined)[]; className?: string }) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'}>
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
