import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { getSignedInPerson } from '~/auth/session.server'
import * as signOffRoute from '~/routes/sign-off.$token'

export const SIGN_OFF_ROUTE_ID = 'routes/sign-off.$token'

/**
 * Remix's own request handler (the server runtime the app runs, single fetch on) over the sign-off
 * route, without the compiler: the root route here loads what app/root.tsx's loader loads (the
 * signed-in person) and the document "render" answers the loaders' data as JSON instead of HTML.
 * What runs against the database per request is exactly what the app runs: the action, then the
 * loaders Remix calls (all of them after a document POST; those named in `_routes` for a `.data` GET).
 */
export function signOffRouteHandler(): (request: Request) => Promise<Response> {
  const build = {
    mode: 'production',
    basename: undefined,
    publicPath: '/build/',
    assetsBuildDirectory: 'build/public/build',
    isSpaMode: false,
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, context: { staticHandlerContext: { loaderData: unknown; actionData: unknown } }) =>
          new Response(JSON.stringify({ loaderData: context.staticHandlerContext.loaderData, actionData: context.staticHandlerContext.actionData }), { status, headers }),
      },
    },
    routes: {
      root: { id: 'root', path: '', module: { loader: async ({ request }: { request: Request }) => ({ person: (await getSignedInPerson(request))?.name ?? null }), default: () => null } },
      [SIGN_OFF_ROUTE_ID]: { id: SIGN_OFF_ROUTE_ID, parentId: 'root', path: 'sign-off/:token', module: signOffRoute },
    },
    assets: { url: '/build/manifest.js', version: 'test', entry: { module: '/build/entry.js', imports: [] }, routes: {} },
  } as unknown as ServerBuild
  const handle = createRequestHandler(build, 'production')
  return (request) => handle(request)
}
