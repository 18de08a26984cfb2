import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * The client/server boundary of the Remix classic compiler, checked from the source text.
 *
 * In the browser build the compiler replaces every module whose name matches SERVER_MODULE by an
 * empty one, and bundles each route through a shim that re-exports only CLIENT_ROUTE_EXPORTS; esbuild
 * then drops the route's top-level code that nothing kept refers to and that has no side effects. So a
 * value imported from a `.server` module is `undefined` in the browser wherever the browser still runs
 * it: the award form crashed that way when its schema came from `awards.server.ts`.
 *
 * The rule checked:
 * - in a route module, a value imported from a `.server` module may be referenced only from code the
 *   browser build drops: `loader`, `action`, `headers` and what only they reach. A reference from a
 *   client export (the component, `meta`, `links`, `ErrorBoundary`, `handle`, ...), from what those
 *   reach, or from top-level code esbuild keeps for its side effects (`const x = call(...)`) fails;
 * - a module the browser code of a route imports (and what it imports in turn, stopping at `.server`
 *   modules) may not use a value from a `.server` module at all.
 * Imports used only as types are not values: `import type`, `{ type X }`, and names that appear only
 * in type positions (esbuild removes those imports from TypeScript files).
 */

/** The pattern `@remix-run/dev` empties in the browser build (compiler/js/compiler.js). */
const SERVER_MODULE = /\.server(\.[jt]sx?)?$/

/** The route exports the browser build keeps (`browserSafeRouteExports` in @remix-run/dev). */
const CLIENT_ROUTE_EXPORTS = new Set([
  'default',
  'meta',
  'links',
  'ErrorBoundary',
  'HydrateFallback',
  'Layout',
  'handle',
  'shouldRevalidate',
  'clientLoader',
  'clientAction',
])

export type BoundaryViolation = {
  file: string
  line: number
  column: number
  identifier: string
  /** The module specifier of the `.server` module, as written. */
  source: string
  /** Which browser code reaches it, e.g. `default export -> AwardForm`. */
  reason: string
}

/** Where the checker reads modules from: the disk for the app, a few strings for its own tests. */
export type SourceTree = {
  read(file: string): string | undefined
  /** The file an import specifier names, or undefined for a package or a non-TypeScript asset. */
  resolve(specifier: string, fromFile: string): string | undefined
}

export function formatViolation(violation: BoundaryViolation): string {
  return `${violation.file}:${violation.line}:${violation.column} ${violation.identifier} from '${violation.source}' (${violation.reason})`
}

/** Route modules, then every module their browser code reaches, in the order they are met. */
export function checkClientServerBoundary(routeFiles: readonly string[], tree: SourceTree): BoundaryViolation[] {
  const violations: BoundaryViolation[] = []
  const clientModules = new Map<string, string>()
  const queue: string[] = []
  const reachClientModule = (file: string, via: string) => {
    if (clientModules.has(file) || routeFiles.includes(file)) return
    clientModules.set(file, via)
    queue.push(file)
  }
  for (const file of routeFiles) {
    const text = tree.read(file)
    if (text === undefined) throw new Error(`route module not found: ${file}`)
    checkRouteModule(parseModule(file, text, tree), violations, reachClientModule)
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const text = tree.read(next)
    if (text === undefined) continue
    checkClientModule(parseModule(next, text, tree), clientModules.get(next)!, violations, reachClientModule)
  }
  return violations
}

type ImportBinding = { specifier: string; resolved: string | undefined; isServer: boolean; typeOnly: boolean }

type ParsedModule = {
  file: string
  sourceFile: ts.SourceFile
  checker: ts.TypeChecker
  /** Import bindings by the local symbol they declare. */
  imports: Map<ts.Symbol, ImportBinding>
  tree: SourceTree
}

function isServerSpecifier(specifier: string, resolved: string | undefined): boolean {
  return SERVER_MODULE.test(specifier) || (resolved !== undefined && SERVER_MODULE.test(resolved))
}

/**
 * One program per module, without lib files or module resolution: only the binder's symbols are
 * needed, to tell a reference to an import from a local of the same name.
 */
