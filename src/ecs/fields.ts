/**
 * Which top-level task definition members RegisterTaskDefinition accepts, and which ones only
 * DescribeTaskDefinition returns. Pasting `aws ecs describe-task-definition` output or the console's
 * JSON into a template is common; registering it as-is fails with "Unexpected key 'compatibilities'"
 * (aws-actions/amazon-ecs-render-task-definition#2, aws/aws-cli#5882 for registeredAt/registeredBy),
 * so those members are stripped. One list for the checker and the deploy: the task-definition schema
 * (from the SDK's RegisterTaskDefinitionRequest and TaskDefinition types).
 */
import { READ_ONLY_FIELDS as READ_ONLY, TASK_DEFINITION } from '../checks/taskdef/schema.js';

export const REGISTER_FIELDS: readonly string[] = Object.keys(TASK_DEFINITION);

export const READ_ONLY_FIELDS: readonly string[] = READ_ONLY;
