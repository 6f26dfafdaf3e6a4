/**
 * The compiler half of the npm build (scripts/build_npm.ts): type-checks and
 * emits the library with the TypeScript compiler API, transpiles tests and
 * examples, rewrites module specifiers for Node, and checks the output.
 *
 * What dnt would do, without JSR:
 * - relative `.ts` specifiers become `.js` in `.js` and `.d.ts` output: static
 *   imports and re-exports, `import("./x.ts")`, `import.meta.resolve("./x.ts")`,
 *   `new URL("./x.ts", import.meta.url)` and `import("./x.ts").T` types;
 * - a self-import of `@pyconc/pyconc` becomes the relative path of `mod.js`;
 * - tests that use `Deno.test` get an import of the Node shim instead of the
 *   `Deno` global.
 *
 * @module
 */

import ts from "typescript";
import { dirname, relative, resolve } from "node:path";

/** The name the package imports itself by (deno.json "name"). */
export const SELF_NAME = "@pyconc/pyconc";

/**
 * Globals the library may use beyond ES2022 + DOM: what Node 20, Deno, Bun and
 * browsers all have. Deliberately absent, so that using them is a type error
 * in the npm build: `Promise.withResolvers`, `Array.fromAsync`, the new `Set`
 * methods, `DisposableStack`/`AsyncDisposableStack`, `SuppressedError` (none
 * exist on Node 20), and the `Deno` namespace, `process`, `Buffer`, `require`.
 */
const NODE20_GLOBALS = `
interface SymbolConstructor {
  readonly dispose: unique symbol;
  readonly asyncDispose: unique symbol;
}
interface Disposable {
  [Symbol.dispose](): void;
}
interface AsyncDisposable {
  [Symbol.asyncDispose](): PromiseLike<void>;
}
// Deno's typings (which the sources are written against) make the timer
// functions generic over the extra arguments; DOM's take \`any[]\`.
declare function setTimeout<T extends any[]>(
  callback: (...args: T) => void,
  delay?: number,
  ...args: T
): number;
declare function setInterval<T extends any[]>(
  callback: (...args: T) => void,
  delay?: number,
  ...args: T
): number;
interface ErrorConstructor {
  captureStackTrace(targetObject: object, constructorOpt?: Function): void;
  stackTraceLimit: number;
}
`;

/** Standard libraries the library is checked against (file names in typescript/lib). */
export const LIBRARY_LIBS: readonly string[] = [
  "lib.es2022.d.ts",
  "lib.es2023.array.d.ts",
  "lib.es2023.collection.d.ts",
  "lib.es2024.sharedmemory.d.ts",
  "lib.es2024.string.d.ts",
  "lib.dom.d.ts",
  "lib.dom.iterable.d.ts",
  "lib.dom.asynciterable.d.ts",
];

const VIRTUAL_GLOBALS = "/__pyconc_build__/node20_globals.d.ts";

/** Compiler options shared by the library program and the test transpiler. */
export function baseOptions(): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022, // downlevels `using` / `await using` for Node 20
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    isolatedModules: true,
    useDefineForClassFields: true,
    sourceMap: false,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
  };
}

/** A problem found in the sources or the output, with where it is. */
export interface BuildProblem {
  file: string;
  line: number;
  message: string;
}

/** Formats problems as `file:line: message` lines relative to `root`. */
export function formatProblems(root: string, problems: readonly BuildProblem[]): string {
  return problems.map((p) => `${relative(root, p.file)}:${p.line}: ${p.message}`).join("\n");
}

// ---------------------------------------------------------------------------
// Specifiers.

/** Where a module specifier occurs, so that it can be read and replaced. */
interface SpecifierSite {
  literal: ts.StringLiteralLike;
  kind: "static" | "dynamic" | "url" | "resolve" | "type";
}

function isImportMetaUrl(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === "url";
}

function isImportMetaResolve(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) &&
    node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
    node.name.text === "resolve";
}

