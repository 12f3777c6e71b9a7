/**
 * Which top-level task definition members RegisterTaskDefinition accepts, and which ones only
 * DescribeTaskDefinition returns. Pasting `aws ecs describe-task-definition` output or the console's
 * JSON into a template is common; registering it as-is fails with "Unexpected key 'compatibilities'"
 * (aws-actions/amazon-ecs-render-task-definition#2, aws/aws-cli#5882 for registeredAt/registeredBy),
 * so those members are stripped. Lists from the SDK's RegisterTaskDefinitionRequest and TaskDefinition
 * types (@aws-sdk/client-ecs 3.1164).
 */

export const REGISTER_FIELDS: readonly string[] = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
];

export const READ_ONLY_FIELDS: readonly string[] = [
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
