import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { databasePoolSize } from '~/env.server'
import { onePerProcess } from './one-per-process.server'

export type Database = PrismaClient
/** The client handed to `prisma.$transaction(async (tx) => ...)`: what a function needs to join a transaction. */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
/** Either the client or an open transaction: functions that write take this so callers choose. */
export type DatabaseOrTransaction = PrismaClient | Transaction

// A global symbol: the server entry and the Remix build are two module graphs in one process, and
// either may create the client the other reads the URL of.
const DATABASE_URL_OF = Symbol.for('solesource.databaseUrl')

export function createDatabaseClient(databaseUrl: string, { maxConnections = 8 } = {}): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) })
  Object.defineProperty(client, DATABASE_URL_OF, { value: databaseUrl })
  return client
}

/** The connection string a client was made with (app/db/sql-transaction.server.ts opens its own connection to it). */
export function databaseUrlOf(db: PrismaClient): string {
  const url = (db as unknown as Record<symbol, string | undefined>)[DATABASE_URL_OF]
  if (!url) throw new Error('This database client was not made by createDatabaseClient')
  return url
}

// Each process (each worker of `npm start`) has its own pool: DATABASE_POOL_SIZE connections at most.
const processDatabase = onePerProcess('__solesourceDatabase', (url) => createDatabaseClient(url, { maxConnections: databasePoolSize() }))

/** The process-wide client for DATABASE_URL (set by the server entry before the app is loaded). */
export function getDatabase(): PrismaClient {
  return processDatabase.get()
}

export async function disconnectDatabase() {
  await processDatabase.release()?.$disconnect()
}