function parseModule(file: string, text: string, tree: SourceTree): ParsedModule {
  const scriptKind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind)
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === file ? sourceFile : undefined),
    fileExists: (name) => name === file,
    readFile: (name) => (name === file ? text : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => path.dirname(file),
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  }
  const program = ts.createProgram([file], { noLib: true, noResolve: true, types: [], jsx: ts.JsxEmit.Preserve }, host)
  const checker = program.getTypeChecker()
  const imports = new Map<ts.Symbol, ImportBinding>()
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    const specifier = statement.moduleSpecifier.text
    const resolved = tree.resolve(specifier, file)
    const clause = statement.importClause
    const base = { specifier, resolved, isServer: isServerSpecifier(specifier, resolved) }
    const declare = (name: ts.Identifier, typeOnly: boolean) => {
      const symbol = checker.getSymbolAtLocation(name)
      if (symbol) imports.set(symbol, { ...base, typeOnly })
    }
    if (!clause) continue
    if (clause.name) declare(clause.name, clause.isTypeOnly)
    const bindings = clause.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) declare(bindings.name, clause.isTypeOnly)
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) declare(element.name, clause.isTypeOnly || element.isTypeOnly)
    }
  }
  return { file, sourceFile, checker, imports, tree }
}

/**
 * Calls `visit` for each identifier under `node` that the emitted JavaScript still refers to: type
 * annotations, type arguments and `typeof x` in a type are skipped, and so are property names.
 */
function forEachValueReference(module: ParsedModule, node: ts.Node, visit: (identifier: ts.Identifier, symbol: ts.Symbol) => void) {
  const { checker } = module
  const walk = (current: ts.Node) => {
    if (ts.isTypeNode(current) && !isClassExtendsExpression(current)) return
    if (ts.isInterfaceDeclaration(current) || ts.isTypeAliasDeclaration(current) || ts.isImportDeclaration(current)) return
    if (ts.isJsxClosingElement(current)) return
    if (ts.isIdentifier(current)) {
      const parent = current.parent
      const symbol =
        ts.isShorthandPropertyAssignment(parent) && parent.name === current
          ? checker.getShorthandAssignmentValueSymbol(parent)
          : ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier
            ? checker.getExportSpecifierLocalTargetSymbol(parent)
            : checker.getSymbolAtLocation(current)
      if (symbol) visit(current, symbol)
      return
    }
    ts.forEachChild(current, walk)
  }
  walk(node)
}

function isClassExtendsExpression(node: ts.Node): boolean {
  return (
    ts.isExpressionWithTypeArguments(node) &&
    ts.isHeritageClause(node.parent) &&
    node.parent.token === ts.SyntaxKind.ExtendsKeyword &&
    ts.isClassLike(node.parent.parent)
  )
}

function position(module: ParsedModule, node: ts.Node) {
  const { line, character } = module.sourceFile.getLineAndCharacterOfPosition(node.getStart(module.sourceFile))
  return { file: module.file, line: line + 1, column: character + 1 }
}

/** Whether esbuild must keep a top-level initializer even when nothing refers to its binding. */
function mayHaveSideEffects(expression: ts.Expression | undefined): boolean {
  if (expression === undefined) return false
  if (
    ts.isLiteralExpression(expression) ||
    ts.isIdentifier(expression) ||
    ts.isArrowFunction(expression) ||
    ts.isFunctionExpression(expression) ||
    ts.isClassExpression(expression) ||
    expression.kind === ts.SyntaxKind.TrueKeyword ||
    expression.kind === ts.SyntaxKind.FalseKeyword ||
    expression.kind === ts.SyntaxKind.NullKeyword
  ) {
    return false
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isNonNullExpression(expression)) {
    return mayHaveSideEffects(expression.expression)
  }
  if (ts.isPrefixUnaryExpression(expression)) return mayHaveSideEffects(expression.operand)
  if (ts.isTypeOfExpression(expression) || ts.isVoidExpression(expression)) return mayHaveSideEffects(expression.expression)
  if (ts.isConditionalExpression(expression)) {
    return [expression.condition, expression.whenTrue, expression.whenFalse].some(mayHaveSideEffects)
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind
    const assigns = operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment
    return assigns || mayHaveSideEffects(expression.left) || mayHaveSideEffects(expression.right)
  }
  if (ts.isTemplateExpression(expression)) return expression.templateSpans.some((span) => mayHaveSideEffects(span.expression))
  if (ts.isArrayLiteralExpression(expression)) return expression.elements.some((element) => ts.isSpreadElement(element) || mayHaveSideEffects(element))
  if (ts.isObjectLiteralExpression(expression)) {
    return expression.properties.some((property) => {
      if (ts.isSpreadAssignment(property)) return true
      if (property.name && ts.isComputedPropertyName(property.name) && mayHaveSideEffects(property.name.expression)) return true
      return ts.isPropertyAssignment(property) && mayHaveSideEffects(property.initializer)
    })
  }
  // Calls, `new`, property reads (a getter may run), tagged templates, `await`: kept.
  return true
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind)
}

