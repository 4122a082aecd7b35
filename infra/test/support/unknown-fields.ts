import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Finds fields the Kubernetes API does not define (a misspelt `readinesProbe` validates against the
 * OpenAPI schema, which allows extra fields, but the API server's strict decoding rejects it). The
 * field names come from kubernetes-models' TypeScript declarations, walked with the TypeScript checker.
 */
export function createUnknownFieldFinder(
  kinds: Record<string, readonly [specifier: string, typeName: string]>,
) {
  const root = dirname(require.resolve('@eco/tooling/package.json'));
  const virtual = join(root, '__manifest-kinds__.ts');
  const source = Object.entries(kinds)
    .map(
      ([, [specifier, typeName]], i) =>
        `import type { ${typeName} as T${i} } from '${specifier}';\nexport type K${i} = T${i};`,
    )
    .join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === virtual ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === virtual || fileExists(file);
  const program = ts.createProgram([virtual], options, host);
  const checker = program.getTypeChecker();
  const aliases = program.getSourceFile(virtual)!.statements.filter(ts.isTypeAliasDeclaration);
  const typeOfKind = new Map(
    Object.keys(kinds).map((key, i) => [key, checker.getTypeAtLocation(aliases[i]!)]),
  );

  const walk = (value: unknown, type: ts.Type, path: string): string[] => {
    if (value === null || typeof value !== 'object') return [];
    const target = checker.getNonNullableType(type);
    if (target.isUnion()) {
      // Take the member that explains the value best (e.g. a quantity's `number | string`).
      const attempts = target.types.map((member) => walk(value, member, path));
      return attempts.reduce((best, next) => (next.length < best.length ? next : best));
    }
    if (Array.isArray(value)) {
      const element = checker.getIndexTypeOfType(target, ts.IndexKind.Number);
      return element
        ? value.flatMap((item, i) => walk(item, element, `${path}[${i}]`))
        : [`${path} (not a list)`];
    }
    const index = checker.getIndexTypeOfType(target, ts.IndexKind.String);
    return Object.entries(value).flatMap(([key, field]) => {
      const property = checker.getPropertyOfType(target, key);
      if (property) return walk(field, checker.getTypeOfSymbol(property), `${path}.${key}`);
      return index ? walk(field, index, `${path}.${key}`) : [`${path}.${key}`];
    });
  };

  return (kind: string, object: unknown): string[] => {
    const type = typeOfKind.get(kind);
    if (!type) throw new Error(`no declarations for ${kind}`);
    return walk(object, type, '');
  };
}
