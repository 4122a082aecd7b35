import { DomainError } from './domain-error';

/** Opaque keyset cursor: the sort value and id of the last row seen. */
export interface KeysetPosition {
  sortValue: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sortValue, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortValue === 'string' && typeof id === 'string') return { sortValue, id };
  } catch {
    // fall through to the coded error
  }
  throw new DomainError('PAGINATION_INVALID_CURSOR', 'the cursor is not one this API issued', [
    { field: 'after', message: 'invalid cursor' },
  ]);
}

/** The largest page any list answers; the gateway's cost limit counts an unwritten page at it. */
export const MAX_PAGE_SIZE = 200;

/** Page sizes are bounded so one request cannot ask for the whole table. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new DomainError('PAGINATION_INVALID_FIRST', `first must be between 1 and ${max}`, [
      { field: 'first', message: `between 1 and ${max}` },
    ]);
  }
  return size;
}
