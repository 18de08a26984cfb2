import { isRouteErrorResponse } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import { isRestricted, sectionOf } from './site-sections'
import { MessageCard } from './notice'

/**
 * The page a person sees when a request cannot be answered: a title that says what happened (also
 * the document's <title>), a sentence in words, and a way back to where they were. Client-safe:
 * the root ErrorBoundary renders it on the server and in the browser.
 */

/**
 * What a loader or action throws to explain a refusal: `throw pageError(404, { title, message }, request)`.
 * Title, message and backLabel are messages (app/i18n/message.ts), translated on the error page in
 * its reader's language; plain text is shown as it is.
 */
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
  400: { title: 'common:errorPage.badRequest.title', message: 'common:errorPage.badRequest.message' },
  403: { title: 'common:errorPage.forbidden.title', message: 'common:errorPage.forbidden.message' },
  404: { title: 'common:errorPage.notFound.title', message: 'common:errorPage.notFound.message' },
  405: { title: 'common:errorPage.methodNotAllowed.title', message: 'common:errorPage.methodNotAllowed.message' },
  409: { title: 'common:errorPage.conflict.title', message: 'common:errorPage.conflict.message' },
}
const UNEXPECTED = { title: 'common:errorPage.unexpected.title', message: 'common:errorPage.unexpected.message' }

type Explained = { status: number | null; title: string; message: string; back?: string; backLabel?: string }

const isProblem = (data: unknown): data is PageProblem =>
  typeof data === 'object' && data !== null && typeof (data as PageProblem).title === 'string' && typeof (data as PageProblem).message === 'string'

/** What to say about an error thrown to a boundary: its own words if it brought them, else the status's. */
export function explainError(error: unknown): Explained {
  if (!isRouteErrorResponse(error)) return { status: null, ...UNEXPECTED }
  const fallback = DEFAULTS[error.status] ?? { title: message('common:errorPage.otherStatus', { status: error.status }), message: UNEXPECTED.message }
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

/** The document title of an error page (the layout adds " · SoleSource"). */
export function errorPageTitle(error: unknown, t: TFunction): string {
  return translateMessage(t, explainError(error).title)
}

/**
 * The ways back, most specific first: the page the person came from (when the refusal brought it),
 * the section the address belongs to (unless that section itself was refused, or is where they
 * are), and always the home page.
 */
export function waysBack(pathname: string, explained: Pick<Explained, 'status' | 'back' | 'backLabel'>, t: TFunction): { href: string; label: string }[] {
  const ways: { href: string; label: string }[] = []
  if (explained.back) ways.push({ href: explained.back, label: explained.backLabel ? translateMessage(t, explained.backLabel) : t('errorPage.backToPrevious') })
  const section = sectionOf(pathname)
  if (section && section.href !== pathname && section.href !== explained.back && !(explained.status === 403 && isRestricted(section))) {
    ways.push({ href: section.href, label: t('errorPage.backToSection', { section: t(section.label) }) })
  }
  ways.push({ href: '/', label: t('errorPage.home') })
  return ways
}

export function ErrorPage({ error, pathname }: { error: unknown; pathname: string }) {
  const { t } = useTranslation()
  const explained = explainError(error)
  return (
    <MessageCard title={translateMessage(t, explained.title)} role="alert">
      <p>{translateMessage(t, explained.message)}</p>
      {explained.status ? <p className="hint">{t('errorPage.status', { status: explained.status })}</p> : null}
      <ul className="error-page-links">
        {waysBack(pathname, explained, t).map((way) => (
          <li key={way.href}>
            <a href={way.href}>{way.label}</a>
          </li>
        ))}
      </ul>
    </MessageCard>
  )
}