/** The specifier site at `node`, if it is one. */
function siteOf(node: ts.Node): SpecifierSite | undefined {
  if (
    (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier &&
    ts.isStringLiteralLike(node.moduleSpecifier)
  ) {
    return { literal: node.moduleSpecifier, kind: "static" };
  }
  if (ts.isCallExpression(node) && node.arguments.length >= 1) {
    const arg = node.arguments[0];
    if (!ts.isStringLiteralLike(arg)) return undefined;
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      return { literal: arg, kind: "dynamic" };
    }
    if (isImportMetaResolve(node.expression)) return { literal: arg, kind: "resolve" };
  }
  if (
    ts.isNewExpression(node) && ts.isIdentifier(node.expression) &&
    node.expression.text === "URL" && node.arguments?.length === 2 &&
    ts.isStringLiteralLike(node.arguments[0]) && isImportMetaUrl(node.arguments[1])
  ) {
    return { literal: node.arguments[0], kind: "url" };
  }
  if (
    ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) &&
    ts.isStringLiteralLike(node.argument.literal)
  ) {
    return { literal: node.argument.literal, kind: "type" };
  }
  return undefined;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

const TS_EXT = /\.(m|c)?tsx?$/;

function jsExtension(specifier: string): string {
  if (/\.d\.(m|c)?ts$/.test(specifier)) return specifier;
  return specifier.replace(
    TS_EXT,
    (ext) => (ext.startsWith(".m") ? ".mjs" : ext.startsWith(".c") ? ".cjs" : ".js"),
  );
}

/** What a specifier is allowed to be, per kind of file. */
export interface RewriteRules {
  /** The repository root (where mod.ts is). */
  root: string;
  /** Whether bare specifiers other than `node:` built-ins are allowed. */
  allowBare: boolean;
  /** Collects problems (bad specifiers). */
  problems: BuildProblem[];
}

/**
 * The Node specifier for `specifier` written in source file `fileName`:
 * relative `.ts` becomes `.js`, the package's own name becomes `mod.js`.
 */
export function rewriteSpecifier(
  specifier: string,
  fileName: string,
  rules: RewriteRules,
  kind: SpecifierSite["kind"],
  line: number,
): string {
  if (specifier === SELF_NAME || specifier.startsWith(`${SELF_NAME}/`)) {
    if (specifier !== SELF_NAME) {
      rules.problems.push({
        file: fileName,
        line,
        message: `"${specifier}": the package has one entry point, import "${SELF_NAME}"`,
      });
      return specifier;
    }
    let rel = relative(dirname(fileName), resolve(rules.root, "mod.js")).replaceAll("\\", "/");
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return rel;
  }
  if (isRelative(specifier) || specifier.startsWith("/")) return jsExtension(specifier);
  if (kind === "url" || kind === "resolve") return specifier; // e.g. "data:", absolute URLs
  if (/^(jsr|https?|npm|file):/.test(specifier)) {
    rules.problems.push({
      file: fileName,
      line,
      message:
        `"${specifier}" cannot be built for npm: only relative imports, node: built-ins and "${SELF_NAME}" are allowed`,
    });
    return specifier;
  }
  if (specifier.startsWith("node:")) return specifier;
  if (!rules.allowBare) {
    rules.problems.push({
      file: fileName,
      line,
      message:
        `"${specifier}" is a bare import but the npm package has no dependencies (use a node: built-in through lib/_internal/)`,
    });
  }
  return specifier;
}

function lineOf(sourceFile: ts.SourceFile, node: ts.Node): number {
  if (node.pos < 0) return 0;
  try {
    return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  } catch {
    return 0;
  }
}

function replaceLiteral(
  factory: ts.NodeFactory,
  literal: ts.StringLiteralLike,
  text: string,
): ts.StringLiteralLike {
  return ts.isNoSubstitutionTemplateLiteral(literal)
    ? factory.createNoSubstitutionTemplateLiteral(text)
    : factory.createStringLiteral(text);
}

/**
 * A transformer that rewrites every specifier site in a file (`.js` output or
 * `.d.ts` output) for Node.
 */
