import { streamConfigFor } from '@eco/events';
import { BUILT_IN_KINDS, CUSTOM_KINDS, kindKey } from './support/kinds';
import type { K8sObject } from './support/kinds';
import { environmentOf, matches, podOf, secretNamesIn } from './support/pods';
import { kustomizeVersion, renderKustomization } from './support/render';
import { parseServiceConfig } from './support/service-config';
import { createUnknownFieldFinder } from './support/unknown-fields';

const SUBGRAPHS = ['agencies', 'inspections', 'rectification', 'supervision'];
const SERVICES = [...SUBGRAPHS, 'gateway'];
const SECRETS = ['eco-secrets', 'eco-db-app', 'eco-backup-s3'];

const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const spec = <T>(object: K8sObject) => object['spec'] as T;

/** The manifests are validated offline: rendered by kustomize, checked against the API's schemas. */
describe('Kubernetes manifests (infra/k8s)', () => {
  const unknownFields = createUnknownFieldFinder(
    Object.fromEntries(Object.entries(BUILT_IN_KINDS).map(([key, kind]) => [key, kind.types])),
  );

  it('are rendered by a kustomize that understands them (v4 or later)', () => {
    expect(Number(/^v(\d+)/.exec(kustomizeVersion())?.[1] ?? 0)).toBeGreaterThanOrEqual(4);
  });

  describe.each([
    { dir: 'base', namespace: undefined, minReplicas: 2, postgres: 3 },
    { dir: 'overlays/district', namespace: 'eco-district', minReplicas: 2, postgres: 2 },
    { dir: 'overlays/city', namespace: 'eco-city', minReplicas: 3, postgres: 3 },
  ])('$dir', ({ dir, namespace, minReplicas, postgres }) => {
    let objects: K8sObject[];

    beforeAll(() => {
      objects = renderKustomization(dir);
    });

    it('renders every object once', () => {
      const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(objects.length).toBeGreaterThan(30);
    });

    it('validates every object against its schema, with no field the API does not define', () => {
      const problems: string[] = [];
      for (const object of objects) {
        const key = kindKey(object);
        const where = `${object.kind} ${object.metadata.name}`;
        if (key in BUILT_IN_KINDS) {
          const kind = BUILT_IN_KINDS[key as keyof typeof BUILT_IN_KINDS];
          try {
            new kind.model(object as never).validate();
          } catch (error) {
            problems.push(`${where}: ${(error as Error).message}`);
          }
          problems.push(...unknownFields(key, object).map((field) => `${where}: unknown field ${field}`));
        } else if (key in CUSTOM_KINDS) {
          const result = CUSTOM_KINDS[key as keyof typeof CUSTOM_KINDS].safeParse(object);
          if (!result.success)
            problems.push(
              `${where}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
            );
        } else problems.push(`${where}: no schema for ${key}`);
      }
      expect(problems).toEqual([]);
    });

    it("keeps the subgraphs' connections within PostgreSQL's, at the autoscalers' maximum during a rollout", () => {
      const cluster = objects.find((o) => o.kind === 'Cluster')!;
      const maxConnections = Number(
        spec<{ postgresql: { parameters: Record<string, string> } }>(cluster).postgresql.parameters[
          'max_connections'
        ],
      );
      let used = 0;
      for (const name of SUBGRAPHS) {
        const deployment = named(objects, 'Deployment', name);
        const pods =
          spec<{ maxReplicas: number }>(named(objects, 'HorizontalPodAutoscaler', name)).maxReplicas +
          Number(
            spec<{ strategy: { rollingUpdate: { maxSurge: number } } }>(deployment).strategy.rollingUpdate
              .maxSurge,
          );
        const pool = Number(
          environmentOf(podOf(deployment).spec.containers[0]!, objects)['DATABASE_POOL_SIZE'],
        );
        // Two pools per pod (writes and events; the requests' read transactions), and one
        // connection for each surged pod's init container.
        used += pods * 2 * pool + 1;
      }
      // 20 kept for the operator, replication and a person with psql.
      expect(used).toBeLessThanOrEqual(maxConnections - 20);
    });

    it('puts every object in the overlay namespace', () => {
      expect(objects.filter((o) => o.metadata.namespace !== namespace).map((o) => o.metadata.name)).toEqual(
        [],
      );
    });

    it('refers to secrets without containing any', () => {
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      const referenced = new Set(objects.flatMap((o) => [...secretNamesIn(o)]));
      expect([...referenced].sort()).toEqual([...SECRETS].sort());
    });

    it.each(SERVICES)(
      'runs %s with probes, resources, no root, an autoscaler and a disruption budget',
      (service) => {
        const deployment = named(objects, 'Deployment', service);
        const pod = podOf(deployment);
        expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true });
        for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
          expect(container.resources?.requests).toEqual(
            expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
          );
          expect(container.resources?.limits).toEqual(
            expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
          );
          expect(container.securityContext).toMatchObject({
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          });
        }
        const [main] = pod.spec.containers;
        expect(main!.args).toEqual([service]);
        expect(main!.readinessProbe).toMatchObject({ httpGet: { path: '/ready' } });
        expect(main!.livenessProbe).toMatchObject({ httpGet: { path: '/health' } });

        const hpa = objects.find(
          (o) =>
            o.kind === 'HorizontalPodAutoscaler' &&
            spec<{ scaleTargetRef: { name: string } }>(o).scaleTargetRef.name === service,
        );
        expect(hpa && spec<{ minReplicas: number }>(hpa).minReplicas).toBeGreaterThanOrEqual(minReplicas);
        const pdbs = objects.filter(
          (o) =>
            o.kind === 'PodDisruptionBudget' &&
            matches(
              spec<{ selector: { matchLabels: Record<string, string> } }>(o).selector.matchLabels,
              pod.labels,
            ),
        );
        expect(pdbs).toHaveLength(1);
        // The budget must leave a pod to drain: fewer required than the autoscaler's minimum.
        expect(spec<{ minAvailable: number }>(pdbs[0]!).minAvailable).toBeLessThan(
          spec<{ minReplicas: number }>(hpa!).minReplicas,
        );
      },
    );

    it.each(SERVICES)('gives %s every setting its configuration code requires', (service) => {
      const [main] = podOf(named(objects, 'Deployment', service)).spec.containers;
      expect(() => parseServiceConfig(service, environmentOf(main!, objects))).not.toThrow();
    });

    it('lets only the gateway reach the subgraphs', () => {
      const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
      type Policy = {
        podSelector: { matchLabels?: Record<string, string> };
        policyTypes: string[];
        ingress?: {
          from?: {
            podSelector?: { matchLabels?: Record<string, string> };
            namespaceSelector?: unknown;
            ipBlock?: unknown;
          }[];
        }[];
      };
      // Ingress is denied by default…
      expect(
        policies.some(
          (p) =>
            Object.keys(spec<Policy>(p).podSelector).length === 0 &&
            spec<Policy>(p).policyTypes.includes('Ingress') &&
            !spec<Policy>(p).ingress,
        ),
      ).toBe(true);
      const gatewayLabels = podOf(named(objects, 'Deployment', 'gateway')).labels;
      for (const subgraph of SUBGRAPHS) {
        const labels = podOf(named(objects, 'Deployment', subgraph)).labels;
        const rules = policies
          .filter((p) => matches(spec<Policy>(p).podSelector.matchLabels, labels))
          .flatMap((p) => spec<Policy>(p).ingress ?? []);
        expect(rules.length).toBeGreaterThan(0);
        for (const rule of rules) {
          // …and every rule admitting traffic to a subgraph names the gateway's pods, and only them.
          expect(rule.from?.length).toBeGreaterThan(0);
          for (const peer of rule.from ?? []) {
            expect(peer.namespaceSelector ?? peer.ipBlock).toBeUndefined();
            expect(matches(peer.podSelector?.matchLabels, gatewayLabels)).toBe(true);
            for (const other of SUBGRAPHS)
              expect(
                matches(peer.podSelector?.matchLabels, podOf(named(objects, 'Deployment', other)).labels),
              ).toBe(false);
          }
        }
      }
    });

    it('migrates before any subgraph starts: a Job, and an init container in each subgraph pod', () => {
      const job = podOf(named(objects, 'Job', 'eco-migrate'));
      expect(job.spec.containers[0]!.args).toEqual(['migrate']);
      for (const subgraph of SUBGRAPHS) {
        expect(podOf(named(objects, 'Deployment', subgraph)).spec.initContainers?.map((c) => c.args)).toEqual(
          [['migrate']],
        );
      }
    });

    it('runs NATS as a three-server JetStream cluster, fsyncing every write, with streams at three replicas', () => {
      const nats = named(objects, 'StatefulSet', 'nats');
      expect(spec<{ replicas: number }>(nats).replicas).toBe(3);
      const conf = (named(objects, 'ConfigMap', 'nats-config')['data'] as Record<string, string>)[
        'nats.conf'
      ]!;
      expect(conf).toMatch(/jetstream\s*\{[^}]*sync_interval:\s*always/);
      expect(conf.match(/nats:\/\/nats-\d\.nats-headless:6222/g)).toHaveLength(3);
      const stream = JSON.parse(
        (named(objects, 'ConfigMap', 'nats-streams')['data'] as Record<string, string>)['eco-events.json']!,
      );
      expect(stream).toMatchObject({ num_replicas: 3, storage: 'file' });
      expect(stream.duplicate_window).toBeGreaterThanOrEqual(120e9); // the relay's msgID dedup window
      // The stream the services publish to: `<EVENTS_NAMESPACE>.>` named `<NAMESPACE>_EVENTS`.
      const events = environmentOf(
        podOf(named(objects, 'Deployment', 'agencies')).spec.containers[0]!,
        objects,
      )['EVENTS_NAMESPACE']!;
      expect(stream).toMatchObject({ name: `${events.toUpperCase()}_EVENTS`, subjects: [`${events}.>`] });
      // What a service creates when the Job has not run (compose, one server): the same, at one replica.
      expect(stream).toMatchObject({ ...streamConfigFor(events), num_replicas: 3 });
      expect(
        objects.some(
          (o) =>
            o.kind === 'PodDisruptionBudget' &&
            o.metadata.name === 'nats' &&
            spec<{ minAvailable: number }>(o).minAvailable === 2,
        ),
      ).toBe(true);
    });

    it('runs PostgreSQL as a CloudNativePG cluster with a synchronous standby and nightly backups', () => {
      const cluster = spec<{
        instances: number;
        postgresql: { synchronous: { number: number } };
        backup: { barmanObjectStore: unknown };
      }>(named(objects, 'Cluster', 'eco-db'));
      expect(cluster.instances).toBe(postgres);
      expect(cluster.postgresql.synchronous.number).toBeGreaterThanOrEqual(1);
      expect(cluster.backup.barmanObjectStore).toBeDefined();
      expect(
        spec<{ cluster: { name: string } }>(named(objects, 'ScheduledBackup', 'eco-db-nightly')).cluster.name,
      ).toBe('eco-db');
    });
  });
});
