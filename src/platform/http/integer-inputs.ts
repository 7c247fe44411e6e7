// Whole numbers from outside (page, limit, ids, versions, offsets) checked in one place for
// every route. Ajv, which validates route schemas, turns "Infinity" and "1e400" into a
// number and then skips `minimum`/`maximum` for non-finite values, and it reads "0x10",
// " 1" and "1e3" as numbers too; so before validation this hook holds the raw text of every
// integer the route declares (address, query or top-level body field) to plain decimal
// digits within the schema's bounds, and answers 400 naming the parameter otherwise.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify'
import { Type, type IntegerOptions, type TInteger } from '@sinclair/typebox'
import { InvalidInput } from '../errors.js'
import './route-config.js'

/** The largest id a table holds (a 32-bit signed integer on PostgreSQL). */
export const MAX_ID = 2_147_483_647

/** A database id in an address or query: 1 to MAX_ID. */
export const IdInteger = (): TInteger => Type.Integer({ minimum: 1, maximum: MAX_ID })
/** `:id` in an address. */
export const IdParams = Type.Object({ id: IdInteger() })
/** A 1-based page number, up to `max` pages. */
export const PageInteger = (max = 10_000, options: IntegerOptions = {}): TInteger =>
  Type.Integer({ ...options, minimum: 1, maximum: max })
/** How many items a page holds, up to `max`. */
export const LimitInteger = (max: number, options: IntegerOptions = {}): TInteger =>
  Type.Integer({ ...options, minimum: 1, maximum: max })

/** One route as registered: what route tests walk. */
export interface RouteEntry {
  method: string
  url: string
  /** The role the route asks for (`config.auth`), if any. */
  auth?: string | undefined
  /** Query parameters the route declares (its querystring schema's properties). */
  query: string[]
}

type Where = 'params' | 'querystring' | 'body'
interface IntegerField {
  where: Where
  name: string
  min: number
  max: number
}

const WHERE_WORDS: Record<Where, string> = { params: 'address part', querystring: 'query parameter', body: 'field' }
/** Bounds when a schema names none: a whole number that fits an id column. */
const DEFAULT_MIN = -MAX_ID
/** Address parts that are ids by their name; a route that leaves one out of its schema still gets it checked. */
const ID_PARAM = /^(id|version|[a-z]+Id)$/

/**
 * Installs the check on every route registered after it, and returns the live list of
 * routes (every method, HEAD included as Fastify adds it) for tests that walk them all.
 */
export function checkIntegerInputs(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = []
  app.addHook('onRoute', route => {
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url: route.url,
        auth: route.config?.auth,
        query: Object.keys(propertiesOf(route.schema?.querystring)),
      })
    }
    const fields = integerFields(route)
    if (fields.length === 0) return
    const hook = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) =>
      done(firstProblem(request, fields))
    route.preValidation = [...[route.preValidation ?? []].flat(), hook]
  })
  return routes
}

/** Integer properties the route declares, plus id-like address parts it left undeclared. */
function integerFields(route: RouteOptions): IntegerField[] {
  const fields: IntegerField[] = []
  for (const where of ['params', 'querystring', 'body'] as const) {
    for (const [name, schema] of Object.entries(propertiesOf(route.schema?.[where]))) {
      if (!isIntegerSchema(schema)) continue
      const { minimum, maximum } = schema as { minimum?: number | undefined; maximum?: number | undefined }
      fields.push({ where, name, min: minimum ?? DEFAULT_MIN, max: maximum ?? MAX_ID })
    }
  }
  const declared = propertiesOf(route.schema?.params)
  for (const name of paramNames(route.url)) {
    if (ID_PARAM.test(name) && !(name in declared)) fields.push({ where: 'params', name, min: 1, max: MAX_ID })
  }
  return fields
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as { properties?: unknown | undefined } | undefined)?.properties
  return properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {}
}

function isIntegerSchema(schema: unknown): boolean {
  const type = (schema as { type?: unknown | undefined } | undefined)?.type
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'))
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map(m => m[1] as string)
}

/** The first integer input that is not plain decimal digits within bounds, as a 400; else undefined. */
function firstProblem(request: FastifyRequest, fields: readonly IntegerField[]): InvalidInput | undefined {
  for (const field of fields) {
    const source = (
      field.where === 'params' ? request.params : field.where === 'querystring' ? request.query : request.body
    ) as Record<string, unknown> | undefined | null
    if (!source || typeof source !== 'object' || !(field.name in source)) continue
    const value = source[field.name]
    if (value === undefined) continue
    if (!isWholeNumberWithin(value, field.min, field.max)) {
      const message = `The ${WHERE_WORDS[field.where]} “${field.name}” must be a whole number from ${field.min} to ${field.max}.`
      return new InvalidInput(message, [message])
    }
  }
  return undefined
}

/** Plain decimal digits (leading zeros allowed, at most one minus sign), or a JSON number, within bounds. */
export function isWholeNumberWithin(value: unknown, min: number, max: number): boolean {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && /^-?[0-9]{1,16}$/.test(value)) n = Number(value)
  else return false
  return Number.isSafeInteger(n) && n >= min && n <= max
}
