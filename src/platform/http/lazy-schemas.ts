// Route schemas compiled when a route first needs them, not all at start. Fastify compiles every
// route's validators (ajv) and response serializers (fast-json-stringify) when the server gets
// ready: about a third of a restart's CPU for the few hundred routes Newsreel registers, most of
// which a process seldom serves. The compilers are still Fastify's own defaults, with Fastify's
// ajv options, loaded on first use too; a route's first request pays a few milliseconds instead.
import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>

/** What Fastify hands a compiler for one part of one route (body, params, querystring, headers, a response). */
interface RouteSchema {
  schema: unknown
  httpPart?: string
  method?: string
  url?: string
}

/** An ajv validator as Fastify calls it: `errors` is read after a failed call. */
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown }
type Serialize = (data: unknown) => string

type Compile<F> = (route: RouteSchema) => F
type Factory<F> = (externalSchemas: unknown, options: unknown) => Compile<F>

const require = createRequire(import.meta.url)
const pending = new Set<() => void>()

/** Fastify's `schemaController.compilersFactory`: its default compilers, each schema compiled on first use. */
export function lazySchemaCompilers(): CompilersFactory {
  return {
    buildValidator: lazily<Validate>('@fastify/ajv-compiler', lazyValidator),
    buildSerializer: lazily<Serialize>('@fastify/fast-json-stringify-compiler', compile => data => compile()(data)),
  } as unknown as CompilersFactory
}

/**
 * Compiles every schema not compiled yet, and returns how many: the test that every route's
 * schemas are valid calls it, since an invalid one would otherwise fail only at its first request.
 */
export function compilePendingSchemas(): number {
  const all = [...pending]
  for (const compile of all) compile()
  return all.length
}

/** A compilers factory whose compilers hand back stand-ins that compile with `pkg`'s default on first call. */
function lazily<F>(pkg: string, standIn: (compile: () => F) => F): Factory<F> {
  // One default factory per process: it pools ajv instances by options, as Fastify's does per server.
  let defaults: Factory<F> | undefined
  return (externalSchemas, options) => {
    let compileRoute: Compile<F> | undefined
    return route => {
      if (route.httpPart === 'headers') checkHeaderNames(route)
      let compiled: F | undefined
      const compile = () => {
        if (compiled === undefined) {
          defaults ??= (require(pkg) as () => Factory<F>)()
          compileRoute ??= defaults(externalSchemas, options)
          compiled = compileRoute(route)
          pending.delete(compile)
        }
        return compiled
      }
      pending.add(compile)
      return standIn(compile)
    }
  }
}

function lazyValidator(compile: () => Validate): Validate {
  const validate: Validate = (data, context) => {
    const ajvValidate = compile()
    const valid = ajvValidate(data, context)
    validate.errors = ajvValidate.errors
    return valid
  }
  // An ajv validator has one: Fastify then passes the request as the parent, so ajv can coerce
  // and fill defaults at a part's root. The stand-in forwards it.
  validate.schemaEnv = true
  return validate
}

/**
 * Fastify lowercases header names in a header schema for its own compiler only, and a custom
 * compiler factory counts as custom: so the names must be written in lower case, as requests carry them.
 */
function checkHeaderNames(route: RouteSchema): void {
  const properties = (route.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}
  const named = Object.keys(properties).filter(name => name !== name.toLowerCase())
  if (named.length > 0)
    throw new Error(`${route.method} ${route.url}: header schemas name headers in lower case (${named.join(', ')})`)
}
