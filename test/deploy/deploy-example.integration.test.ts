/**
 * Issue 3's end-to-end proof: the example repository deployed with the real Docker engine (stand-in
 * base images), a real registry with ECR-style auth, and the fake AWS endpoint over the real wire
 * protocols. First deploy builds and rolls out both services; a re-run does nothing at all; a
 * change to the http_check config alone builds one image and updates one service.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type Exec, runProcess } from '../../src/exec.js';
import { deploy, type DeployOptions } from '../../src/deploy.js';
import { changedFilesFromGit } from '../../src/git.js';
import { memoryLog } from '../../src/log.js';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { FAKE_API_KEY, type ExampleEnv, REGION, startExampleEnv } from '../support/example-env.js';
import { FAKE_ACCOUNT } from '../support/fake-aws/server.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;

function recordingExec(): { exec: Exec; verbs: () => string[] } {
  const calls: string[][] = [];
  const exec: Exec = async (cmd, args, opts) => {
    calls.push([cmd, ...args]);
    return runProcess(cmd, args, opts);
  };
  return { exec, verbs: () => calls.filter((c) => c[0] === 'docker').map((c) => c[1] ?? '') };
}

d('deploying the example repository end to end', () => {
  let x: ExampleEnv;
  const saved = { ...process.env };

  beforeAll(async () => {
    x = await startExampleEnv(engine as DockerEngine);
    Object.assign(process.env, x.env);
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  async function run(
    over: Partial<DeployOptions> = {},
  ): Promise<{ result: Awaited<ReturnType<typeof deploy>>; log: ReturnType<typeof memoryLog>; docker: string[] }> {
    const log = memoryLog();
    const rec = recordingExec();
    const head = x.git('rev-parse', 'HEAD');
    const result = await deploy({
      configPath: path.join(x.repo, 'dd-ecs-monitor.yml'),
      offline: false,
      changed: { kind: 'all', reason: 'test' },
      dryRun: false,
      rollback: true,
      pollIntervalSeconds: 0.02,
      waitTimeoutSeconds: 20,
      gitSha: head,
      log,
      env: process.env,
      exec: rec.exec,
      ...over,
    });
    return { result, log, docker: rec.verbs() };
  }

  test('first deploy: both images built and pushed, task definitions pinned by digest with SSM ARNs, both services rolled out to COMPLETED', async () => {
    x.fake.resetCalls();
    const { result, log, docker } = await run();
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);

    // The images are really in the registry, under the content tag and the commit tag.
    const head = x.git('rev-parse', 'HEAD');
    expect(await x.registry.catalog()).toEqual(['monitoring/datadog-agent', 'monitoring/fluentd']);
    for (const img of result.images) {
      expect(img.built).toBe(true);
      expect(img.digest).toBe(await x.registry.digest(`monitoring/${img.key}`, head));
      expect(img.imageRef).toBe(`${x.registry.host}/monitoring/${img.key}@${img.digest}`);
    }
    expect(docker.filter((v) => v === 'build')).toHaveLength(2);
    expect(docker).toContain('push');

    // Registered task definitions: images pinned by digest, secrets as full SSM ARNs of the caller's account.
    const registered = x.fake.callsTo('ecs', 'RegisterTaskDefinition').map((c) => c.input);
    expect(registered.map((r) => r.family).sort()).toEqual(['datadog-agent', 'fluentd']);
    for (const td of registered) {
      const c = td.containerDefinitions[0];
      const img = result.images.find((i) => i.key === td.family);
      expect(c.image).toBe(img?.imageRef);
      expect(c.secrets).toEqual([
        {
          name: td.family === 'fluentd' ? 'ddapikey' : 'DD_API_KEY',
          valueFrom: `arn:aws:ssm:${REGION}:${FAKE_ACCOUNT}:parameter/datadog/apikey`,
        },
      ]);
      expect(td).not.toHaveProperty('revision');
    }

    // Both services updated to the new revisions and followed to COMPLETED.
    const updates = x.fake.callsTo('ecs', 'UpdateService').map((c) => [c.input.service, c.input.taskDefinition]);
    expect(updates.sort()).toEqual([
      ['datadog-agent', `arn:aws:ecs:${REGION}:${FAKE_ACCOUNT}:task-definition/datadog-agent:2`],
      ['fluentd', `arn:aws:ecs:${REGION}:${FAKE_ACCOUNT}:task-definition/fluentd:2`],
    ]);
    expect(result.services.map((s) => [s.key, s.state, s.ok])).toEqual([
      ['datadog-agent', 'completed', true],
      ['fluentd', 'completed', true],
    ]);
    expect(x.ecs.primary('monitoring', 'fluentd').rolloutState).toBe('COMPLETED');
    // Pre-flight read the parameter's existence, never its value.
    expect(x.ssm.withDecryption.every((w) => w === false)).toBe(true);
    expect(log.lines.join('\n')).not.toContain(FAKE_API_KEY);
    expect(log.lines.join('\n')).not.toContain(x.registry.password);
  }, 180_000);

  test('deploying again with nothing changed: zero builds, zero pushes, zero RegisterTaskDefinition, zero UpdateService', async () => {
    const tagsBefore = await x.registry.tags('monitoring/fluentd');
    x.fake.resetCalls();
    const { result, docker } = await run();
    expect(result.ok).toBe(true);
    expect(docker).toEqual([]);
    expect(x.fake.count('ecr', 'GetAuthorizationToken')).toBe(0);
    expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(x.fake.count('ecs', 'UpdateService')).toBe(0);
    expect(result.images.every((i) => !i.built && !i.pushed)).toBe(true);
    expect(result.services.map((s) => s.state)).toEqual(['unchanged', 'unchanged']);
    expect(await x.registry.tags('monitoring/fluentd')).toEqual(tagsBefore);
  }, 120_000);

  test('a change to the http_check config only: exactly one image made (by layer append, no docker build) and one service updated', async () => {
    const base = x.git('rev-parse', 'HEAD');
    // A site name full of shell syntax: the agent accepts any name, and nothing here ever hands it to a shell.
    const pwned = path.join(x.repo, 'pwned');
    await appendFile(
      path.join(x.repo, 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'),
      `  - name: 'status page"; touch ${pwned}; $(touch ${pwned}) \`touch ${pwned}\` #'\n    url: https://status.example.com/\n    timeout: 5\n    tags:\n      - "env:prd"\n`,
    );
    const head = x.commit('monitor the status page');
    const changed = await changedFilesFromGit({ root: x.repo, base, head, mode: 'direct' });
    expect(changed).toEqual({
      kind: 'files',
      files: ['datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml'],
      base,
      head,
    });

    x.fake.resetCalls();
    const { result, docker } = await run({ changed, gitSha: head });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    // The base is in ECR since the first deploy: the config tail is appended through the registry.
    expect(docker.filter((v) => v === 'build')).toHaveLength(0);
    expect(result.images.filter((i) => i.built).map((i) => i.key)).toEqual(['datadog-agent']);
    expect(result.images.find((i) => i.built)?.method).toMatch(/^layer append \(3 files, \d+\.\d KB\)$/);
    expect(result.plan.images.find((i) => i.key === 'datadog-agent')?.changedInputs).toEqual([
      'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml',
    ]);
    expect(x.fake.callsTo('ecs', 'RegisterTaskDefinition').map((c) => c.input.family)).toEqual(['datadog-agent']);
    expect(x.fake.callsTo('ecs', 'UpdateService').map((c) => c.input.service)).toEqual(['datadog-agent']);
    expect(result.services.map((s) => [s.key, s.state])).toEqual([
      ['datadog-agent', 'completed'],
      ['fluentd', 'unchanged'],
    ]);
    expect(existsSync(pwned)).toBe(false);
  }, 180_000);
});