export function specifierTransformer(
  rules: RewriteRules,
): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  return (context) => {
    const factory = context.factory;
    return (node) => {
      if (!ts.isSourceFile(node)) return node;
      const sourceFile = node;
      const original = ts.getOriginalNode(sourceFile) as ts.SourceFile;
      const fileName = original.fileName ?? sourceFile.fileName;
      const visit = (n: ts.Node): ts.Node => {
        const site = siteOf(n);
        if (site) {
          const before = site.literal.text;
          const after = rewriteSpecifier(
            before,
            fileName,
            rules,
            site.kind,
            lineOf(original, ts.getOriginalNode(n)),
          );
          if (after !== before) {
            const replacement = replaceLiteral(factory, site.literal, after);
            n = replaceSiteLiteral(factory, n, replacement);
          }
        }
        return ts.visitEachChild(n, visit, context);
      };
      return ts.visitEachChild(sourceFile, visit, context);
    };
  };
}

function replaceSiteLiteral(
  factory: ts.NodeFactory,
  n: ts.Node,
  literal: ts.StringLiteralLike,
): ts.Node {
  if (ts.isImportDeclaration(n)) {
    return factory.updateImportDeclaration(n, n.modifiers, n.importClause, literal, n.attributes);
  }
  if (ts.isExportDeclaration(n)) {
    return factory.updateExportDeclaration(
      n,
      n.modifiers,
      n.isTypeOnly,
      n.exportClause,
      literal,
      n.attributes,
    );
  }
  if (ts.isCallExpression(n)) {
    return factory.updateCallExpression(n, n.expression, n.typeArguments, [
      literal,
      ...n.arguments.slice(1),
    ]);
  }
  if (ts.isNewExpression(n)) {
    return factory.updateNewExpression(n, n.expression, n.typeArguments, [
      literal,
      ...(n.arguments ?? []).slice(1),
    ]);
  }
  if (ts.isImportTypeNode(n)) {
    return factory.updateImportTypeNode(
      n,
      factory.createLiteralTypeNode(literal as ts.StringLiteral),
      n.attributes,
      n.qualifier,
      n.typeArguments,
      n.isTypeOf,
    );
  }
  return n;
}

/**
 * A transformer (for test and example files) that replaces the `Deno` global
 * by an import of the Node shim. `shimPath` is where the shim's `.js` sits in
 * the source layout (the build mirrors it), e.g. `<root>/scripts/_build/x.js`.
 * Only `Deno.test` exists there; anything else throws a clear error.
 */
export function denoShimTransformer(shimPath: string): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    let usesDeno = false;
    let declaresDeno = false;
    const scan = (n: ts.Node): void => {
      if (
        ts.isIdentifier(n) && n.text === "Deno" && n.parent &&
        (ts.isVariableDeclaration(n.parent) || ts.isFunctionDeclaration(n.parent) ||
          ts.isImportSpecifier(n.parent) || ts.isParameter(n.parent)) &&
        n.parent.name === n
      ) {
        declaresDeno = true;
      } else if (
        ts.isIdentifier(n) && n.text === "Deno" && n.parent &&
        !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
        !ts.isPropertyAssignment(n.parent) && !ts.isTypeReferenceNode(n.parent) &&
        !ts.isQualifiedName(n.parent)
      ) {
        usesDeno = true;
      }
      ts.forEachChild(n, scan);
    };
    const original = ts.getOriginalNode(sourceFile) as ts.SourceFile;
    scan(original);
    if (!usesDeno || declaresDeno) return sourceFile;
    let rel = relative(dirname(resolve(original.fileName)), shimPath).replaceAll("\\", "/");
    if (!rel.startsWith(".")) rel = `./${rel}`;
    const f = context.factory;
    const importDecl = f.createImportDeclaration(
      undefined,
      f.createImportClause(
        false,
        undefined,
        f.createNamedImports([
          f.createImportSpecifier(false, undefined, f.createIdentifier("Deno")),
        ]),
      ),
      f.createStringLiteral(rel),
    );
    return f.updateSourceFile(sourceFile, [importDecl, ...sourceFile.statements]);
  };
}

// ---------------------------------------------------------------------------
// The library program.

/** What compiling the library produced. */
export interface LibraryResult {
  /** Type errors and bad specifiers; empty when the build may go on. */
  problems: BuildProblem[];
  /** Output files written (absolute paths). */
  written: string[];
  /** Source files (absolute) whose top level runs code beyond declarations. */
  sideEffectFiles: string[];
}

