/** What a verification asks about, from the example repository: everything, or only what a deploy changed. */
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { validateProject } from '../../src/validate.js';
import { servicesTouched, verifyTargets } from '../../src/verify/targets.js';
import { EXAMPLE } from '../support/example-env.js';

const validation = validateProject(path.join(EXAMPLE, 'dd-ecs-monitor.yml'));
const HTTP = 'datadog/etc/datadog-agent/conf.d/http_check.d/conf.yaml';

describe('verify targets', () => {
  test('--all: every site with the tags its metrics carry, the mysql server, the out_datadog inside <store>', () => {
    const t = verifyTargets(validation, { all: true });
    expect(t.sites.map((s) => [s.name, s.instance, s.line])).toEqual([
      ['Example corporate site', 'example_corporate_site', 4],
      ['Example media site', 'example_media_site', 11],
      ['Example recruiting site', 'example_recruiting_site', 18],
    ]);
    expect(t.sites[0]?.tags).toEqual([
      'instance:example_corporate_site',
      'url:https://www.example.com/',
      'env:prd',
      'site:corporate',
    ]);
    expect(t.mysql).toEqual([
      { host: 'db.example.com', port: 3306, file: 'datadog/etc/datadog-agent/conf.d/mysql.d/conf.yaml', line: 4 },
    ]);
    expect(t.logs).toEqual([{ service: 'access-log', source: 'nginx', file: 'fluentd/etc/fluent.conf', line: 10 }]);
    expect(t.notes).toEqual([]);
  });

  test('a deploy of the aggregator alone: its logs only', () => {
    const t = verifyTargets(validation, { all: false, deployedServices: ['fluentd'], changedFiles: [] });
    expect([t.sites, t.mysql, t.logs.length]).toEqual([[], [], 1]);
  });

  test('a deploy of the agent for one added site: that site only; the untouched mysql file is not asked about', () => {
    const media = validation.sites.find((s) => s.name === 'Example media site');
    if (!media) throw new Error('example changed');
    const t = verifyTargets(validation, {
      all: false,
      deployedServices: ['datadog-agent'],
      changedFiles: [HTTP],
      sites: { added: [media], removed: [], changed: [], unchanged: 2 },
    });
    expect(t.sites.map((s) => s.name)).toEqual(['Example media site']);
    expect([t.mysql, t.logs]).toEqual([[], []]);
    expect(t.notes).toEqual(['2 sites this deploy did not add or change were not verified (use --all)']);
  });

  test('changed files unknown (a first push): every site and mysql instance of the deployed agent', () => {
    const t = verifyTargets(validation, { all: false, deployedServices: ['datadog-agent'] });
    expect([t.sites.length, t.mysql.length, t.logs.length]).toEqual([3, 1, 0]);
  });

  test('verify on its own: the services whose images carry a changed file', () => {
    expect(servicesTouched(validation, [HTTP])).toEqual(['datadog-agent']);
    expect(servicesTouched(validation, ['fluentd/etc/fluent.conf'])).toEqual(['fluentd']);
    expect(servicesTouched(validation, ['README.md'])).toEqual([]);
    expect(servicesTouched(validation, undefined)).toEqual(['datadog-agent', 'fluentd']);
  });
});
