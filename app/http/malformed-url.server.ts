import type { NextFunction, Request, Response } from 'express'

/**
 * Refuses, before any route runs, an address that no page of ours could have produced: invalid
 * percent-encoding (which would make Remix throw while reading its parameters) or an encoded NUL
 * character (which PostgreSQL refuses in text, so a filter carrying one would fail as a 500).
 */
export function refuseMalformedUrl(req: Request, res: Response, next: NextFunction) {
  const problem = malformedUrlProblem(req.originalUrl)
  if (problem) {
    res.status(400).type('text/plain').send(`${problem} Nothing was done.`)
    return
  }
  next()
}

export function malformedUrlProblem(url: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '))
  } catch {
    return 'This address is not valid: it contains a broken %-escape.'
  }
  return decoded.includes('\u0000') ? 'This address is not valid: it contains a NUL character.' : null
}
