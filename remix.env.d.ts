/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import '@remix-run/node'

// Single fetch (a v3 future flag, on in remix.config.js): loader data types as single fetch sends them.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}
