/**
 * A fake ECS with real state behind the real wire protocol (plugged into FakeAws): task definition
 * families and revisions, services with deployments that roll out over several DescribeServices
 * polls, tasks that start and stop with a `stoppedReason`, service events, and the deployment
 * circuit breaker (FAILED + a rollback deployment to the last completed task definition).
 *
 * What ECS does on the way in is mimicked where the deploy code must cope with it: defaults on
 * register (`essential: true`, container `cpu: 0`, empty lists, `protocol: "tcp"`, hostPort =
 * containerPort under awsvpc, `networkMode`), read-only members on describe (`revision`, `status`,
 * `compatibilities`, `requiresAttributes`, `registeredAt`, `registeredBy`), tags only with
 * `include: ["TAGS"]`, events newest first, timestamps as epoch seconds (awsJson1_1).
 * Service tags (TagResource / UntagResource / ListTagsForResource on the service ARN) hold the
 * deploy lease and the last-rollout marker; a deployment can be left IN_PROGRESS or FAILED by a
 * run that stopped, and can complete at a wall-clock time (`afterMs`) for the polling benchmark.
 */
import { FAKE_ACCOUNT, FakeAwsError, type FakeAws } from './server.js';

type Json = Record<string, unknown>;

export type DeploymentScenario =
  /** Tasks start and the rollout completes after `afterPolls` DescribeServices polls (default from the options). */
  | { kind: 'complete'; afterPolls?: number; afterMs?: number }
  /** Every poll starts a task that stops with this reason; with a circuit breaker the deployment fails after `threshold` of them. */
  | {
      kind: 'tasks-stop';
      stoppedReason: string;
      stopCode?: string;
      containers?: Array<{ name: string; reason?: string; exitCode?: number }>;
    }
  /** Tasks stay PENDING for ever. */
  | { kind: 'never-completes' };

export interface FakeEcsOptions {
  region?: string;
  /** Polls before a default deployment completes. Default 2. */
  completeAfterPolls?: number;
  /** Failed tasks before the circuit breaker trips. Default 3 (ECS's minimum). */
  circuitBreakerThreshold?: number;
  /** Answer ListTasks with startedBy plus desiredStatus with InvalidParameterException (the strict reading of the docs). */
  startedByMustBeOnlyFilter?: boolean;
}

export interface FakeDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType: 'FARGATE';
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  scenario: DeploymentScenario;
  polls: number;
  /** Epoch seconds at which rolloutState became COMPLETED (for `afterMs`: when it was due, even if seen later). */
  completedAt?: number;
}

export interface FakeService {
  cluster: string;
  serviceName: string;
  serviceArn: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType: 'FARGATE';
  deploymentController: { type: string };
  deploymentConfiguration: {
    deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
    maximumPercent: number;
    minimumHealthyPercent: number;
  };
  deployments: FakeDeployment[];
  /** Newest first, as DescribeServices lists them. */
  events: Array<{ id: string; createdAt: number; message: string }>;
  createdAt: number;
  /** Scenarios for the next deployments created by UpdateService, in order. */
  scenarios: DeploymentScenario[];
  tags: Map<string, string>;
}

export interface FakeTask {
  taskArn: string;
  clusterArn: string;
  cluster: string;
  taskDefinitionArn: string;
  startedBy: string;
  group: string;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  desiredStatus: 'RUNNING' | 'STOPPED';
  launchType: 'FARGATE';
  createdAt: number;
  startedAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  containers: Array<{
    containerArn: string;
    taskArn: string;
    name: string;
    image: string;
    lastStatus: string;
    exitCode?: number;
    reason?: string;
  }>;
}

interface Revision {
  def: Json;
  tags: Array<{ key: string; value: string }>;
}

export class FakeEcsState {
  readonly region: string;
  readonly account = FAKE_ACCOUNT;
  readonly families = new Map<string, Revision[]>();
  readonly clusters = new Set<string>();
  readonly services = new Map<string, FakeService>();
  readonly tasks: FakeTask[] = [];
  private seq = 0;
  private lastStamp = 0;

  constructor(readonly options: FakeEcsOptions = {}) {
    this.region = options.region ?? 'ap-northeast-1';
  }

  // ---- seeding and inspection (tests) ----

  addCluster(name: string): this {
    this.clusters.add(name);
    return this;
  }

