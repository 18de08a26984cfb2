import { flatRoutes } from '@remix-run/fs-routes'
import type { RouteConfig } from '@remix-run/route-config'

// File-system routes from app/routes/ (flat routes convention), declared through the v3 route config.
export default flatRoutes() satisfies RouteConfig
