import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createEmptyTestDatabase, testDatabaseKind, type EmptyTestDatabase } from '../../tests/support/database'
import { migrate } from './migrate.server'

// The Prisma CLI cannot diff here (its schema engine is a native download), so this test does what
// `prisma migrate diff` would: it reads schema.prisma through Prisma's own parser (the WebAssembly
// build the CLI ships) and compares every model, column, type, nullability, unique, index, foreign
// key and enum with a database migrated from empty. A migration that drifts from the schema fails here.

type DmmfField = {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'enum' | 'object'
  type: string
  isList: boolean
  isRequired: boolean
  isUpdatedAt: boolean
  hasDefaultValue: boolean
  default?: { name: string } | string | number | boolean
  nativeType?: [string, string[]] | null
  relationFromFields?: string[]
  relationToFields?: string[]
}
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] }
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }
type Datamodel = { models: DmmfModel[]; enums: { name: string; dbName: string | null; values: { name: string }[] }[]; indexes: DmmfIndex[] }

function readDatamodel(): Datamodel {
  const require = createRequire(import.meta.url)
  const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf: (params: string) => string }
  const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url))
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync(schemaPath, 'utf8') })))
  return dmmf.datamodel as Datamodel
}

/** The PostgreSQL type Prisma's migrations give a field, as format_type() prints it. */
function expectedColumnType(field: DmmfField): string {
  if (field.kind === 'enum') return `"${field.type}"`
  const [native, args] = field.nativeType ?? []
  if (native) {
    const nativeTypes: Record<string, string> = {
      Uuid: 'uuid',
      Date: 'date',
      Text: 'text',
      Char: `character(${args?.[0]})`,
      VarChar: `character varying(${args?.[0]})`,
      Timestamptz: `timestamp(${args?.[0] ?? 3}) with time zone`,
      SmallInt: 'smallint',
    }
    const type = nativeTypes[native]
    if (!type) throw new Error(`schema-match test: map native type @db.${native} before using it`)
    return type
  }
  const scalarTypes: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Boolean: 'boolean',
    DateTime: 'timestamp(3) without time zone',
    Json: 'jsonb',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    Bytes: 'bytea',
  }
  const type = scalarTypes[field.type]
  if (!type) throw new Error(`schema-match test: map scalar type ${field.type} before using it`)
  return field.isList ? `${type}[]` : type
}

/** Does the database itself supply a value (Prisma's uuid()/cuid() defaults are generated client-side)? */
function expectsDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false
  const fn = typeof field.default === 'object' && field.default !== null ? field.default.name : null
  return fn !== 'uuid' && fn !== 'cuid' && fn !== 'nanoid' && fn !== 'ulid'
}

describe(`a database migrated from empty matches prisma/schema.prisma (${testDatabaseKind()})`, () => {
  const datamodel = readDatamodel()
  const tableOf = (modelName: string) => {
    const model = datamodel.models.find((m) => m.name === modelName)!
    return model.dbName ?? model.name
  }
  const columnOf = (modelName: string, fieldName: string) => {
    const field = datamodel.models.find((m) => m.name === modelName)!.fields.find((f) => f.name === fieldName)!
    return field.dbName ?? field.name
  }

  let database: EmptyTestDatabase
  let client: pg.Client
  beforeAll(async () => {
    database = await createEmptyTestDatabase()
    await migrate(database.url)
    client = new pg.Client({ connectionString: database.url })
    await client.connect()
  })
  afterAll(async () => {
    await client?.end()
    await database?.drop()
  })

  test('the same tables, no more, no fewer', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    )
    expect(rows.map((r) => r.table_name).sort()).toEqual(datamodel.models.map((m) => m.dbName ?? m.name).sort())
  })

  test('the same enums with the same values in the same order', async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`,
    )
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]))
    const expected = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]))
    expect(actual).toEqual(expected)
  })

  test('every column: name, type, nullability and whether the database supplies a default', async () => {
    const { rows } = await client.query<{ table: string; column: string; type: string; nullable: boolean; has_default: boolean }>(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              NOT a.attnotnull AS nullable, a.atthasdef AS has_default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
         AND c.relname <> '_prisma_migrations'`,
    )
    const actual = rows
      .map((r) => `${r.table}.${r.column}: ${r.type}${r.nullable ? ' NULL' : ' NOT NULL'}${r.has_default ? ' DEFAULT' : ''}`)
      .sort()
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind !== 'object')
          .map(
            (field) =>
              `${model.dbName ?? model.name}.${field.dbName ?? field.name}: ${expectedColumnType(field)}` +
              `${field.isRequired ? ' NOT NULL' : ' NULL'}${expectsDatabaseDefault(field) ? ' DEFAULT' : ''}`,
          ),
      )
      .sort()
    expect(actual).toEqual(expected)
  })

  test('every primary key, unique constraint and index, with its columns in order', async () => {
    const { rows } = await client.query<{ table: string; kind: string; columns: string[] }>(
      `SELECT t.relname AS table,
              CASE WHEN ix.indisprimary THEN 'id' WHEN ix.indisunique THEN 'unique' ELSE 'normal' END AS kind,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.relname, ix.indisprimary, ix.indisunique`,
    )
    const actual = rows.map((r) => `${r.table} ${r.kind} (${r.columns.join(', ')})`).sort()
    const expected = datamodel.indexes
      .map((index) => `${tableOf(index.model)} ${index.type} (${index.fields.map((f) => columnOf(index.model, f.name)).join(', ')})`)
      .sort()
    expect(actual).toEqual(expected)
  })

  test('every relation has its foreign key', async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; referenced: string; referenced_columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS referenced,
              (SELECT array_agg(attname ORDER BY ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY AS k(n, ord)
                 JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n) AS columns,
              (SELECT array_agg(attname ORDER BY ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY AS k(n, ord)
                 JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n) AS referenced_columns
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`,
    )
    const unquote = (name: string) => name.replace(/^"|"$/g, '')
    const actual = rows
      .map((r) => `${unquote(r.table)} (${r.columns.join(', ')}) -> ${unquote(r.referenced)} (${r.referenced_columns.join(', ')})`)
      .sort()
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
          .map(
            (field) =>
              `${tableOf(model.name)} (${field.relationFromFields!.map((f) => columnOf(model.name, f)).join(', ')}) -> ` +
              `${tableOf(field.type)} (${field.relationToFields!.map((f) => columnOf(field.type, f)).join(', ')})`,
          ),
      )
      .sort()
    expect(actual).toEqual(expected)
  })
})
