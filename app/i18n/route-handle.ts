import type { UIMatch } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { DEFAULT_NAMESPACE, isNamespace, type Namespace } from './namespaces'

/**
 * What a route module exports as `handle`: the message files its page needs (remix-i18next reads
 * `i18n` to load them in the browser before hydrating) and its document title, written with the
 * page's messages and data. The root layout renders the title of the deepest route that has one,
 * followed by " · SoleSource", in the reader's language (no `meta` export needed).
 */
export type RouteHandle = {
  i18n?: Namespace | readonly Namespace[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a route types its own data
  title?: (t: TFunction<Namespace[]>, data: any) => string
}

/** Every namespace the matched routes need, `common` first. */
export function namespacesOf(matches: readonly UIMatch[]): Namespace[] {
  const namespaces = new Set<Namespace>([DEFAULT_NAMESPACE])
  for (const match of matches) {
    const wanted = (match.handle as RouteHandle | undefined)?.i18n
    for (const namespace of typeof wanted === 'string' ? [wanted] : (wanted ?? [])) if (isNamespace(namespace)) namespaces.add(namespace)
  }
  return [...namespaces]
}

/** The title of the deepest matched route that names one, or null. */
export function routeTitleOf(matches: readonly UIMatch[], t: TFunction<Namespace[]>): string | null {
  for (const match of [...matches].reverse()) {
    const title = (match.handle as RouteHandle | undefined)?.title
    if (title) return title(t, match.data)
  }
  return null
}
