import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { cnpgBackupSchedule, cnpgCluster } from './cloudnative-pg';

/** A Kubernetes object as rendered: apiVersion, kind, metadata and the rest. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * Every kind the manifests may contain, with the schema that validates it: the Kubernetes OpenAPI
 * schemas compiled into kubernetes-models for built-in kinds (and their TypeScript declarations, for
 * unknown fields), a strict transcription of the CloudNativePG CRD for its kinds. A kind missing here
 * fails the validation: nothing is rendered unchecked.
 */
export const BUILT_IN_KINDS = {
  'v1/ConfigMap': { model: ConfigMap, types: ['kubernetes-models/v1/ConfigMap', 'IConfigMap'] },
  'v1/Service': { model: Service, types: ['kubernetes-models/v1/Service', 'IService'] },
  'apps/v1/Deployment': { model: Deployment, types: ['kubernetes-models/apps/v1/Deployment', 'IDeployment'] },
  'apps/v1/StatefulSet': {
    model: StatefulSet,
    types: ['kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'],
  },
  'batch/v1/Job': { model: Job, types: ['kubernetes-models/batch/v1/Job', 'IJob'] },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    types: ['kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler', 'IHorizontalPodAutoscaler'],
  },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    types: ['kubernetes-models/policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'],
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    model: NetworkPolicy,
    types: ['kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
  },
} as const;

export const CUSTOM_KINDS = {
  'postgresql.cnpg.io/v1/Cluster': cnpgCluster,
  'postgresql.cnpg.io/v1/ScheduledBackup': cnpgBackupSchedule,
} as const;

export const kindKey = (object: Pick<K8sObject, 'apiVersion' | 'kind'>) =>
  `${object.apiVersion}/${object.kind}`;
