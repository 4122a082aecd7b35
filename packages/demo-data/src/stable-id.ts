import { v5 as uuidv5 } from 'uuid';

/** Namespace for ids derived from demo codes, so every service seeds the same ids without talking. */
const DEMO_NAMESPACE = '6f1c3d2e-8a4b-5c6d-9e0f-1a2b3c4d5e6f';

export function stableId(kind: string, code: string): string {
  return uuidv5(`${kind}:${code}`, DEMO_NAMESPACE);
}

export const agencyIdOf = (code: string) => stableId('agency', code);
export const personIdOf = (code: string) => stableId('person', code);
