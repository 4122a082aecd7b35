import { createHash } from 'node:crypto';
// Object keys sorted, so equal data hashes equally in every process, whatever order it was built in.
import canonicalJson from 'safe-stable-stringify';

/** A short, deterministic digest of any JSON-like value. */
export function stableDigest(value: unknown, length = 16): string {
  return createHash('sha256')
    .update(canonicalJson(value) ?? 'null')
    .digest('hex')
    .slice(0, length);
}
