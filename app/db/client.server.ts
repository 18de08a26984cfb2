import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'

export type Database = PrismaClient
/** The client handed to `prisma.$transaction(async (tx) => ...)`: what a function needs to join a transaction. */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
/** Either the client or an open transaction: functions that write take this so callers choose. */
export type DatabaseOrTransaction = PrismaClient | Transaction

export function createDatabaseClient(databaseUrl: string, { maxConnections = 8 } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) })
}

// The server entry (run by tsx) and the Remix build are two module graphs in one process; keeping the
// client on globalThis gives both one connection pool.
const globalForDatabase = globalThis as unknown as { __solesourceDatabase?: { url: string; client: PrismaClient } }

/** The process-wide client for DATABASE_URL (set by the server entry before the app is loaded). */
export function getDatabase(): PrismaClient {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: the server entry sets it before the app is loaded')
  const existing = globalForDatabase.__solesourceDatabase
  if (existing && existing.url === url) return existing.client
  const client = createDatabaseClient(url)
  globalForDatabase.__solesourceDatabase = { url, client }
  return client
}

export async function disconnectDatabase() {
  const existing = globalForDatabase.__solesourceDatabase
  globalForDatabase.__solesourceDatabase = undefined
  await existing?.client.$disconnect()
}
