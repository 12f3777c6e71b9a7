/**
 * End to end, the action's push and manual-run paths: `node dist/index.js` with real INPUT_*
 * variables and event payload files deploys the example repository against the same real parts
 * as the deploy tests (a Docker engine, a registry with ECR-style auth, the fake AWS endpoint over
 * the real wire protocols). A push to main that adds a site builds, pushes, registers and rolls
 * out; a workflow_dispatch redeploy forces new deployments without building anything.
 * Asserted: the outputs, the job summary, that no comment is attempted, and the AWS calls.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type DockerEngine, startDockerEngine } from '../support/docker-env.js';
import { type ExampleEnv, FAKE_API_KEY, REGION, startExampleEnv } from '../support/example-env.js';
import { FAKE_ACCOUNT } from '../support/fake-aws/server.js';
import { FakeGitHub } from '../support/fake-github.js';
import { type ActionRun, eventFixture, spawnAction } from './harness.js';

const engine: DockerEngine | undefined = await startDockerEngine();
const d = engine ? describe : describe.skip;
const HTTP = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';
const TD = (family: string, rev: number): string =>
  `arn:aws:ecs:${REGION}:${FAKE_ACCOUNT}:task-definition/${family}:${rev}`;

d('the action deploys the example repository', () => {
  let x: ExampleEnv;
  const gh = new FakeGitHub();
  let pushRun: ActionRun;
  let head = '';

  const common = {
    config: 'dd-ecs-monitor.yml',
    'github-token': 'ghs_deployFakeToken00000000000000',
    'poll-interval': '0.05',
    'wait-timeout': '60',
  };

  beforeAll(async () => {
    await gh.start();
    x = await startExampleEnv(engine as DockerEngine);
    const base = x.git('rev-parse', 'HEAD');
    await appendFile(
      path.join(x.repo, HTTP),
      '\n  - name: Status page\n    url: https://status.example.com/\n    timeout: 5\n    tags:\n      - "env:prd"\n',
    );
    head = x.commit('Monitor the status page');
    pushRun = await spawnAction({
      inputs: { ...common, command: 'deploy' },
      eventName: 'push',
      event: eventFixture('push', { ['1'.repeat(40)]: base, ['2'.repeat(40)]: head }),
      workspace: x.repo,
      sha: head,
      env: { ...x.env, GITHUB_API_URL: gh.url },
      timeoutMs: 240_000,
    });
  }, 300_000);

  afterAll(async () => {
    await gh.stop();
    await x?.stop();
    await engine?.stop();
  }, 60_000);

  test('push to main: succeeds, both images pushed and pinned by digest, both services rolled out', async () => {
    expect([pushRun.code, pushRun.commands.filter((c) => c.command === 'error')]).toEqual([0, []]);
    const digests = JSON.parse(pushRun.outputs['image-digests'] as string) as Record<string, string>;
    expect(Object.keys(digests).sort()).toEqual(['datadog-agent', 'fluentd']);
    for (const [key, digest] of Object.entries(digests))
      expect(digest).toBe(await x.registry.digest(`monitoring/${key}`, head));
    const images = JSON.parse(pushRun.outputs.images as string) as Record<string, string>;
    expect(images['datadog-agent']).toBe(`${x.registry.host}/monitoring/datadog-agent@${digests['datadog-agent']}`);
    expect(JSON.parse(pushRun.outputs['task-definition-arns'] as string)).toEqual({
      'datadog-agent': TD('datadog-agent', 2),
      fluentd: TD('fluentd', 2),
    });
    expect(JSON.parse(pushRun.outputs['deployed-services'] as string)).toEqual(['datadog-agent', 'fluentd']);
    expect(pushRun.outputs.result).toBe('success');
    expect(JSON.parse(pushRun.outputs['changed-files'] as string)).toEqual([HTTP]);
    expect(
      x.fake
        .callsTo('ecs', 'RegisterTaskDefinition')
        .map((c) => c.input.containerDefinitions[0].image)
        .sort(),
    ).toEqual(Object.values(images).sort());
    expect(x.ecs.primary('monitoring', 'datadog-agent').rolloutState).toBe('COMPLETED');
  });

  test('push: the job summary reports the deploy and the added site; no comment is attempted; no secret anywhere', () => {
    const s = pushRun.summary;
    expect(s.split('\n')[0]).toBe('## ✅ dd-ecs-monitor deploy: deployed · 0 errors, 0 warnings');
    expect(s).toContain('**1 added, 0 removed, 0 changed**, 3 unchanged');
    expect(s).toContain('| ➕ added | Status page | `https://status.example.com/` |');
    expect(s).toContain('| `datadog-agent` | ✅ completed | `datadog-agent:2` |');
    expect(s).toContain('| `fluentd` | ✅ completed | `fluentd:2` |');
    expect(gh.requests).toEqual([]);
    // `::add-mask::<value>` is how the runner learns a secret (it never prints that line): all else must be clean.
    expect(pushRun.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain(
      x.registry.password,
    );
    const logged = pushRun.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [logged, pushRun.stderr, s]) {
      expect(text).not.toContain(FAKE_API_KEY);
      expect(text).not.toContain(x.registry.password);
    }
  });

  test('workflow_dispatch redeploy: nothing built, nothing registered, both services forced to a new deployment', async () => {
    x.fake.resetCalls();
    const run = await spawnAction({
      inputs: { ...common, command: 'deploy', 'force-new-deployment': 'true' },
      eventName: 'workflow_dispatch',
      event: eventFixture('workflow_dispatch', {}),
      workspace: x.repo,
      sha: head,
      env: { ...x.env, GITHUB_API_URL: gh.url },
      timeoutMs: 240_000,
    });
    expect([run.code, run.commands.filter((c) => c.command === 'error')]).toEqual([0, []]);
    expect(x.fake.count('ecs', 'RegisterTaskDefinition')).toBe(0);
    expect(
      x.fake
        .callsTo('ecs', 'UpdateService')
        .map((c) => [c.input.service, c.input.forceNewDeployment])
        .sort(),
    ).toEqual([
      ['datadog-agent', true],
      ['fluentd', true],
    ]);
    expect(JSON.parse(run.outputs['deployed-services'] as string)).toEqual(['datadog-agent', 'fluentd']);
    expect(JSON.parse(run.outputs['task-definition-arns'] as string)).toEqual({
      'datadog-agent': TD('datadog-agent', 2),
      fluentd: TD('fluentd', 2),
    });
    expect(run.outputs['changed-files']).toBe('null');
    const plan = JSON.parse(run.outputs.plan as string) as { images: Array<{ key: string; action: string }> };
    expect(plan.images.map((i) => [i.key, i.action])).toEqual([
      ['datadog-agent', 'reuse'],
      ['fluentd', 'reuse'],
    ]);
    expect(run.summary).toContain(
      '### Sites\n\n_4 sites monitored; added / removed / changed sites need a base commit to compare with \\(manual run \\(workflow\\_dispatch\\) without a &quot;base&quot;: every file counts as changed\\)._',
    );
    expect(run.summary).toContain('| `fluentd` | 🔁 update (forced) | forced new deployment |');
  }, 240_000);
});
