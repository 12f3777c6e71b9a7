/**
 * Cross-checks with the task definition (container environment) and the Dockerfile (gems), and the
 * reference setup this product comes from, which must validate clean.
 */
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckContext, ContainerEnvView, ImageView } from '../../src/checks/context.js';
import { DiskFs } from '../../src/checks/fs.js';
import { checkFluentd, checkFluentdSource } from '../../src/checks/fluentd/index.js';
import { sourceFromText } from '../../src/checks/source.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = new DiskFs(path.join(here, '../fixtures/fluentd/examples'));

function env(names: string[], options: { open?: boolean; secrets?: string[] } = {}): ContainerEnvView {
  return {
    names: new Set(names),
    secretNames: new Set(options.secrets ?? []),
    open: options.open ?? false,
    where: 'container "fluentd" in ecs/fluentd.taskdef.json',
    taskDefinitionFile: 'ecs/fluentd.taskdef.json',
  };
}

function image(
  gems: string[],
  options: { base?: string; complete?: boolean; files?: Record<string, string> } = {},
): ImageView {
  return {
    dockerfile: 'fluentd/Dockerfile',
    files: new Map(Object.entries(options.files ?? { '/fluentd/etc/fluent.conf': 'fluentd/etc/fluent.conf' })),
    gems: new Set(gems),
    baseImage: options.base ?? 'fluent/fluentd:v1.16-debian-1',
    complete: options.complete ?? true,
  };
}

const rows = (ctx: CheckContext, file = 'aggregator.conf'): Array<[string, string, number, number]> =>
  checkFluentd(file, examples, ctx).findings.map((f) => [f.code, f.severity, f.line, f.column]);

describe('the reference setup validates clean', () => {
  test('aggregator with its task definition and Dockerfile: no findings', () => {
    expect(
      rows({ env: env(['ddapikey'], { secrets: ['ddapikey'] }), image: image(['fluent-plugin-datadog']) }),
    ).toEqual([]);
  });

  test('web server sender (in_tail ltsv + out_forward to the NLB): no findings', () => {
    expect(rows({}, 'web-sender.conf')).toEqual([]);
  });

  test('aggregator alone: only the use_nil hint, as a notice', () => {
    expect(rows({})).toEqual([['fluentd/env-without-use-nil', 'notice', 20, 13]]);
    expect(checkFluentd('aggregator.conf', examples, {}).envNames).toEqual(['ddapikey']);
  });
});

