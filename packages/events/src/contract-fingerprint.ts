import { createHash } from 'node:crypto';
import canonicalJson from 'safe-stable-stringify';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { EventContract } from './contract';
import * as contracts from './contracts';

/**
 * A digest of what a contract's payload may contain (its JSON Schema, keys sorted). Comments and
 * code around the contract do not count; a field added, removed, renamed, retyped or loosened does.
 */
export function contractFingerprint(contract: EventContract): string {
  const schema = zodToJsonSchema(contract.schema, { $refStrategy: 'none' });
  return createHash('sha256')
    .update(canonicalJson(schema) ?? '')
    .digest('hex');
}

/** Every contract this package defines, by subject. */
export function definedContracts(): Map<string, EventContract> {
  const found = new Map<string, EventContract>();
  for (const value of Object.values(contracts)) {
    if (isContract(value)) found.set(value.subject, value);
  }
  return found;
}

function isContract(value: unknown): value is EventContract {
  return typeof value === 'object' && value !== null && 'subject' in value && 'schema' in value;
}
