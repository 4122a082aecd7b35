import { agencyIdOf, DEMO_AGENCIES, DEMO_PEOPLE, personIdOf } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { AgenciesStore } from '../persistence/agencies.store';

/** Loads the seed organisations and demo people; rows already present are left as they are. */
export async function seedDirectory(runtime: SubgraphRuntime): Promise<void> {
  await runtime.transaction('all', async (manager) => {
    const store = new AgenciesStore(manager);
    // Parents first, so the foreign key holds.
    const ordered = [...DEMO_AGENCIES].sort(
      (a, b) => Number(Boolean(a.parentCode)) - Number(Boolean(b.parentCode)),
    );
    await store.upsertAgencies(
      ordered.map((a) => ({
        id: agencyIdOf(a.code),
        code: a.code,
        name: a.name,
        kind: a.kind,
        parentId: a.parentCode ? agencyIdOf(a.parentCode) : null,
      })),
    );
    await store.upsertPeople(
      DEMO_PEOPLE.map((p) => ({
        id: personIdOf(p.code),
        name: p.name,
        title: p.title,
        agencyId: agencyIdOf(p.agencyCode),
        roles: p.roles,
      })),
    );
    // Each demo partner account is its agency's liaison (联络员).
    await store.upsertMemberships(
      DEMO_PEOPLE.filter((p) => p.roles.includes('PARTNER_USER')).map((p) => ({
        personId: personIdOf(p.code),
        agencyId: agencyIdOf(p.agencyCode),
        kind: 'LIAISON' as const,
      })),
    );
  });
}