describe('ENV against the task definition (E1.8)', () => {
  test.each([
    ['provided as a secret', env(['ddapikey'], { secrets: ['ddapikey'] }), []],
    ['missing: error, api_key would be ""', env(['OTHER']), [['fluentd/env-not-provided', 'error', 20, 13]]],
    [
      'missing but environmentFiles may set it: warning',
      env([], { open: true }),
      [['fluentd/env-not-provided', 'warning', 20, 13]],
    ],
  ] as Array<[string, ContainerEnvView, Array<[string, string, number, number]>]>)('%s', (_name, view, expected) => {
    expect(rows({ env: view, image: image(['fluent-plugin-datadog']) })).toEqual(expected);
  });

  test('a variable the Dockerfile sets with ENV counts as provided', () => {
    const view = { ...image(['fluent-plugin-datadog']), env: new Set(['ddapikey']) };
    expect(rows({ env: env([]), image: view })).toEqual([]);
  });

  test('the message names the container and the variable, never a value', () => {
    const f = checkFluentd('aggregator.conf', examples, { env: env([]) }).findings[0];
    expect(f?.message).toContain(`ENV['ddapikey'] is not provided to container "fluentd" in ecs/fluentd.taskdef.json`);
    expect(f?.message).toContain('api_key is empty');
  });

  test.each([
    ['fallback literal: fine', `"#{ENV['X'] || 'nginx'}"`, 'dd_source', []],
    ['ENV.fetch with a default: fine', `"#{ENV.fetch('X', 'nginx')}"`, 'dd_source', []],
    [
      'ENV.fetch without default raises',
      `"#{ENV.fetch('X')}"`,
      'dd_source',
      [['fluentd/env-not-provided', 'error', 4, 13]],
    ],
    [
      'use_nil on the api key: fluentd refuses to start',
      `"#{ENV['X'] || use_nil}"`,
      'api_key',
      [['fluentd/env-not-provided', 'error', 4, 11]],
    ],
    ['runtime variables need no task definition entry', `"#{ENV['HOSTNAME']}"`, 'dd_hostname', []],
  ] as Array<[string, string, string, Array<[string, string, number, number]>]>)(
    '%s',
    (_name, value, key, expected) => {
      // Line 3 is the api_key (from a provided variable unless it is the line under test), line 4 the value under test.
      const apiKey = key === 'api_key' ? `# api_key under test below` : `api_key "#{ENV['DD_API_KEY']}"`;
      const text = `<match **>\n  @type datadog\n  ${apiKey}\n  ${key} ${value}\n</match>\n<label @FLUENT_LOG>\n  <match **>\n    @type null\n  </match>\n</label>\n`;
      const r = checkFluentdSource(sourceFromText('f.conf', text), { env: env(['DD_API_KEY']) });
      expect(r.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual(expected);
    },
  );
});

describe('plugins the Dockerfile does not install (D6)', () => {
  test.each([
    [
      'no gem on the core image: error, as fluentd fails',
      image([]),
      [['fluentd/plugin-not-installed', 'error', 18, 11]],
    ],
    ['gem installed (with a version pin)', image(['fluent-plugin-datadog:0.14.2']), []],
    [
      'the Dockerfile cannot be followed: warning',
      image([], { complete: false }),
      [['fluentd/plugin-not-installed', 'warning', 18, 11]],
    ],
    [
      'another base image may bundle it: not judged',
      image([], { base: 'fluent/fluentd-kubernetes-daemonset:v1-debian-datadog' }),
      [],
    ],
    [
      'a plugin file copied into the image',
      image([], { files: { '/fluentd/plugins/out_datadog.rb': 'plugins/out_datadog.rb' } }),
      [],
    ],
  ] as Array<[string, ImageView, Array<[string, string, number, number]>]>)('%s', (_name, view, expected) => {
    expect(rows({ env: env(['ddapikey']), image: view })).toEqual(expected);
  });

  test("the message is fluentd's and says what to add", () => {
    const f = checkFluentd('aggregator.conf', examples, { env: env(['ddapikey']), image: image([]) }).findings[0];
    expect(f?.message).toContain("Unknown output plugin 'datadog'. Run 'gem search -rd fluent-plugin' to find plugins");
    expect(f?.message).toContain('RUN fluent-gem install fluent-plugin-datadog');
  });

  test('an unknown third-party type is only a warning (its gem name is a guess)', () => {
    const text = '<match **>\n  @type kafka2\n</match>\n';
    const r = checkFluentdSource(sourceFromText('f.conf', text), { image: image([]) });
    expect(
      r.findings.filter((f) => f.code === 'fluentd/plugin-not-installed').map((f) => [f.severity, f.line, f.column]),
    ).toEqual([['warning', 2, 9]]);
    expect(
      checkFluentdSource(sourceFromText('f.conf', text), { image: image(['fluent-plugin-kafka']) }).findings.filter(
        (f) => f.code === 'fluentd/plugin-not-installed',
      ),
    ).toEqual([]);
  });
});

describe('in_forward sources and the tags the project file declares (fluentd.forwardedTags)', () => {
  const conf = (match: string, extra = ''): string =>
    `<source>\n  @type forward\n  port 24224\n${extra}</source>\n\n<match ${match}>\n  @type stdout\n</match>\n`;
  const run = (text: string, forwardedTags: string[]): Array<[string, number, number]> =>
    checkFluentdSource(sourceFromText('fluent.conf', text), { fluentd: { forwardedTags } }).findings.map((f) => [
      f.code,
      f.line,
      f.column,
    ]);

  test("without declared tags a forward source keeps its senders' tags and is not judged (CONFIG-FACTS C2)", () => {
    expect(run(conf('apache'), [])).toEqual([]);
  });
  test('a declared tag that no <match> catches: unrouted, on the @type line', () => {
    expect(run(conf('apache'), ['nginx'])).toEqual([['fluentd/unrouted-source', 2, 9]]);
  });
  test('declared tags all caught: clean; one of two caught: partially routed', () => {
    expect(run(conf('nginx.** syslog'), ['nginx', 'nginx.error', 'syslog'])).toEqual([]);
    expect(run(conf('nginx'), ['nginx', 'syslog'])).toEqual([['fluentd/partially-routed-source', 2, 9]]);
  });
  test('add_tag_prefix is prepended to each declared tag (in_forward.rb)', () => {
    expect(run(conf('web.nginx', '  add_tag_prefix web\n'), ['nginx'])).toEqual([]);
    expect(run(conf('nginx', '  add_tag_prefix web\n'), ['nginx'])).toEqual([['fluentd/unrouted-source', 4, 18]]);
  });
});
