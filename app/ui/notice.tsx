import type { ReactNode } from 'react'

/**
 * The tones a banner can take; each maps to one `.notice` modifier class in styles.css, so a page
 * never spells the class by hand (info is the plain blue banner).
 */
export type NoticeTone = 'info' | 'success' | 'warning' | 'error'

const toneClass: Record<NoticeTone, string> = {
  info: 'notice',
  success: 'notice ok',
  warning: 'notice warn',
  error: 'notice danger',
}

/**
 * A banner above or inside a page's content. `role` is the caller's choice, because it decides
 * what screen readers announce: `status` for news that can wait (saved, sent), `alert` for a
 * refusal the person must read now, none for standing advice. With a `title`, `items` or
 * `paragraphs` the banner is a `<div>` (a lead line, then a list, then one `<p>` per paragraph),
 * otherwise a single `<p>` unless `as="div"` asks for a block that holds other blocks.
 */
export function Notice({
  as,
  tone = 'info',
  role,
  id,
  live,
  title,
  items,
  paragraphs,
  children,
}: {
  as?: 'p' | 'div'
  tone?: NoticeTone
  role?: 'status' | 'alert'
  id?: string
  /** For a banner rewritten as the person types (aria-live), not announced on its first render. */
  live?: 'polite'
  title?: ReactNode
  items?: readonly string[]
  /** Several messages of equal weight (a form's errors), each its own paragraph. */
  paragraphs?: readonly string[]
  children?: ReactNode
}) {
  const className = toneClass[tone]
  if (as !== 'div' && title === undefined && items === undefined && paragraphs === undefined) {
    return (
      <p className={className} role={role} id={id} aria-live={live}>
        {children}
      </p>
    )
  }
  return (
    <div className={className} role={role} id={id} aria-live={live}>
      {title !== undefined ? <p>{title}</p> : null}
      {items?.length ? (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      {paragraphs?.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {children}
    </div>
  )
}

/**
 * A page that is only a message: a narrow card with its heading (not found, link expired, thank
 * you). `role` as for Notice: `alert` when the page refuses, `status` when it confirms.
 */
export function MessageCard({ title, role, children }: { title: ReactNode; role?: 'status' | 'alert'; children?: ReactNode }) {
  return (
    <div className="card narrow" role={role}>
      <h1>{title}</h1>
      {children}
    </div>
  )
}
