import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/**
 * Makes (once per machine and PGlite version) the dump of a new, empty PGlite cluster, and names it
 * in PGLITE_NEW_CLUSTER_FROM for every embedded PostgreSQL the suites start from now on: a new data
 * directory then starts from those files in about a second instead of running initdb in WebAssembly
 * (5 to 14 seconds on these machines, about a hundred times per CI run). See
 * app/db/embedded-postgres-process.mjs. The quick-start journey leaves it out: initdb still runs there.
 */
export async function useDumpedNewPgliteCluster(): Promise<string> {
  const version = JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string
  const tarball = path.join(os.tmpdir(), `solesource-pglite-${version}-new-cluster.tar`)
  if (!existsSync(tarball)) {
    const cluster = await PGlite.create('memory://')
    const dump = await cluster.dumpDataDir('none')
    await cluster.close()
    // Written aside and renamed: two runs making it at once never read half a file.
    const partial = `${tarball}.${process.pid}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, tarball)
  }
  process.env.PGLITE_NEW_CLUSTER_FROM = tarball
  return tarball
}