  /** A service already running `taskDefinition` (an ARN / family:rev, or an input to register first), rollout COMPLETED. */
  addService(opts: {
    cluster: string;
    name: string;
    taskDefinition: string | Json;
    desiredCount?: number;
    circuitBreaker?: { enable: boolean; rollback: boolean };
    deploymentController?: string;
  }): FakeService {
    this.addCluster(opts.cluster);
    const tdArn =
      typeof opts.taskDefinition === 'string'
        ? this.resolve(opts.taskDefinition)
        : (this.register(opts.taskDefinition).def.taskDefinitionArn as string);
    if (!tdArn) throw new Error(`fake ECS: no task definition ${String(opts.taskDefinition)}`);
    const now = this.stamp();
    const desired = opts.desiredCount ?? 1;
    const svc: FakeService = {
      cluster: opts.cluster,
      serviceName: opts.name,
      serviceArn: `arn:aws:ecs:${this.region}:${this.account}:service/${opts.cluster}/${opts.name}`,
      clusterArn: this.clusterArn(opts.cluster),
      status: 'ACTIVE',
      desiredCount: desired,
      launchType: 'FARGATE',
      deploymentController: { type: opts.deploymentController ?? 'ECS' },
      deploymentConfiguration: {
        deploymentCircuitBreaker: opts.circuitBreaker ?? { enable: false, rollback: false },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
      deployments: [],
      events: [],
      createdAt: now,
      scenarios: [],
      tags: new Map(),
    };
    const dep = this.newDeployment(svc, tdArn, { kind: 'complete' });
    Object.assign(dep, {
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${dep.id} completed.`,
      runningCount: desired,
      pendingCount: 0,
    });
    for (let i = 0; i < desired; i++) this.startTask(svc, dep, 'RUNNING');
    svc.deployments.push(dep);
    this.event(svc, `(service ${svc.serviceName}) has reached a steady state.`);
    this.services.set(`${opts.cluster}/${opts.name}`, svc);
    return svc;
  }

  /** The next deployment UpdateService creates for this service follows `scenario` (one-shot, queued). */
  nextDeployment(cluster: string, name: string, scenario: DeploymentScenario): this {
    this.mustService(cluster, name).scenarios.push(scenario);
    return this;
  }

  /** A deployment started outside the run under test (another tool, a colleague's laptop), as UpdateService would. */
  deployNow(cluster: string, name: string, taskDefinition: string, scenario: DeploymentScenario): FakeDeployment {
    const svc = this.mustService(cluster, name);
    const td = this.resolve(taskDefinition);
    if (!td) throw new Error(`fake ECS: no task definition ${taskDefinition}`);
    return this.startDeployment(svc, td, scenario);
  }

  service(cluster: string, name: string): FakeService {
    return this.mustService(cluster, name);
  }

  primary(cluster: string, name: string): FakeDeployment {
    const d = this.mustService(cluster, name).deployments.find((x) => x.status === 'PRIMARY');
    if (!d) throw new Error('fake ECS: no PRIMARY deployment');
    return d;
  }

  revisions(family: string): Json[] {
    return (this.families.get(family) ?? []).map((r) => r.def);
  }

  // ---- task definitions ----

  register(input: Json): Revision {
    const family = input.family;
    if (typeof family !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(family)) {
      throw new FakeAwsError('ClientException', 'Family contains invalid characters or is empty.');
    }
    const containers = input.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) {
      throw new FakeAwsError('ClientException', 'Container list cannot be empty.');
    }
    for (const c of containers as Json[]) {
      if (typeof c.name !== 'string' || !c.name)
        throw new FakeAwsError('ClientException', 'Container.name should not be null or empty.');
      if (typeof c.image !== 'string' || !c.image)
        throw new FakeAwsError('ClientException', 'Container.image should not be null or empty.');
    }
    const compat = Array.isArray(input.requiresCompatibilities) ? (input.requiresCompatibilities as string[]) : [];
    const networkMode = typeof input.networkMode === 'string' ? input.networkMode : 'bridge';
    if (compat.includes('FARGATE')) {
      if (networkMode !== 'awsvpc')
        throw new FakeAwsError('ClientException', "Fargate only supports network mode 'awsvpc'.");
      if (typeof input.cpu !== 'string')
        throw new FakeAwsError('ClientException', "Fargate requires that 'cpu' be defined at the task level.");
      if (typeof input.memory !== 'string')
        throw new FakeAwsError('ClientException', "Fargate requires that 'memory' be defined at the task level.");
    }
    const list = this.families.get(family) ?? [];
    const revision = list.length + 1;
    const { tags, ...rest } = structuredClone(input) as Json;
    const def: Json = {
      ...rest,
      containerDefinitions: (rest.containerDefinitions as Json[]).map((c) =>
        withContainerDefaults(c, networkMode === 'awsvpc'),
      ),
      networkMode,
      volumes: rest.volumes ?? [],
      placementConstraints: rest.placementConstraints ?? [],
      taskDefinitionArn: `arn:aws:ecs:${this.region}:${this.account}:task-definition/${family}:${revision}`,
      revision,
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
      compatibilities: networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'],
      registeredAt: this.stamp(),
      registeredBy: `arn:aws:iam::${this.account}:role/fake-deployer`,
    };
    const rev: Revision = { def, tags: Array.isArray(tags) ? (tags as Revision['tags']) : [] };
    list.push(rev);
    this.families.set(family, list);
    return rev;
  }

  /** ARN, `family:revision` or family (latest ACTIVE) -> ARN; undefined when unknown. */
  resolve(ref: string): string | undefined {
    return this.lookup(ref)?.def.taskDefinitionArn as string | undefined;
  }

  private lookup(ref: string): Revision | undefined {
    const short = ref.includes(':task-definition/') ? ref.slice(ref.indexOf(':task-definition/') + 17) : ref;
    const [family = '', rev] = short.split(':');
    const list = this.families.get(family) ?? [];
    if (rev === undefined) return list.filter((r) => r.def.status === 'ACTIVE').at(-1);
    return list[Number(rev) - 1];
  }

  // ---- rollouts ----

  private newDeployment(svc: FakeService, taskDefinition: string, scenario: DeploymentScenario): FakeDeployment {
    const now = this.stamp();
    this.seq += 1;
    return {
      id: `ecs-svc/${String(4_000_000_000_000_000_000n + BigInt(this.seq))}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: svc.desiredCount,
      pendingCount: 0,
      runningCount: 0,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      launchType: 'FARGATE',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment in progress.',
      scenario,
      polls: 0,
    };
  }

  private startDeployment(svc: FakeService, taskDefinition: string, scenario: DeploymentScenario): FakeDeployment {
    for (const d of svc.deployments) d.status = 'ACTIVE';
    const dep = this.newDeployment(svc, taskDefinition, scenario);
    svc.deployments.unshift(dep);
    return dep;
  }

  /** One DescribeServices poll moves every IN_PROGRESS deployment of the service one step. */
  tick(svc: FakeService): void {
    for (const dep of [...svc.deployments]) {
      // Only the PRIMARY deployment launches tasks; a replaced one is being drained.
      if (dep.rolloutState !== 'IN_PROGRESS' || dep.status !== 'PRIMARY') continue;
      dep.polls += 1;
      dep.updatedAt = this.stamp();
      const sc = dep.scenario;
      if (sc.kind === 'complete' && sc.afterMs !== undefined) {
        // Completes at a wall-clock time, whenever it is polled: the moment ECS would say COMPLETED.
        if (dep.polls === 1) this.startTasks(svc, dep);
        const due = dep.createdAt + sc.afterMs / 1000;
        if (Date.now() / 1000 >= due) this.complete(svc, dep, due);
      } else if (sc.kind === 'complete') {
        const after = Math.max(1, sc.afterPolls ?? this.options.completeAfterPolls ?? 2);
        if (dep.polls === 1) this.startTasks(svc, dep);
        dep.runningCount = Math.min(dep.desiredCount, Math.ceil((dep.desiredCount * dep.polls) / after));
        dep.pendingCount = dep.desiredCount - dep.runningCount;
        if (dep.polls >= after) this.complete(svc, dep);
      } else if (sc.kind === 'tasks-stop') {
        const t = this.startTask(svc, dep, 'PENDING');
        this.event(svc, `(service ${svc.serviceName}) has started 1 tasks: (task ${taskId(t.taskArn)}).`);
        this.stopTask(t, sc);
        dep.failedTasks += 1;
        dep.pendingCount = dep.desiredCount;
        dep.runningCount = 0;
        const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
        if (cb.enable && dep.failedTasks >= (this.options.circuitBreakerThreshold ?? 3)) this.trip(svc, dep);
      } else {
        dep.pendingCount = dep.desiredCount;
        dep.runningCount = 0;
      }
    }
  }

  private startTasks(svc: FakeService, dep: FakeDeployment): void {
    const started = Array.from({ length: dep.desiredCount }, () => this.startTask(svc, dep, 'PENDING'));
    this.event(
      svc,
      `(service ${svc.serviceName}) has started ${started.length} tasks: ${started.map((t) => `(task ${taskId(t.taskArn)})`).join(' ')}.`,
    );
  }

  private complete(svc: FakeService, dep: FakeDeployment, at = this.stamp()): void {
    Object.assign(dep, {
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${dep.id} completed.`,
      runningCount: dep.desiredCount,
      pendingCount: 0,
      completedAt: at,
    });
    for (const t of this.tasks)
      if (t.startedBy === dep.id && t.lastStatus === 'PENDING')
        Object.assign(t, { lastStatus: 'RUNNING', startedAt: this.stamp() });
    const old = svc.deployments.filter((d) => d !== dep);
    const stopped: FakeTask[] = [];
    for (const d of old) {
      for (const t of this.tasks) {
        if (t.startedBy !== d.id || t.desiredStatus === 'STOPPED') continue;
        Object.assign(t, {
          lastStatus: 'STOPPED',
          desiredStatus: 'STOPPED',
          stoppedAt: this.stamp(),
          stopCode: 'ServiceSchedulerInitiated',
          stoppedReason: `Scaling activity initiated by (deployment ${dep.id})`,
        });
        stopped.push(t);
      }
    }
    svc.deployments = [dep];
    if (stopped.length)
      this.event(
        svc,
        `(service ${svc.serviceName}) has stopped ${stopped.length} running tasks: ${stopped.map((t) => `(task ${taskId(t.taskArn)})`).join(' ')}.`,
      );
    this.event(svc, `(service ${svc.serviceName}) (deployment ${dep.id}) deployment completed.`);
    this.event(svc, `(service ${svc.serviceName}) has reached a steady state.`);
  }

  /** The circuit breaker trips: FAILED, and with rollback a new PRIMARY on the last completed task definition. */
  private trip(svc: FakeService, dep: FakeDeployment): void {
    Object.assign(dep, {
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    this.event(svc, `(service ${svc.serviceName}) (deployment ${dep.id}) deployment failed: tasks failed to start.`);
    const good = svc.deployments.find((d) => d !== dep && d.rolloutState === 'COMPLETED');
    if (!svc.deploymentConfiguration.deploymentCircuitBreaker.rollback || !good) return;
    const back = this.startDeployment(svc, good.taskDefinition, { kind: 'complete' });
    this.event(svc, `(service ${svc.serviceName}) rolling back to deployment ${back.id}.`);
  }

  private startTask(svc: FakeService, dep: FakeDeployment, lastStatus: 'PENDING' | 'RUNNING'): FakeTask {
    this.seq += 1;
    const id = this.seq.toString(16).padStart(32, '0');
    const taskArn = `arn:aws:ecs:${this.region}:${this.account}:task/${svc.cluster}/${id}`;
    const def = this.lookup(dep.taskDefinition)?.def;
    const containers = ((def?.containerDefinitions as Json[] | undefined) ?? []).map((c) => ({
      containerArn: `arn:aws:ecs:${this.region}:${this.account}:container/${svc.cluster}/${id}/${String(c.name)}`,
      taskArn,
      name: String(c.name),
      image: String(c.image),
      lastStatus,
    }));
    const t: FakeTask = {
      taskArn,
      clusterArn: svc.clusterArn,
      cluster: svc.cluster,
      taskDefinitionArn: dep.taskDefinition,
      startedBy: dep.id,
      group: `service:${svc.serviceName}`,
      lastStatus,
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      createdAt: this.stamp(),
      ...(lastStatus === 'RUNNING' ? { startedAt: this.stamp() } : {}),
      containers,
    };
    this.tasks.push(t);
    return t;
  }

  private stopTask(t: FakeTask, sc: Extract<DeploymentScenario, { kind: 'tasks-stop' }>): void {
    Object.assign(t, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: this.stamp(),
      stoppedReason: sc.stoppedReason,
      stopCode: sc.stopCode ?? 'TaskFailedToStart',
    });
    for (const c of t.containers) c.lastStatus = 'STOPPED';
    for (const o of sc.containers ?? []) {
      let c = t.containers.find((x) => x.name === o.name);
      if (!c) {
        c = {
          containerArn: `${t.taskArn.replace(':task/', ':container/')}/${o.name}`,
          taskArn: t.taskArn,
          name: o.name,
          image: '?',
          lastStatus: 'STOPPED',
        };
        t.containers.push(c);
      }
      if (o.reason !== undefined) c.reason = o.reason;
      if (o.exitCode !== undefined) c.exitCode = o.exitCode;
    }
  }

  private event(svc: FakeService, message: string): void {
    this.seq += 1;
    svc.events.unshift({ id: `evt-${this.seq}`, createdAt: this.stamp(), message });
    if (svc.events.length > 100) svc.events.length = 100;
  }

  /** Epoch seconds, strictly increasing so that event order survives equal wall-clock times. */
  private stamp(): number {
    this.lastStamp = Math.max(Date.now() / 1000, this.lastStamp + 0.001);
    return Math.round(this.lastStamp * 1000) / 1000;
  }

  private clusterArn(cluster: string): string {
    return `arn:aws:ecs:${this.region}:${this.account}:cluster/${cluster}`;
  }

  private mustCluster(ref: unknown): string {
    const name = clusterName(ref);
    if (!this.clusters.has(name)) throw new FakeAwsError('ClusterNotFoundException', 'Cluster not found.');
    return name;
  }

  private mustService(cluster: string, name: string): FakeService {
    const s = this.services.get(`${cluster}/${name}`);
    if (!s) throw new FakeAwsError('ServiceNotFoundException', 'Service not found.');
    return s;
  }

  /** Tags are kept for services only (what the deploy tags); other ARNs are not found. */
  private byArn(arn: unknown): FakeService {
    const svc = [...this.services.values()].find((x) => x.serviceArn === arn);
    if (!svc) throw new FakeAwsError('InvalidParameterException', 'The specified resource could not be found.');
    return svc;
  }

  // ---- wire handlers ----

  install(fake: FakeAws): this {
    fake
      .on('ecs', 'RegisterTaskDefinition', (input: Json) => {
        const r = this.register(input);
        return { taskDefinition: r.def, tags: r.tags };
      })
      .on('ecs', 'DescribeTaskDefinition', (input: Json) => {
        const r = this.lookup(String(input.taskDefinition ?? ''));
        if (!r) throw new FakeAwsError('ClientException', 'Unable to describe task definition.');
        const withTags = Array.isArray(input.include) && input.include.includes('TAGS');
        return { taskDefinition: r.def, ...(withTags ? { tags: r.tags } : {}) };
      })
      .on('ecs', 'DescribeServices', (input: Json) => {
        const cluster = this.mustCluster(input.cluster);
        const names = Array.isArray(input.services) ? (input.services as string[]) : [];
        if (names.length === 0 || names.length > 10)
          throw new FakeAwsError('InvalidParameterException', 'services must list 1 to 10 services.');
        const services: Json[] = [];
        const failures: Json[] = [];
        for (const ref of names) {
          const svc = this.services.get(`${cluster}/${ref.split('/').pop() ?? ref}`);
          if (!svc) {
            failures.push({
              arn: `arn:aws:ecs:${this.region}:${this.account}:service/${cluster}/${ref}`,
              reason: 'MISSING',
            });
            continue;
          }
          this.tick(svc);
          services.push(view(svc));
        }
        return { services, failures };
      })
      .on('ecs', 'UpdateService', (input: Json) => {
        const cluster = this.mustCluster(input.cluster);
        const svc = this.mustService(
          cluster,
          String(input.service ?? '')
            .split('/')
            .pop() ?? '',
        );
        if (svc.status !== 'ACTIVE') throw new FakeAwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
        const current = svc.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinition;
        let td = current ?? '';
        if (typeof input.taskDefinition === 'string') {
          const r = this.lookup(input.taskDefinition);
          if (!r || r.def.status !== 'ACTIVE') throw new FakeAwsError('ClientException', 'TaskDefinition not found.');
          td = r.def.taskDefinitionArn as string;
        }
        if (typeof input.desiredCount === 'number') svc.desiredCount = input.desiredCount;
        if (td !== current || input.forceNewDeployment === true) {
          this.startDeployment(svc, td, svc.scenarios.shift() ?? { kind: 'complete' });
        }
        return { service: view(svc) };
      })
      .on('ecs', 'TagResource', (input: Json) => {
        const svc = this.byArn(input.resourceArn);
        for (const t of Array.isArray(input.tags) ? (input.tags as Json[]) : [])
          svc.tags.set(String(t.key), String(t.value ?? ''));
        return {};
      })
      .on('ecs', 'UntagResource', (input: Json) => {
        const svc = this.byArn(input.resourceArn);
        for (const k of Array.isArray(input.tagKeys) ? (input.tagKeys as string[]) : []) svc.tags.delete(k);
        return {};
      })
      .on('ecs', 'ListTagsForResource', (input: Json) => {
        const svc = this.byArn(input.resourceArn);
        return { tags: [...svc.tags].map(([key, value]) => ({ key, value })) };
      })
      .on('ecs', 'ListTasks', (input: Json) => {
        const cluster = this.mustCluster(input.cluster);
        const startedBy = typeof input.startedBy === 'string' ? input.startedBy : undefined;
        // API reference, ListTasks.startedBy: "it must be the only filter that you use".
        if (startedBy && (input.serviceName || input.family || input.containerInstance)) {
          throw new FakeAwsError('InvalidParameterException', 'startedBy must be the only filter.');
        }
        if (startedBy && input.desiredStatus && this.options.startedByMustBeOnlyFilter) {
          throw new FakeAwsError('InvalidParameterException', 'startedBy must be the only filter.');
        }
        const desired = typeof input.desiredStatus === 'string' ? input.desiredStatus : 'RUNNING';
        const taskArns = this.tasks
          .filter((t) => t.cluster === cluster && t.desiredStatus === desired)
          .filter((t) => !startedBy || t.startedBy === startedBy)
          .filter((t) => !input.serviceName || t.group === `service:${String(input.serviceName)}`)
          .map((t) => t.taskArn);
        return { taskArns };
      })
      .on('ecs', 'DescribeTasks', (input: Json) => {
        const cluster = this.mustCluster(input.cluster);
        const refs = Array.isArray(input.tasks) ? (input.tasks as string[]) : [];
        if (refs.length === 0 || refs.length > 100)
          throw new FakeAwsError('InvalidParameterException', 'tasks must list 1 to 100 tasks.');
        const tasks: Json[] = [];
        const failures: Json[] = [];
        for (const ref of refs) {
          const t = this.tasks.find((x) => x.cluster === cluster && (x.taskArn === ref || taskId(x.taskArn) === ref));
          if (t) tasks.push(taskView(t));
          else failures.push({ arn: ref, reason: 'MISSING' });
        }
        return { tasks, failures };
      });
    return this;
  }
}

export function installFakeEcs(fake: FakeAws, options: FakeEcsOptions = {}): FakeEcsState {
  return new FakeEcsState(options).install(fake);
}

function withContainerDefaults(c: Json, awsvpc: boolean): Json {
  const out: Json = {
    essential: true,
    cpu: 0,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
    ...c,
  };
  out.portMappings = (Array.isArray(c.portMappings) ? (c.portMappings as Json[]) : []).map((p) => ({
    protocol: 'tcp',
    ...(awsvpc && p.hostPort === undefined ? { hostPort: p.containerPort } : {}),
    ...p,
  }));
  if (c.healthCheck && typeof c.healthCheck === 'object')
    out.healthCheck = { interval: 30, timeout: 5, retries: 3, ...(c.healthCheck as Json) };
  return out;
}

function clusterName(ref: unknown): string {
  const s = typeof ref === 'string' && ref ? ref : 'default';
  return s.includes(':cluster/') ? s.slice(s.indexOf(':cluster/') + 9) : s;
}

function taskId(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

function view(svc: FakeService): Json {
  const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
  return {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    clusterArn: svc.clusterArn,
    status: svc.status,
    desiredCount: svc.desiredCount,
    runningCount: svc.deployments.reduce((n, d) => n + d.runningCount, 0),
    pendingCount: svc.deployments.reduce((n, d) => n + d.pendingCount, 0),
    launchType: svc.launchType,
    taskDefinition: primary?.taskDefinition,
    deploymentConfiguration: svc.deploymentConfiguration,
    deploymentController: svc.deploymentController,
    deployments: svc.deployments.map(({ scenario: _s, polls: _p, completedAt: _c, ...d }) => d),
    events: svc.events,
    createdAt: svc.createdAt,
  };
}

function taskView(t: FakeTask): Json {
  const { cluster: _c, ...rest } = t;
  return rest;
}