function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name]
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)))
}

type Reach = (file: string, via: string) => void

function checkRouteModule(module: ParsedModule, violations: BoundaryViolation[], reachClientModule: Reach) {
  const { sourceFile, checker } = module
  /** Top-level declarations by symbol, reached only when browser code refers to them. */
  const declarations = new Map<ts.Symbol, { name: string; node: ts.Node }>()
  const roots: { via: string; node: ts.Node }[] = []
  const declare = (name: ts.Identifier, node: ts.Node) => {
    const symbol = checker.getSymbolAtLocation(name)
    if (symbol) declarations.set(symbol, { name: name.text, node })
  }

  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword)
    if (ts.isImportDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) declare(statement.name, statement)
      const exportedAs = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'default' : statement.name?.text
      if (exported && exportedAs && CLIENT_ROUTE_EXPORTS.has(exportedAs)) roots.push({ via: exportLabel(exportedAs), node: statement })
      continue
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const names = bindingNames(declaration.name)
        for (const name of names) declare(name, declaration)
        const clientExport = exported ? names.find((name) => CLIENT_ROUTE_EXPORTS.has(name.text)) : undefined
        if (clientExport) roots.push({ via: exportLabel(clientExport.text), node: declaration })
        else if (mayHaveSideEffects(declaration.initializer)) {
          roots.push({ via: `top-level code the browser keeps (${names.map((name) => name.text).join(', ')})`, node: declaration })
        }
      }
      continue
    }
    if (ts.isExportAssignment(statement)) {
      roots.push({ via: exportLabel('default'), node: statement.expression })
      continue
    }
    if (ts.isExportDeclaration(statement)) {
      checkRouteExportDeclaration(module, statement, violations, reachClientModule, roots)
      continue
    }
    roots.push({ via: 'top-level code the browser keeps', node: statement })
  }

  const reached = new Set<ts.Node>()
  const queue = [...roots]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { via, node } = next
    if (reached.has(node)) continue
    reached.add(node)
    forEachValueReference(module, node, (identifier, symbol) => {
      const binding = module.imports.get(symbol)
      if (binding) {
        if (binding.typeOnly) return
        if (binding.isServer) violations.push({ ...position(module, identifier), identifier: identifier.text, source: binding.specifier, reason: via })
        else if (binding.resolved) reachClientModule(binding.resolved, `${module.file}: ${via}`)
        return
      }
      const declaration = declarations.get(symbol)
      if (declaration && !reached.has(declaration.node) && declaration.node !== node) {
        queue.push({ via: `${via} -> ${declaration.name}`, node: declaration.node })
      }
    })
  }
}

function exportLabel(name: string): string {
  return name === 'default' ? 'the route component (default export)' : name
}

/** `export { X as default }` and `export { meta } from './x'` in a route module. */
function checkRouteExportDeclaration(
  module: ParsedModule,
  statement: ts.ExportDeclaration,
  violations: BoundaryViolation[],
  reachClientModule: Reach,
  roots: { via: string; node: ts.Node }[],
) {
  if (statement.isTypeOnly) return
  const clause = statement.exportClause
  if (!statement.moduleSpecifier) {
    if (clause && ts.isNamedExports(clause)) {
      for (const element of clause.elements) {
        if (!element.isTypeOnly && CLIENT_ROUTE_EXPORTS.has(element.name.text)) roots.push({ via: exportLabel(element.name.text), node: element })
      }
    }
    return
  }
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return
  const specifier = statement.moduleSpecifier.text
  const resolved = module.tree.resolve(specifier, module.file)
  const names = clause && ts.isNamedExports(clause) ? clause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name) : undefined
  const clientNames = names ? names.filter((name) => CLIENT_ROUTE_EXPORTS.has(name.text)) : undefined
  if (clientNames && clientNames.length === 0) return
  if (isServerSpecifier(specifier, resolved)) {
    for (const name of clientNames ?? [statement.moduleSpecifier]) {
      const identifier = ts.isStringLiteral(name) ? '*' : name.text
      violations.push({ ...position(module, name), identifier, source: specifier, reason: `re-exported as ${identifier === '*' ? 'route exports' : exportLabel(identifier)}` })
    }
  } else if (resolved) {
    reachClientModule(resolved, `${module.file}: re-export`)
  }
}

