import type { RouteHandle } from '~/i18n/route-handle'

/**
 * The parent of every /industrial-return page (no view of its own: Remix renders the child in its
 * place). It only names the `industrial-return` messages, which the pages' shared navigation
 * (ReturnNav) and figures use, so the browser has them before hydrating whichever area's page it is.
 */
export const handle: RouteHandle = { i18n: 'industrial-return' }
