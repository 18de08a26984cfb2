import type { AppLoadContext } from '@remix-run/node'

// Remix hands one load context to the action and to every loader of one request, and makes a new one
// for each request (the Express adapter passes none, so the server runtime makes `{}`). Keyed by it,
// a mark lives exactly as long as the request that made it, and no other request can see it.
const decided = new WeakSet<AppLoadContext>()

/** The action decided: the page this request renders shows the action's answer, not the link. */
export function markDecidedInThisRequest(context: AppLoadContext) {
  decided.add(context)
}

/** Whether this request's action decided (a document POST then runs the page's loaders). */
export function decidedInThisRequest(context: AppLoadContext): boolean {
  return decided.has(context)
}
