import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import type { GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType } from 'graphql';
import { hostileValuesFor, wrongTypeFor } from './hostile-values';

/** The committed supergraph: whatever mutations the subgraphs add are fuzzed without a change here. */
const SUPERGRAPH = join(__dirname, '..', '..', 'gateway', 'supergraph.graphql');

export interface MutationTarget {
  field: string;
  /** The subgraph that owns it (its Postgres schema is where a rejected call must change nothing). */
  subgraph: string;
  /** `input` argument, or the field's arguments as variables. */
  args: { name: string; type: GraphQLInputType }[];
  document: string;
}

/** Real ids by what they name, for inputs that should reach a resolver's checks. */
export type IdPools = Partial<Record<string, string[]>>;

export interface Leaf {
  path: (string | number)[];
  type: GraphQLNamedType;
}

function typeString(type: GraphQLInputType): string {
  return String(type);
}

/** A selection that reads everything a mutation result shape usually has, whatever its fields. */
function resultSelection(type: GraphQLObjectType): string {
  const fields = type.getFields();
  const parts: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(name);
    else if (name === 'error') parts.push('error { code message fieldErrors { field message } }');
    else if ('getFields' in named && Object.keys(named.getFields()).includes('id'))
      parts.push(`${name} { id }`);
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** Every mutation of the supergraph, with the subgraph that owns it. */
export function mutationTargets(): MutationTarget[] {
  const schema = buildSchema(readFileSync(SUPERGRAPH, 'utf8'));
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field: GraphQLField<unknown, unknown>) => {
    const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
    const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
    const subgraph = graph && graph.kind === 'EnumValue' ? graph.value.toLowerCase() : 'unknown';
    const args = field.args.map((a) => ({ name: a.name, type: a.type }));
    const result = getNamedType(field.type);
    const selection =
      'getFields' in result && !isInputObjectType(result) ? resultSelection(result as GraphQLObjectType) : '';
    const variableDefinitions = args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
    const argumentList = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    return {
      field: field.name,
      subgraph,
      args,
      document:
        `mutation Hostile${args.length ? `(${variableDefinitions})` : ''} ` +
        `{ ${field.name}${args.length ? `(${argumentList})` : ''}${selection ? ` { ${selection} }` : ''} }`,
    };
  });
}

/** Which pool an id field draws from, by its name (taskId → task, coordinatingAgencyIds → agency). */
function poolFor(fieldName: string): string | null {
  const name = fieldName.toLowerCase();
  if (/agency|department/.test(name)) return 'agency';
  if (/person|leader/.test(name)) return 'person';
  const match = name.match(/^(\w+?)ids?$/);
  return match ? match[1]! : null;
}

/**
 * A value an honest client might send for the type: real ids where the field names a known kind,
 * short text, today-ish dates, the first enum value. It is the base a single fault is put into.
 */
export function plausibleValue(
  type: GraphQLInputType,
  fieldName: string,
  pools: IdPools,
  pick: <T>(items: readonly T[]) => T,
): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [plausibleValue(nullable.ofType, fieldName, pools, pick)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(nullable.getFields())) {
      if (name === 'idempotencyKey' || name === 'expectedVersion') continue;
      value[name] = plausibleValue(field.type, name, pools, pick);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  switch (nullable.name) {
    case 'ID': {
      const pool = poolFor(fieldName);
      const ids = pool ? pools[pool] : undefined;
      return ids && ids.length > 0 ? pick(ids) : crypto.randomUUID();
    }
    case 'Int':
      return 2024;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2024-03-06';
    case 'DateTime':
      return '2024-03-06T08:00:00Z';
    default:
      return `敌意测试 ${fieldName}`;
  }
}

/** Every scalar or enum leaf of a value built by `plausibleValue`, with its path. */
export function leavesOf(type: GraphQLInputType, path: (string | number)[] = []): Leaf[] {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return leavesOf(nullable.ofType, [...path, 0]);
  if (isInputObjectType(nullable))
    return Object.entries(nullable.getFields()).flatMap(([name, field]) =>
      leavesOf(field.type, [...path, name]),
    );
  return [{ path, type: nullable as GraphQLNamedType }];
}

/** Paths of the list fields of an input, where a huge list or a null element is put. */
export function listsOf(type: GraphQLInputType, path: (string | number)[] = []): (string | number)[][] {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [path, ...listsOf(nullable.ofType, [...path, 0])];
  if (isInputObjectType(nullable))
    return Object.entries(nullable.getFields()).flatMap(([name, field]) =>
      listsOf(field.type, [...path, name]),
    );
  return [];
}

export function valueAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<any>((value, key) => (value == null ? value : value[key]), root);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[head!] = setAt(copy[head!], rest, value);
  return copy;
}

export interface MutationVariant {
  label: string;
  variables: Record<string, unknown>;
}

/** The structural faults every mutation gets: nothing, null, the wrong shape, unknown fields. */
export function structuralVariants(target: MutationTarget, base: Record<string, unknown>): MutationVariant[] {
  const variants: MutationVariant[] = [{ label: 'no variables', variables: {} }];
  for (const arg of target.args) {
    variants.push(
      { label: `${arg.name} null`, variables: { ...base, [arg.name]: null } },
      { label: `${arg.name} a string`, variables: { ...base, [arg.name]: 'x' } },
      { label: `${arg.name} a list`, variables: { ...base, [arg.name]: [base[arg.name]] } },
    );
    if (isInputObjectType(getNullableType(arg.type))) {
      variants.push(
        { label: `${arg.name} empty object`, variables: { ...base, [arg.name]: {} } },
        {
          label: `${arg.name} with unknown and prototype fields`,
          variables: {
            ...base,
            [arg.name]: JSON.parse(
              JSON.stringify({ ...(base[arg.name] as object), evil: 1 }).replace(
                /^\{/,
                '{"__proto__":{"admin":true},',
              ),
            ),
          },
        },
      );
    }
  }
  return variants;
}

/** One hostile value put into one leaf of an otherwise plausible input. */
export function leafVariant(
  base: Record<string, unknown>,
  argName: string,
  path: (string | number)[],
  value: unknown,
  label: string,
): MutationVariant {
  return {
    label: `${argName}${path.length ? `.${path.join('.')}` : ''} ${label}`,
    variables: { ...base, [argName]: setAt(base[argName], path, value) },
  };
}

export function hostileLeafValues(leaf: Leaf): readonly unknown[] {
  return hostileValuesFor(leaf.type.name, isEnumType(leaf.type));
}

export function wrongTypeLeafValue(leaf: Leaf): unknown {
  return wrongTypeFor(leaf.type.name, isEnumType(leaf.type));
}
