import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'

/** `actionUrl` is where a form posts to this route: an index route's URL is its parent's too, so it takes `?index`. */
export type BuiltRoute = { id: string; url: string; actionUrl: string; hasLoader: boolean; hasAction: boolean; hasComponent: boolean }

/**
 * Every route of the server build, with a URL whose parameters are filled by `parameter`: one value
 * for all, or a value per parameter name (`id`, `token`, ...).
 */
export async function routesOfTheBuild(parameter: string | ((name: string) => string) = '00000000-0000-4000-8000-000000000000'): Promise<BuiltRoute[]> {
  const valueOf = typeof parameter === 'string' ? () => parameter : parameter
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const urlOf = (id: string): string => {
    const route = build.routes[id]!
    const own = (route.path ?? '').replace(/:([\w-]+)/g, (_match, name: string) => encodeURIComponent(valueOf(name)))
    const parent = route.parentId && route.parentId !== 'root' ? urlOf(route.parentId) : ''
    return `${parent}/${own}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
  }
  return Object.values(build.routes).map((route) => ({
    id: route.id,
    url: urlOf(route.id),
    actionUrl: route.index ? `${urlOf(route.id)}?index` : urlOf(route.id),
    hasLoader: Boolean(route.module.loader),
    hasAction: Boolean(route.module.action),
    hasComponent: Boolean(route.module.default),
  }))
}
