import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { onePerProcess } from './one-per-process.server'

export type Database = PrismaClient
/** The client handed to `prisma.$transaction(async (tx) => ...)`: what a function needs to join a transaction. */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
/** Either the client or an open transaction: functions that write take this so callers choose. */
export type DatabaseOrTransaction = PrismaClient | Transaction

export function createDatabaseClient(databaseUrl: string, { maxConnections = 8 } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) })
}

const processDatabase = onePerProcess('__solesourceDatabase', (url) => createDatabaseClient(url))

/** The process-wide client for DATABASE_URL (set by the server entry before the app is loaded). */
export function getDatabase(): PrismaClient {
  return processDatabase.get()
}

export async function disconnectDatabase() {
  await processDatabase.release()?.$disconnect()
}
