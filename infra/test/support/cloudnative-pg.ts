import { z } from 'zod';

/*
 * The parts of CloudNativePG's `postgresql.cnpg.io/v1` CRDs (operator 1.25) the manifests use, as
 * strict schemas: a misspelt or unsupported field fails, as the API server's structural schema would
 * reject it. Patterns and enums are the CRD's own. Extend when a manifest uses a new field.
 */

const quantity = z
  .string()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[mkMGTPE]|[eE][+-]?\d+)?$/, 'a quantity');
const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS-1123 name')
  .max(63);
const metadata = z
  .object({
    name,
    namespace: name.optional(),
    labels: z.record(z.string()).optional(),
    annotations: z.record(z.string()).optional(),
  })
  .strict();
const secretKey = z.object({ name, key: z.string().min(1) }).strict();
const resources = z
  .object({ requests: z.record(quantity).optional(), limits: z.record(quantity).optional() })
  .strict();
const storage = z
  .object({ size: quantity, storageClass: z.string().optional(), resizeInUseVolumes: z.boolean().optional() })
  .strict();

const barmanObjectStore = z
  .object({
    destinationPath: z.string().min(1),
    endpointURL: z.string().url().optional(),
    serverName: z.string().optional(),
    s3Credentials: z
      .object({
        accessKeyId: secretKey.optional(),
        secretAccessKey: secretKey.optional(),
        region: secretKey.optional(),
        sessionToken: secretKey.optional(),
        inheritFromIAMRole: z.boolean().optional(),
      })
      .strict()
      .optional(),
    wal: z
      .object({
        compression: z.enum(['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd']).optional(),
        encryption: z.enum(['AES256', 'aws:kms']).optional(),
        maxParallel: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    data: z
      .object({
        compression: z.enum(['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd']).optional(),
        encryption: z.enum(['AES256', 'aws:kms']).optional(),
        jobs: z.number().int().min(1).optional(),
        immediateCheckpoint: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const cnpgCluster = z
  .object({
    apiVersion: z.literal('postgresql.cnpg.io/v1'),
    kind: z.literal('Cluster'),
    metadata,
    spec: z
      .object({
        instances: z.number().int().min(1),
        imageName: z.string().min(1).optional(),
        primaryUpdateStrategy: z.enum(['unsupervised', 'supervised']).optional(),
        enableSuperuserAccess: z.boolean().optional(),
        postgresql: z
          .object({
            parameters: z.record(z.string()).optional(),
            synchronous: z
              .object({
                method: z.enum(['any', 'first']),
                number: z.number().int().min(1),
                dataDurability: z.enum(['required', 'preferred']).optional(),
                maxStandbyNamesFromCluster: z.number().int().min(0).optional(),
              })
              .strict()
              .optional(),
            pg_hba: z.array(z.string()).optional(),
          })
          .strict()
          .optional(),
        bootstrap: z
          .object({
            initdb: z
              .object({
                database: z.string().min(1),
                owner: z.string().min(1),
                secret: z.object({ name }).strict().optional(),
                dataChecksums: z.boolean().optional(),
                encoding: z.string().optional(),
                localeCollate: z.string().optional(),
                localeCType: z.string().optional(),
                postInitSQL: z.array(z.string()).optional(),
                postInitApplicationSQL: z.array(z.string()).optional(),
              })
              .strict(),
          })
          .strict()
          .optional(),
        storage,
        walStorage: storage.optional(),
        resources: resources.optional(),
        affinity: z
          .object({
            enablePodAntiAffinity: z.boolean().optional(),
            topologyKey: z.string().optional(),
            podAntiAffinityType: z.enum(['preferred', 'required']).optional(),
            nodeSelector: z.record(z.string()).optional(),
          })
          .strict()
          .optional(),
        backup: z
          .object({
            retentionPolicy: z
              .string()
              .regex(/^[1-9][0-9]*[dwm]$/)
              .optional(),
            target: z.enum(['primary', 'prefer-standby']).optional(),
            barmanObjectStore: barmanObjectStore.optional(),
          })
          .strict()
          .optional(),
        monitoring: z.object({ enablePodMonitor: z.boolean().optional() }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export const cnpgBackupSchedule = z
  .object({
    apiVersion: z.literal('postgresql.cnpg.io/v1'),
    kind: z.literal('ScheduledBackup'),
    metadata,
    spec: z
      .object({
        // Six fields: seconds first (robfig/cron, as the operator parses it).
        schedule: z.string().regex(/^(\S+\s+){5}\S+$/, 'a six-field cron expression'),
        cluster: z.object({ name }).strict(),
        method: z.enum(['barmanObjectStore', 'volumeSnapshot', 'plugin']).optional(),
        backupOwnerReference: z.enum(['none', 'self', 'cluster']).optional(),
        immediate: z.boolean().optional(),
        suspend: z.boolean().optional(),
        target: z.enum(['primary', 'prefer-standby']).optional(),
      })
      .strict(),
  })
  .strict();
