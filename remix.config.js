/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  // Everything built lives under build/: no public/ folder at the top level.
  assetsBuildDirectory: 'build/public/build',
  publicPath: '/build/',
  serverBuildPath: 'build/index.js',
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    // v3_routeConfig needs the Vite compiler (Remix asserts a Vite context); the classic compiler
    // uses the same flat-routes convention from app/routes/, so nothing is lost until a move to Vite.
    v3_routeConfig: false,
  },
}
