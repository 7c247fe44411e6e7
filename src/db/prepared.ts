// Queries built and compiled once, then run with new values on every call: the hot reads of the
// public pages, where building and compiling a Kysely query cost more than SQLite running it.
import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely'
import type { Tables } from './tables.js'
import { statementsOf } from './sqlite-statements.js'

// Db as index.ts names it, spelled out here so the two files do not import each other.
type Db = Kysely<Tables>

/**
 * Stands where one value of a call will go while the query is built: Kysely takes it as any other
 * value and lists it among the compiled parameters, so binding finds it there.
 */
class Slot {
  readonly arg: number
  /** The element of an array argument, or -1 for the argument itself. */
  readonly item: number
  constructor(arg: number, item: number) {
    this.arg = arg
    this.item = item
  }
}

interface Plan {
  compiled: CompiledQuery<unknown>
  /** The compiled parameters: a Slot for each value of a call, the rest constants of the query. */
  params: readonly unknown[]
}

/** How a prepared query treats its arguments. */
export interface PreparedOptions {
  /**
   * Positions of arguments `build` receives as they are, to write into the SQL as literals
   * (`sql.lit`): a LIMIT, above all. SQLite 3.48 and later read a bound LIMIT while planning and
   * so prepare the statement again whenever it is bound, which is every call. Each value
   * compiles its own SQL, so keep these to a few values.
   */
  inline?: readonly number[]
}

/** A query run with new values each call; its SQL is compiled once per database engine and shape. */
export type PreparedQuery<A extends readonly unknown[], O> = (db: Db, ...args: A) => Promise<O[]>

/**
 * Compiles the query `build` makes on first use and, on every later call, only binds the values.
 * `build` is handed stand-ins for its arguments, not the values, so it must pass them into the
 * query untouched and never look at them (no branch on a value, no `nowIso()` inside: take the
 * time as an argument). An array argument becomes one parameter per element, so an `in` list is
 * compiled once per length; an empty list is refused (PostgreSQL cannot run `in ()`): skip the query.
 * No plugin sees the query after its first compile, which suits Newsreel's plugin-free `Db`.
 */
export function prepared<A extends readonly unknown[], O>(
  build: (db: Db, ...args: A) => Compilable<O>,
  options: PreparedOptions = {},
): PreparedQuery<A, O> {
  const inline = options.inline ?? []
  // Keyed by the engine's adapter, so SQLite and PostgreSQL (and a transaction, which shares its
  // database's adapter) each get SQL of their own dialect.
  const plans = new WeakMap<DialectAdapter, Map<string, Plan>>()
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter
    let byShape = plans.get(adapter)
    if (!byShape) {
      byShape = new Map()
      plans.set(adapter, byShape)
    }
    const shape = shapeOf(args, inline)
    let plan = byShape.get(shape)
    if (!plan) {
      const compiled = build(db, ...(stand(args, inline) as unknown as A)).compile() as CompiledQuery<unknown>
      plan = { compiled, params: compiled.parameters }
      byShape.set(shape, plan)
    }
    const parameters = bind(plan.params, args)
    // Inside a transaction on SQLite, the transaction holds the one connection for itself (Kysely's
    // driver locks it from begin to commit), so a read runs on it at once, without the executor's
    // layers of promises: a page's reads run in one (db/one-read.ts). Elsewhere another request
    // may hold the connection mid-transaction, and the query waits its turn through Kysely.
    if (db.isTransaction) {
      const statement = statementsOf(adapter)?.prepare(plan.compiled.sql)
      if (statement?.reader) return statement.all(parameters) as O[]
    }
    const result = await db.executeQuery<O>({ ...plan.compiled, parameters })
    return result.rows
  }
}

function shapeOf(args: readonly unknown[], inline: readonly number[]): string {
  let shape = ''
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (inline.includes(i)) shape += `=${String(arg)},`
    else if (!Array.isArray(arg)) shape += '-,'
    // `in ()` runs on SQLite and fails on PostgreSQL: refused on both, so a test on either finds it.
    else if (arg.length === 0) throw new Error('A prepared query was given an empty list; skip the query instead.')
    else shape += `${arg.length},`
  }
  return shape
}

function stand(args: readonly unknown[], inline: readonly number[]): unknown[] {
  return args.map((arg, i) =>
    inline.includes(i) ? arg : Array.isArray(arg) ? arg.map((_, item) => new Slot(i, item)) : new Slot(i, -1),
  )
}

function bind(params: readonly unknown[], args: readonly unknown[]): unknown[] {
  const values = new Array<unknown>(params.length)
  for (let i = 0; i < params.length; i++) {
    const p = params[i]
    values[i] = p instanceof Slot ? (p.item < 0 ? args[p.arg] : (args[p.arg] as readonly unknown[])[p.item]) : p
  }
  return values
}
