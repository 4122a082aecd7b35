import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineEvent } from '../src';
import { contractFingerprint, definedContracts } from '../src/contract-fingerprint';

/**
 * A published contract never changes: consumers in other services, and events already in the
 * outbox and the stream, rely on it. A change is a new version beside the old one.
 * `published-contracts.json` records each landed contract's fingerprint
 * (`npm run contracts:publish -w @eco/events` adds new ones and refuses to alter recorded ones).
 */
const published = JSON.parse(
  readFileSync(join(__dirname, '..', 'published-contracts.json'), 'utf8'),
) as Record<string, string>;
const defined = definedContracts();

describe('published event contracts', () => {
  it.each(Object.entries(published))('%s is still defined, unchanged', (subject, fingerprint) => {
    const contract = defined.get(subject);
    expect(contract).toBeDefined();
    expect(contractFingerprint(contract!)).toBe(fingerprint);
  });

  it('records every contract the package defines', () => {
    expect([...defined.keys()].filter((subject) => !(subject in published))).toEqual([]);
  });

  it('tells a changed payload from an unchanged one', () => {
    const payload = { itemId: z.string().uuid(), title: z.string() };
    const original = defineEvent('testctx.thing.happened', 1, z.object(payload));
    const same = defineEvent('testctx.thing.happened', 1, z.object({ ...payload }));
    const loosened = defineEvent(
      'testctx.thing.happened',
      1,
      z.object({ ...payload, title: z.string().nullable() }),
    );
    const added = defineEvent('testctx.thing.happened', 1, z.object({ ...payload, note: z.string() }));
    expect(contractFingerprint(same)).toBe(contractFingerprint(original));
    expect(contractFingerprint(loosened)).not.toBe(contractFingerprint(original));
    expect(contractFingerprint(added)).not.toBe(contractFingerprint(original));
  });
});
