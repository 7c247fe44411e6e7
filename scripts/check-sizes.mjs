// The house's two size limits, checked in CI (`npm run sizes`): no source file over 300 lines,
// and no route closure over 80: neither a route's handler nor the function that registers routes
// around it. A long file or closure is where a part's structure has gone missing (views built in
// a handler, a state machine inside a register function), so the limit is a prompt to split.
// Closures are found with the TypeScript parser: the function given to app.get/post/put/patch/
// delete/head/all/route (or a route's `handler:` property), and any function that itself calls
// one of those with an address. Ours, not a lint rule: Biome has no rule that knows which
// functions are route closures.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const MAX_FILE_LINES = 300
const MAX_CLOSURE_LINES = 80
const ROOTS = ['src', 'client', 'scripts', 'bench']
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'all', 'route', 'options'])

function sourceFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

function lineSpan(file, node) {
  const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line
  const end = file.getLineAndCharacterOfPosition(node.getEnd()).line
  return end - start + 1
}

function isFunction(node) {
  return node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node))
}

function isFunctionLike(node) {
  return isFunction(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)
}

/** A call such as `app.get(path, options, handler)` or `r.route({ url, handler })` (a Map's `get(key)` is not). */
function isRouteCall(node) {
  if (
    !ts.isCallExpression(node) ||
    !ts.isPropertyAccessExpression(node.expression) ||
    !ROUTE_METHODS.has(node.expression.name.text)
  )
    return false
  const args = node.arguments
  if (node.expression.name.text === 'route') return args.length === 1 && ts.isObjectLiteralExpression(args[0])
  return args.length >= 2 && isFunction(args[args.length - 1])
}

/** Route closures in a file: handlers, and the functions that register routes. */
function routeClosures(file) {
  const found = new Set()
  const visit = (node, enclosing) => {
    if (isRouteCall(node)) {
      if (enclosing) found.add(enclosing)
      const last = node.arguments[node.arguments.length - 1]
      if (isFunction(last)) found.add(last)
      for (const arg of node.arguments) {
        if (!ts.isObjectLiteralExpression(arg)) continue
        for (const prop of arg.properties) {
          if (ts.isPropertyAssignment(prop) && prop.name.getText(file) === 'handler' && isFunction(prop.initializer))
            found.add(prop.initializer)
        }
      }
    }
    ts.forEachChild(node, child => visit(child, isFunctionLike(node) ? node : enclosing))
  }
  visit(file, undefined)
  return [...found]
}

const problems = []
for (const root of ROOTS) {
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, 'utf8')
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
    if (lines > MAX_FILE_LINES) problems.push(`${path}: ${lines} lines (at most ${MAX_FILE_LINES})`)
    if (!/\.tsx?$/.test(path)) continue
    const file = ts.createSourceFile(
      path,
      text,
      ts.ScriptTarget.Latest,
      true,
      path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    )
    for (const closure of routeClosures(file)) {
      const span = lineSpan(file, closure)
      if (span > MAX_CLOSURE_LINES) {
        const line = file.getLineAndCharacterOfPosition(closure.getStart(file)).line + 1
        const name = closure.name?.getText(file) ?? 'a route closure'
        problems.push(`${relative('.', path)}:${line}: ${name} is ${span} lines (at most ${MAX_CLOSURE_LINES})`)
      }
    }
  }
}
for (const problem of problems) console.error(problem)
if (problems.length) process.exit(1)
console.log(`sizes: every file within ${MAX_FILE_LINES} lines and every route closure within ${MAX_CLOSURE_LINES}`)
