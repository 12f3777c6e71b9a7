/**
 * The RegisterTaskDefinition request shape, from the SDK's own model (@aws-sdk/client-ecs 3.1164,
 * dist-types/models: RegisterTaskDefinitionRequest, ContainerDefinition and what they reference)
 * and the ECS API reference "RegisterTaskDefinition - Request Syntax". Enum values are the SDK's.
 * test/taskdef/sdk-drift.test.ts compares this table with the installed SDK's schemas, so an SDK
 * bump that adds a member or an enum value fails CI.
 */

export type Shape =
  | 'string'
  | 'int'
  | 'bool'
  | 'stringMap'
  /** Task-level cpu/memory: a string in the API; a number is converted by the deploy (render). */
  | 'size'
  | { enum: readonly string[] }
  | { obj: Fields }
  | { list: Shape };

export interface Field {
  shape: Shape;
  required?: boolean;
}

export type Fields = Record<string, Shape | Field>;

const S = 'string' as const;
const I = 'int' as const;
const B = 'bool' as const;
const list = (shape: Shape): Shape => ({ list: shape });
const obj = (fields: Fields): Shape => ({ obj: fields });
const oneOf = (...values: string[]): Shape => ({ enum: values });
const req = (shape: Shape): Field => ({ shape, required: true });

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'];
export const COMPATIBILITIES = ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES'];
export const LOG_DRIVERS = ['awsfirelens', 'awslogs', 'fluentd', 'gelf', 'journald', 'json-file', 'splunk', 'syslog'];

const keyValue = obj({ name: S, value: S });
const secret = obj({ name: req(S), valueFrom: req(S) });

const containerDefinition: Fields = {
  name: S,
  image: S,
  repositoryCredentials: obj({ credentialsParameter: req(S) }),
  cpu: I,
  memory: I,
  memoryReservation: I,
  links: list(S),
  portMappings: list(
    obj({
      containerPort: I,
      hostPort: I,
      protocol: oneOf('tcp', 'udp'),
      name: S,
      appProtocol: oneOf('grpc', 'http', 'http2'),
      containerPortRange: S,
    }),
  ),
  essential: B,
  restartPolicy: obj({ enabled: req(B), ignoredExitCodes: list(I), restartAttemptPeriod: I }),
  entryPoint: list(S),
  command: list(S),
  environment: list(keyValue),
  environmentFiles: list(obj({ value: req(S), type: req(oneOf('s3')) })),
  mountPoints: list(obj({ sourceVolume: S, containerPath: S, readOnly: B })),
  volumesFrom: list(obj({ sourceContainer: S, readOnly: B })),
  linuxParameters: obj({
    capabilities: obj({ add: list(S), drop: list(S) }),
    devices: list(obj({ hostPath: req(S), containerPath: S, permissions: list(oneOf('mknod', 'read', 'write')) })),
    initProcessEnabled: B,
    sharedMemorySize: I,
    tmpfs: list(obj({ containerPath: req(S), size: req(I), mountOptions: list(S) })),
    maxSwap: I,
    swappiness: I,
  }),
  secrets: list(secret),
  dependsOn: list(obj({ containerName: req(S), condition: req(oneOf('COMPLETE', 'HEALTHY', 'START', 'SUCCESS')) })),
  startTimeout: I,
  stopTimeout: I,
  versionConsistency: oneOf('disabled', 'enabled'),
  hostname: S,
  user: S,
  workingDirectory: S,
  disableNetworking: B,
  privileged: B,
  readonlyRootFilesystem: B,
  dnsServers: list(S),
  dnsSearchDomains: list(S),
  extraHosts: list(obj({ hostname: req(S), ipAddress: req(S) })),
  dockerSecurityOptions: list(S),
  interactive: B,
  pseudoTerminal: B,
  dockerLabels: 'stringMap',
  ulimits: list(
    obj({
      name: req(
        oneOf(
          'core',
          'cpu',
          'data',
          'fsize',
          'locks',
          'memlock',
          'msgqueue',
          'nice',
          'nofile',
          'nproc',
          'rss',
          'rtprio',
          'rttime',
          'sigpending',
          'stack',
        ),
      ),
      softLimit: req(I),
      hardLimit: req(I),
    }),
  ),
  logConfiguration: obj({ logDriver: req(oneOf(...LOG_DRIVERS)), options: 'stringMap', secretOptions: list(secret) }),
  healthCheck: obj({ command: req(list(S)), interval: I, timeout: I, retries: I, startPeriod: I }),
  systemControls: list(obj({ namespace: S, value: S })),
  resourceRequirements: list(
    obj({
      value: S,
      type: req(oneOf('GPU', 'InferenceAccelerator', 'NeuronDevice')),
      // A union in the SDK: at most one member set.
      sharingStrategy: obj({ nvidiaMps: obj({ memory: req(I), maxComputePercent: I }) }),
    }),
  ),
  firelensConfiguration: obj({ type: req(oneOf('fluentbit', 'fluentd')), options: 'stringMap' }),
  credentialSpecs: list(S),
};

