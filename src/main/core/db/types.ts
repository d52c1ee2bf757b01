import type Database from 'better-sqlite3'

// Branded handles, as Signal Desktop's ts/sql/Interface.ts has them: the type of the handle says
// whether a function may write. A repository's write function takes a WritableDB, a read takes a
// ReadableDB; a WritableDB is also a ReadableDB, never the other way round. So calling a write on a
// read-only notebook (which only has a ReadableDB) is a type error, and a read that writes a cache
// has to ask for a `WritableDB | null` where everyone can see it. The brands exist only for tsc:
// at run time both are the better-sqlite3 connection, and the notebook's write() guard still
// refuses a write on a read-only notebook (defence in depth).

declare const READABLE: unique symbol
declare const WRITABLE: unique symbol

/** A connection functions may read through. */
export type ReadableDB = Database.Database & { readonly [READABLE]: true }

/** A connection functions may also write through: only a notebook opened writable has one. */
export type WritableDB = ReadableDB & { readonly [WRITABLE]: true }

/** Any open connection read through: the brand says only what the connection is. */
export const readable = (db: Database.Database): ReadableDB => db as ReadableDB

/**
 * The writable handle of a connection, or null when SQLite opened it read-only: the one place a
 * WritableDB is made, from better-sqlite3's own `readonly` flag.
 */
export const writableOf = (db: Database.Database): WritableDB | null => (db.readonly ? null : (db as WritableDB))