/**
 * Type-checks `roots` (with no `Deno` global and Node 20's globals only) and
 * emits ESM + `.d.ts` into `outDir`, keeping the layout below `root`.
 */
export function compileLibrary(root: string, roots: string[], outDir: string): LibraryResult {
  const options: ts.CompilerOptions = {
    ...baseOptions(),
    rootDir: root,
    outDir,
    declaration: true,
    strict: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    lib: [...LIBRARY_LIBS],
    types: [],
    skipLibCheck: true,
    noEmitOnError: true,
    paths: { [SELF_NAME]: ["./mod.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === VIRTUAL_GLOBALS) {
      return ts.createSourceFile(fileName, NODE20_GLOBALS, languageVersion, true);
    }
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === VIRTUAL_GLOBALS || fileExists(fileName);
  const written: string[] = [];
  const writeFile = host.writeFile.bind(host);
  host.writeFile = (fileName, text, bom, onError, sources, data) => {
    written.push(resolve(fileName));
    writeFile(fileName, text, bom, onError, sources, data);
  };

  const program = ts.createProgram({
    rootNames: [VIRTUAL_GLOBALS, ...roots],
    options: { ...options, baseUrl: root },
    host,
  });
  const problems: BuildProblem[] = [];
  const diagnostics = ts.getPreEmitDiagnostics(program);
  for (const d of diagnostics) problems.push(diagnosticProblem(d));

  const sideEffectFiles: string[] = [];
  for (const sf of program.getSourceFiles()) {
    const file = resolve(sf.fileName);
    if (!file.startsWith(root + "/") || sf.isDeclarationFile) continue;
    if (file.includes("/node_modules/")) continue;
    if (hasTopLevelEffects(sf)) sideEffectFiles.push(file);
    // Outside lib/_internal/ the library never touches the runtime directly.
    const relPath = relative(root, file);
    if (!relPath.startsWith("lib/_internal/")) {
      for (const p of runtimeAccess(sf)) problems.push(p);
    }
  }
  if (problems.length > 0) return { problems, written, sideEffectFiles };

  const rules: RewriteRules = { root, allowBare: false, problems };
  const transformer = specifierTransformer(rules);
  const result = program.emit(undefined, undefined, undefined, false, {
    after: [transformer as ts.TransformerFactory<ts.SourceFile>],
    afterDeclarations: [transformer],
  });
  for (const d of result.diagnostics) problems.push(diagnosticProblem(d));
  return { problems, written, sideEffectFiles };
}

function diagnosticProblem(d: ts.Diagnostic): BuildProblem {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (d.file && d.start !== undefined) {
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: resolve(d.file.fileName), line: line + 1, message: `TS${d.code}: ${message}` };
  }
  return { file: "(compiler)", line: 0, message: `TS${d.code}: ${message}` };
}

/** Whether a module runs code at load beyond declarations (it then has side effects). */
function hasTopLevelEffects(sf: ts.SourceFile): boolean {
  for (const s of sf.statements) {
    if (
      ts.isExpressionStatement(s) || ts.isIfStatement(s) || ts.isForStatement(s) ||
      ts.isForOfStatement(s) || ts.isForInStatement(s) || ts.isWhileStatement(s) ||
      ts.isDoStatement(s) || ts.isTryStatement(s) || ts.isSwitchStatement(s) ||
      ts.isBlock(s) || ts.isLabeledStatement(s)
    ) {
      return true;
    }
  }
  return false;
}

/** `(globalThis as any)` → `globalThis`. */
function skipOuter(node: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(node) || ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) ||
    ts.isSatisfiesExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}

const RUNTIME_GLOBALS = new Set(["Deno", "process", "Bun", "Buffer", "require", "Worker"]);

/**
 * Uses of runtime-specific globals (`globalThis.Deno`, `process`, …) and `node:`
 * imports, which only lib/_internal/ may touch (DESIGN.md §1, §3).
 */
