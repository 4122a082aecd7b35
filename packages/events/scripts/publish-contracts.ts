// `npm run contracts:publish -w @eco/events`: records new contracts in published-contracts.json.
// A recorded contract never changes and never goes: a change is a new version (ADR 0002).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractFingerprint, definedContracts } from '../src/contract-fingerprint';

const REGISTRY = join(__dirname, '..', 'published-contracts.json');
const published = JSON.parse(readFileSync(REGISTRY, 'utf8')) as Record<string, string>;
const defined = definedContracts();

const broken = Object.entries(published).filter(
  ([subject, fingerprint]) =>
    !defined.has(subject) || contractFingerprint(defined.get(subject)!) !== fingerprint,
);
if (broken.length > 0) {
  console.error(
    `published contracts changed or removed: ${broken.map(([s]) => s).join(', ')}; add a new version instead`,
  );
  process.exit(1);
}
const added = [...defined.keys()].filter((subject) => !(subject in published)).sort();
for (const subject of added) published[subject] = contractFingerprint(defined.get(subject)!);
const sorted = Object.fromEntries(Object.entries(published).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(REGISTRY, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(added.length > 0 ? `recorded ${added.join(', ')}` : 'nothing new to record');
