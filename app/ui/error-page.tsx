import { isRouteErrorResponse } from '@remix-run/react'
import { isRestricted, sectionOf } from './site-sections'
import { MessageCard } from './notice'

/**
 * The page a person sees when a request cannot be answered: a title that says what happened (also
 * the document's <title>), a sentence in words, and a way back to where they were. Client-safe:
 * the root ErrorBoundary renders it on the server and in the browser.
 */

/** What a loader or action throws to explain a refusal: `throw pageError(404, { title, message }, request)`. */
export type PageProblem = {
  title: string
  message: string
  /** A same-origin path to go back to: given by the route, or else the Referer's. */
  back?: string
  /** How the link back reads, when the route names the page ("Back to SSJ-2026-00042"). */
  backLabel?: string
}

/**
 * A thrown Response that the error page reads as a title and a message (JSON, so the root
 * ErrorBoundary finds them in `error.data`). With the request, a same-origin Referer becomes the
 * "back" link; one from another site is dropped, so the page never links off-site.
 */
export function pageError(status: 400 | 403 | 404 | 409 | 410, problem: PageProblem, request?: Request): Response {
  const back = problem.back ?? (request ? sameOriginReferrer(request) : undefined)
  return new Response(JSON.stringify({ ...problem, ...(back ? { back } : {}) }), {
    status,
    statusText: STATUS_TEXT[status],
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone' }

/** The Referer's path if it is on this site and not the page itself, else nothing. */
export function sameOriginReferrer(request: Request): string | undefined {
  const referer = request.headers.get('referer')
  if (!referer) return undefined
  try {
    const here = new URL(request.url)
    const there = new URL(referer, here)
    if (there.origin !== here.origin || there.pathname === here.pathname) return undefined
    return `${there.pathname}${there.search}`
  } catch {
    return undefined
  }
}

const DEFAULTS: Record<number, { title: string; message: string }> = {
  400: { title: 'This request could not be read', message: 'Something in the address or the form was not understood. Go back and try again.' },
  403: { title: 'You are not allowed to see this page', message: 'Your account does not give access to it. If you think it should, ask an administrator.' },
  404: { title: 'Page not found', message: 'There is no page at this address. The link may be mistyped or out of date.' },
  405: { title: 'This page cannot do that', message: 'The page does not accept this kind of request.' },
  409: { title: 'This changed in the meantime', message: 'Someone changed it after you opened it. Reload the page to see it as it is now.' },
}
const UNEXPECTED = { title: 'Something went wrong', message: 'The problem was logged. Nothing you entered was saved half-way; please try again.' }

type Explained = { status: number | null; title: string; message: string; back?: string; backLabel?: string }

const isProblem = (data: unknown): data is PageProblem =>
  typeof data === 'object' && data !== null && typeof (data as PageProblem).title === 'string' && typeof (data as PageProblem).message === 'string'

/** What to say about an error thrown to a boundary: its own words if it brought them, else the status's. */
export function explainError(error: unknown): Explained {
  if (!isRouteErrorResponse(error)) return { status: null, ...UNEXPECTED }
  const fallback = DEFAULTS[error.status] ?? { title: `Error ${error.status}`, message: error.statusText || UNEXPECTED.message }
  if (isProblem(error.data)) {
    const back = typeof error.data.back === 'string' && error.data.back.startsWith('/') && !error.data.back.startsWith('//') ? error.data.back : undefined
    const backLabel = back && typeof error.data.backLabel === 'string' ? error.data.backLabel : undefined
    return { status: error.status, title: error.data.title, message: error.data.message, back, backLabel }
  }
  // A plain-text body is a sentence a route wrote ("This import does not exist."); anything else
  // (the router's own "No route matches URL ..." error) is not for people.
  if (typeof error.data === 'string' && error.data.trim() && !error.data.startsWith('Error: ')) return { status: error.status, title: fallback.title, message: error.data }
  return { status: error.status, ...fallback }
}

/** The document title of an error page. */
export function errorPageTitle(error: unknown): string {
  return `${explainError(error).title} · SoleSource`
}

/**
 * The ways back, most specific first: the page the person came from (when the refusal brought it),
 * the section the address belongs to (unless that section itself was refused, or is where they
 * are), and always the home page.
 */
export function waysBack(pathname: string, explained: Pick<Explained, 'status' | 'back' | 'backLabel'>): { href: string; label: string }[] {
  const ways: { href: string; label: string }[] = []
  if (explained.back) ways.push({ href: explained.back, label: explained.backLabel ?? 'Back to the previous page' })
  const section = sectionOf(pathname)
  if (section && section.href !== pathname && section.href !== explained.back && !(explained.status === 403 && isRestricted(section))) ways.push({ href: section.href, label: `Back to ${section.label}` })
  ways.push({ href: '/', label: 'Home page' })
  return ways
}

export function ErrorPage({ error, pathname }: { error: unknown; pathname: string }) {
  const explained = explainError(error)
  return (
    <MessageCard title={explained.title} role="alert">
      <p>{explained.message}</p>
      {explained.status ? <p className="hint">Error {explained.status}</p> : null}
      <ul className="error-page-links">
        {waysBack(pathname, explained).map((way) => (
          <li key={way.href}>
            <a href={way.href}>{way.label}</a>
          </li>
        ))}
      </ul>
    </MessageCard>
  )
}