function runtimeAccess(sf: ts.SourceFile): BuildProblem[] {
  const problems: BuildProblem[] = [];
  const visit = (n: ts.Node): void => {
    const site = siteOf(n);
    if (site && site.literal.text.startsWith("node:")) {
      problems.push({
        file: resolve(sf.fileName),
        line: lineOf(sf, n),
        message:
          `imports "${site.literal.text}": only lib/_internal/ may use node: built-ins (add what you need to a runtime adapter there)`,
      });
    }
    if (ts.isPropertyAccessExpression(n) && RUNTIME_GLOBALS.has(n.name.text)) {
      const target = skipOuter(n.expression);
      if (!ts.isIdentifier(target) || target.text !== "globalThis") {
        ts.forEachChild(n, visit);
        return;
      }
      problems.push({
        file: resolve(sf.fileName),
        line: lineOf(sf, n),
        message:
          `touches globalThis.${n.name.text}: only lib/_internal/ may use runtime globals (add what you need to a runtime adapter there)`,
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return problems;
}

// ---------------------------------------------------------------------------
// Tests and examples.

/**
 * Transpiles one test or example file (no type check: `deno check` and
 * `deno test` did that) to JavaScript, with specifiers rewritten and
 * `Deno` mapped to the shim.
 */
export function transpileTestFile(
  root: string,
  fileName: string,
  source: string,
  shimPath: string,
  problems: BuildProblem[],
): string {
  const rules: RewriteRules = { root, allowBare: true, problems };
  const out = ts.transpileModule(source, {
    fileName,
    compilerOptions: { ...baseOptions(), declaration: false },
    reportDiagnostics: true,
    transformers: {
      after: [
        specifierTransformer(rules) as ts.TransformerFactory<ts.SourceFile>,
        denoShimTransformer(shimPath),
      ],
    },
  });
  for (const d of out.diagnostics ?? []) {
    if (d.category === ts.DiagnosticCategory.Error) problems.push(diagnosticProblem(d));
  }
  return out.outputText;
}

// ---------------------------------------------------------------------------
// Output checks.

/**
 * Checks built `.js` and `.d.ts` files: no relative specifier still ends in
 * `.ts`, every relative specifier (imports and `new URL(…, import.meta.url)`
 * assets) points at a file that exists, and no `using` / `await using`
 * declaration is left (Node 20 and 22 cannot parse them).
 */
export function checkOutput(
  files: readonly string[],
  readText: (file: string) => string,
  exists: (file: string) => boolean,
): BuildProblem[] {
  const problems: BuildProblem[] = [];
  for (const file of files) {
    if (!/\.(js|mjs|d\.ts)$/.test(file)) continue;
    const isDts = file.endsWith(".d.ts");
    const sf = ts.createSourceFile(
      file,
      readText(file),
      ts.ScriptTarget.Latest,
      true,
      isDts ? ts.ScriptKind.TS : ts.ScriptKind.JS,
    );
    const visit = (n: ts.Node): void => {
      const site = siteOf(n);
      // A directory URL ("../../examples/") names no module: not checked.
      if (site && isRelative(site.literal.text) && !site.literal.text.endsWith("/")) {
        const spec = site.literal.text;
        if (TS_EXT.test(spec) && !/\.d\.(m|c)?ts$/.test(spec)) {
          problems.push({
            file,
            line: lineOf(sf, n),
            message: `specifier "${spec}" still ends in .ts`,
          });
        } else {
          let target = resolve(dirname(file), spec.replace(/[?#].*$/, ""));
          if (isDts && site.kind !== "url" && target.endsWith(".js")) {
            target = target.replace(/\.js$/, ".d.ts");
          }
          if (!exists(target)) {
            problems.push({
              file,
              line: lineOf(sf, n),
              message: `specifier "${spec}" points at ${target}, which is not in the build`,
            });
          }
        }
      }
      if (!isDts && ts.isVariableDeclarationList(n)) {
        const kind = n.flags & ts.NodeFlags.BlockScoped;
        if (kind === ts.NodeFlags.Using || kind === ts.NodeFlags.AwaitUsing) {
          problems.push({
            file,
            line: lineOf(sf, n),
            message: "a `using` declaration was left in the output (Node 20/22 cannot parse it)",
          });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return problems;
}