function checkClientModule(module: ParsedModule, via: string, violations: BoundaryViolation[], reachClientModule: Reach) {
  const reason = `module in the browser bundle, reached from ${via}`
  for (const statement of module.sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && !statement.importClause) {
      const specifier = statement.moduleSpecifier.text
      const resolved = module.tree.resolve(specifier, module.file)
      if (isServerSpecifier(specifier, resolved)) violations.push({ ...position(module, statement), identifier: '(side-effect import)', source: specifier, reason })
      else if (resolved) reachClientModule(resolved, module.file)
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      const specifier = statement.moduleSpecifier.text
      const resolved = module.tree.resolve(specifier, module.file)
      const clause = statement.exportClause
      const names = clause && ts.isNamedExports(clause) ? clause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name) : undefined
      if (names && names.length === 0) continue
      if (isServerSpecifier(specifier, resolved)) {
        for (const name of names ?? [statement.moduleSpecifier]) {
          violations.push({ ...position(module, name), identifier: ts.isStringLiteral(name) ? '*' : name.text, source: specifier, reason: `re-exported by a ${reason}` })
        }
      } else if (resolved) {
        reachClientModule(resolved, module.file)
      }
    }
  }
  for (const statement of module.sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) continue
    forEachValueReference(module, statement, (identifier, symbol) => {
      const binding = module.imports.get(symbol)
      if (!binding || binding.typeOnly) return
      if (binding.isServer) violations.push({ ...position(module, identifier), identifier: identifier.text, source: binding.specifier, reason })
      else if (binding.resolved) reachClientModule(binding.resolved, module.file)
    })
  }
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']

/**
 * Resolves `~/`, `#emails/` and relative specifiers to TypeScript files, the way tsconfig.json does,
 * with file names relative to the repository root.
 */
function resolverFor(isFile: (file: string) => boolean): SourceTree['resolve'] {
  return (specifier, fromFile) => {
    const base = specifier.startsWith('~/')
      ? path.join('app', specifier.slice(2))
      : specifier.startsWith('#emails/')
        ? path.join('emails', specifier.slice('#emails/'.length))
        : specifier.startsWith('.')
          ? path.join(path.dirname(fromFile), specifier)
          : undefined
    if (base === undefined) return undefined
    return EXTENSIONS.map((extension) => base + extension).find((candidate) => /\.tsx?$/.test(candidate) && isFile(candidate))
  }
}

/** The app as it is on disk; files are named relative to `root`, in the violations too. */
export function diskTree(root: string): SourceTree {
  const isFile = (file: string) => {
    try {
      return statSync(path.join(root, file)).isFile()
    } catch {
      return false // missing, or a path through a file (`styles.css/index.ts`)
    }
  }
  return {
    read: (file) => (isFile(file) ? readFileSync(path.join(root, file), 'utf8') : undefined),
    resolve: resolverFor(isFile),
  }
}

/**
 * The route modules of the flat-routes convention: `app/root.tsx` and the files of `app/routes/`,
 * without those remix.config.js ignores (dot files, tests).
 */
export function routeModules(root: string): string[] {
  const routes = readdirSync(path.join(root, 'app/routes'))
    .filter((name) => /\.tsx?$/.test(name) && !name.startsWith('.') && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join('app/routes', name))
  return ['app/root.tsx', ...routes.sort()]
}

/** A tree of a few in-memory modules, for the checker's own tests. */
export function memoryTree(files: Record<string, string>): SourceTree {
  const resolve = resolverFor((file) => file in files)
  return { read: (file) => files[file], resolve }
}
