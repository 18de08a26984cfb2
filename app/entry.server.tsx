import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { getSignedInPerson } from './auth/session.server'
import { i18nFor, languageOfRequest } from './i18n/i18n.server'
import { isLanguage } from './i18n/languages'

const ABORT_DELAY = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Bots (and mail scanners) get the whole page at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  // The language the root loader chose (it knows who is signed in). When the root loader did not run
  // (an action threw, so Remix renders the error page without loaders) or itself failed, the same
  // choice made here: the signed-in person's preference, else the browser's. A failing session read
  // must not keep the error page from rendering.
  const chosen: unknown = (remixContext.staticHandlerContext.loaderData.root as { language?: unknown } | undefined)?.language
  const language = isLanguage(chosen) ? chosen : await languageOfRequest(request, await getSignedInPerson(request).catch(() => null))
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18nFor(language)}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          responseHeaders.set('Content-Language', language)
          responseHeaders.set('X-Content-Type-Options', 'nosniff')
          responseHeaders.set('Referrer-Policy', 'same-origin')
          responseHeaders.set('X-Frame-Options', 'DENY')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
