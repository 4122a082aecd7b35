import type { K8sObject } from './kinds';

export interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

/** The pod template of a workload (Deployment, StatefulSet, Job). */
export function podOf(object: K8sObject): { labels: Record<string, string>; spec: PodSpec } {
  const template = (
    object['spec'] as { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } }
  ).template;
  return { labels: template.metadata?.labels ?? {}, spec: template.spec };
}

export const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

/** Secret names an object refers to, wherever it does (env, volumes, CRD credentials). */
export function secretNamesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => secretNamesIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if ((key === 'secretKeyRef' || key === 'secretRef') && field && typeof field === 'object') {
        found.add((field as { name: string }).name);
      } else if (key === 'secret' && field && typeof field === 'object' && 'secretName' in field) {
        found.add((field as { secretName: string }).secretName);
      } else if (key === 's3Credentials') {
        Object.values(field as Record<string, { name: string }>).forEach((ref) => found.add(ref.name));
      } else secretNamesIn(field, found);
    }
  }
  return found;
}

/**
 * The environment a container starts with: its ConfigMaps, its own values, and a stand-in for each
 * value read from a Secret (the Secrets live outside the manifests).
 */
export function environmentOf(container: Container, objects: K8sObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name,
    );
    if (!configMap) throw new Error(`ConfigMap ${source.configMapRef?.name} is not in the manifests`);
    Object.assign(env, configMap['data']);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    env[variable.name] = secret
      ? secret.key === 'uri'
        ? 'postgresql://eco:secret@eco-db-rw:5432/eco'
        : `stand-in-for-${secret.name}-${secret.key}-0123456789abcdef`
      : (variable.value ?? '');
  }
  return env;
}
