import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse } from 'graphql';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Where the system's own operations are written: the end-to-end and resilience tests, every
 * service's tests, the quick start's sample query, the benchmarks and the web client. The hostile
 * corpus is left out on purpose: its operations are meant to break the limits.
 */
const SOURCES = ['test', 'services', 'packages/stack/src', 'packages/testing/src', 'bench', 'web'];
const EXCLUDED = [
  /node_modules/,
  /[\\/]dist[\\/]/,
  /^test[\\/]hostile[\\/]/,
  /[\\/]\.data[\\/]/,
  /\.tmp\.ts$/,
];

export interface RealOperation {
  file: string;
  source: string;
}

function filesUnder(path: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(path, name);
    const rel = relative(ROOT, full);
    if (EXCLUDED.some((pattern) => pattern.test(rel))) return [];
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `const NAME = '...'` / template literals in the file, to fill `${NAME}` in other templates. */
function constantStrings(file: ts.SourceFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return constants;
}

/**
 * The text a string expression may hold. A substitution that is a known constant is inlined; any
 * other becomes a GraphQL name, which keeps `${field}(id: $id)` and `... on ${typename}` parsable.
 */
function textOf(node: ts.Expression, constants: Map<string, ts.Expression>, depth = 0): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const known =
        depth < 3 && ts.isIdentifier(span.expression) && constants.has(span.expression.text)
          ? textOf(constants.get(span.expression.text)!, constants, depth + 1)
          : null;
      text += (known ?? 'Placeholder') + span.literal.text;
    }
    return text;
  }
  return null;
}

function looksLikeOperation(text: string): boolean {
  if (!/^\s*(query|mutation|subscription|\{)/.test(text)) return false;
  try {
    return parse(text).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
}

/**
 * Operations our tests compose at run time, which reading the source cannot see: their largest
 * shapes, written out. Keep in step with the tests named.
 */
const COMPOSED_AT_RUN_TIME: RealOperation[] = [
  {
    // test/e2e/isolation.property.e2e.test.ts: 25 lookups by id in one request, one alias each.
    file: 'test/e2e/isolation.property.e2e.test.ts',
    source: `{ ${Array.from({ length: 25 }, (_, i) => `q${i}: ${['task', 'measure', 'problem', 'finding', 'supervisionItem'][i % 5]}(id: "5f0c8a53-6f1e-4d3a-9c8e-2b7a1d4e6f90") { id }`).join(' ')} }`,
  },
];

/** Every distinct GraphQL operation written in the repository's clients and tests. */
export function collectRealOperations(): RealOperation[] {
  const seen = new Set<string>();
  const operations: RealOperation[] = [...COMPOSED_AT_RUN_TIME];
  for (const path of SOURCES.flatMap((dir) => filesUnder(join(ROOT, dir)))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = constantStrings(file);
    const visit = (node: ts.Node) => {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateExpression(node)
      ) {
        const text = textOf(node, constants);
        const key = text?.replace(/\s+/g, ' ').trim();
        if (text && key && !seen.has(key) && looksLikeOperation(text)) {
          seen.add(key);
          operations.push({ file: relative(ROOT, path), source: text });
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return operations;
}
