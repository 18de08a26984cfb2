import { useDumpedNewPgliteCluster } from './pglite-new-cluster'

/** Before any suite (vitest and Playwright alike): every embedded PostgreSQL starts from a dumped new cluster. */
export default async function globalSetup() {
  await useDumpedNewPgliteCluster()
}
