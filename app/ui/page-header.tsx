import type { ReactNode } from 'react'

/**
 * The top of a page: an optional way back, the one h1, then an optional lead paragraph and a
 * paragraph of actions (links or buttons). Fragments only, so the page's layout stays as it was.
 */
export function PageHeader({ title, id, back, lead, actions }: { title: ReactNode; id?: string; back?: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <>
      {back ? <p>{back}</p> : null}
      <h1 id={id}>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      {actions ? <p>{actions}</p> : null}
    </>
  )
}
