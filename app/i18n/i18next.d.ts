import 'i18next'
import type { englishCatalogue } from './catalogues.server'

// Keys are typed from the English catalogue: a key that does not exist fails `tsc`, and the
// completeness test (catalogues.test.ts) makes sure French has every one of them.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof englishCatalogue
  }
}
