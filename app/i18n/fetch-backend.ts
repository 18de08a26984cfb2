import type { BackendModule, ReadCallback } from 'i18next'

/**
 * The browser's i18next backend: one GET of /locales/<language>/<namespace>?v=<version> per namespace
 * a page needs (app/routes/locales.$language.$namespace.ts). Ours rather than i18next-http-backend,
 * which brings a fetch ponyfill and XHR fallbacks that every browser we serve does not need:
 * 6 KB compressed on every page, against a JavaScript budget of 150 KB (issue 12).
 */
export function fetchBackend(version: string): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language: string, namespace: string, callback: ReadCallback) {
      fetch(`/locales/${encodeURIComponent(language)}/${encodeURIComponent(namespace)}?v=${encodeURIComponent(version)}`, { credentials: 'same-origin' })
        .then(async (response) => {
          if (!response.ok) throw new Error(`messages ${language}/${namespace}: HTTP ${response.status}`)
          callback(null, (await response.json()) as Record<string, unknown>)
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false))
    },
  }
}