const volume: Fields = {
  name: S,
  host: obj({ sourcePath: S }),
  dockerVolumeConfiguration: obj({
    scope: oneOf('task', 'shared'),
    autoprovision: B,
    driver: S,
    driverOpts: 'stringMap',
    labels: 'stringMap',
  }),
  efsVolumeConfiguration: obj({
    fileSystemId: req(S),
    rootDirectory: S,
    transitEncryption: oneOf('ENABLED', 'DISABLED'),
    transitEncryptionPort: I,
    authorizationConfig: obj({ accessPointId: S, iam: oneOf('ENABLED', 'DISABLED') }),
  }),
  s3filesVolumeConfiguration: obj({
    fileSystemArn: req(S),
    rootDirectory: S,
    transitEncryptionPort: I,
    accessPointArn: S,
  }),
  fsxWindowsFileServerVolumeConfiguration: obj({
    fileSystemId: req(S),
    rootDirectory: req(S),
    authorizationConfig: req(obj({ credentialsParameter: req(S), domain: req(S) })),
  }),
  configuredAtLaunch: B,
};

/** RegisterTaskDefinitionRequest. */
export const TASK_DEFINITION: Fields = {
  family: req(S),
  taskRoleArn: S,
  executionRoleArn: S,
  networkMode: oneOf(...NETWORK_MODES),
  containerDefinitions: req(list(obj(containerDefinition))),
  volumes: list(obj(volume)),
  placementConstraints: list(obj({ type: oneOf('memberOf'), expression: S })),
  requiresCompatibilities: list(oneOf(...COMPATIBILITIES)),
  // Task-level cpu and memory are strings in the API ("256", "1 vCPU", "2 GB").
  cpu: 'size',
  memory: 'size',
  tags: list(obj({ key: S, value: S })),
  pidMode: oneOf('host', 'task'),
  ipcMode: oneOf('host', 'none', 'task'),
  proxyConfiguration: obj({ type: oneOf('APPMESH'), containerName: req(S), properties: list(keyValue) }),
  inferenceAccelerators: list(obj({ deviceName: req(S), deviceType: req(S) })),
  ephemeralStorage: obj({ sizeInGiB: req(I) }),
  runtimePlatform: obj({
    cpuArchitecture: oneOf('ARM64', 'X86_64'),
    operatingSystemFamily: oneOf(
      'LINUX',
      'WINDOWS_SERVER_2004_CORE',
      'WINDOWS_SERVER_2016_FULL',
      'WINDOWS_SERVER_2019_CORE',
      'WINDOWS_SERVER_2019_FULL',
      'WINDOWS_SERVER_2022_CORE',
      'WINDOWS_SERVER_2022_FULL',
      'WINDOWS_SERVER_2025_CORE',
      'WINDOWS_SERVER_2025_FULL',
      'WINDOWS_SERVER_20H2_CORE',
    ),
  }),
  enableFaultInjection: B,
};

/**
 * Members only DescribeTaskDefinition returns (the SDK's TaskDefinition minus the request):
 * RegisterTaskDefinition rejects them ("Unexpected key"); the deploy strips them.
 */
export const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
];
