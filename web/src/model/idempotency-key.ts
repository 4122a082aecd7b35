/**
 * A fresh idempotency key per user action. crypto.randomUUID needs a secure context (https or
 * localhost); a tablet reaching the dashboard over plain http on the office network has only
 * getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
