import { describe, expect, test } from '@jest/globals';
import {
  buildxBuildArgv,
  digestFromMetadata,
  digestFromPushOutput,
  digestFromRepoDigests,
  driverFromInspect,
  fluentdDryRunArgv,
  isLegacyBuilderNotice,
  legacyBuildArgv,
  loginArgv,
  pushArgv,
  repoDigestsArgv,
} from '../../src/images/docker-argv.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const URI = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd';
const base = {
  dockerfile: '/repo/fluentd/Dockerfile',
  contextDir: '/repo',
  tags: [`${URI}:content-abc`, `${URI}:deadbeef`],
};

describe('buildx argv', () => {
  test.each([
    [
      'push, no cache outside GitHub Actions',
      { ...base, output: 'push' as const, metadataFile: '/tmp/m.json' },
      [
        'buildx',
        'build',
        '--file',
        '/repo/fluentd/Dockerfile',
        '--tag',
        `${URI}:content-abc`,
        '--tag',
        `${URI}:deadbeef`,
        '--provenance=false',
        '--metadata-file',
        '/tmp/m.json',
        '--push',
        '/repo',
      ],
    ],
    [
      'GitHub Actions cache scoped per image, sorted build args, platform and target',
      {
        ...base,
        output: 'push' as const,
        metadataFile: '/tmp/m.json',
        ghaCacheScope: 'fluentd',
        buildArgs: { Z: 'last', BASE: 'fluent/fluentd:v1.16-1', A: 'x=y' },
        platform: 'linux/amd64',
        target: 'final',
      },
      [
        'buildx',
        'build',
        '--file',
        '/repo/fluentd/Dockerfile',
        '--tag',
        `${URI}:content-abc`,
        '--tag',
        `${URI}:deadbeef`,
        '--build-arg',
        'A=x=y',
        '--build-arg',
        'BASE=fluent/fluentd:v1.16-1',
        '--build-arg',
        'Z=last',
        '--platform',
        'linux/amd64',
        '--target',
        'final',
        '--provenance=false',
        '--cache-from',
        'type=gha,scope=fluentd',
        '--cache-to',
        'type=gha,scope=fluentd,mode=max',
        '--metadata-file',
        '/tmp/m.json',
        '--push',
        '/repo',
      ],
    ],
    [
      'load (the Fluentd image, checked before its push)',
      { ...base, tags: [`${URI}:content-abc`], output: 'load' as const, metadataFile: '/tmp/m.json' },
      [
        'buildx',
        'build',
        '--file',
        '/repo/fluentd/Dockerfile',
        '--tag',
        `${URI}:content-abc`,
        '--provenance=false',
        '--metadata-file',
        '/tmp/m.json',
        '--load',
        '/repo',
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(buildxBuildArgv(input)).toEqual(expected);
  });
});

describe('classic builder fallback argv', () => {
  test.each([
    [
      'plain',
      base,
      [
        'build',
        '--file',
        '/repo/fluentd/Dockerfile',
        '--tag',
        `${URI}:content-abc`,
        '--tag',
        `${URI}:deadbeef`,
        '/repo',
      ],
    ],
    [
      'build args and platform',
      { ...base, tags: [`${URI}:c`], buildArgs: { BASE: 'test/base:1' }, platform: 'linux/arm64' },
      [
        'build',
        '--file',
        '/repo/fluentd/Dockerfile',
        '--tag',
        `${URI}:c`,
        '--build-arg',
        'BASE=test/base:1',
        '--platform',
        'linux/arm64',
        '/repo',
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(legacyBuildArgv(input)).toEqual(expected);
  });

  test('push, login (password on stdin, never in argv) and repo digests', () => {
    expect(pushArgv(`${URI}:c`)).toEqual(['push', `${URI}:c`]);
    expect(loginArgv('127.0.0.1:5000', 'AWS')).toEqual([
      'login',
      '--username',
      'AWS',
      '--password-stdin',
      '127.0.0.1:5000',
    ]);
    expect(repoDigestsArgv(`${URI}:c`)).toEqual(['image', 'inspect', '--format', '{{json .RepoDigests}}', `${URI}:c`]);
  });
});

test('fluentd dry run: no network, never a pull, fluentd itself as entrypoint, sorted placeholder env', () => {
  expect(
    fluentdDryRunArgv({
      image: `${URI}:c`,
      configPath: '/fluentd/etc/fluent.conf',
      containerName: 'n1',
      env: { ZZ: '1', DD_API_KEY: 'placeholder' },
    }),
  ).toEqual([
    'run',
    '--rm',
    '--pull=never',
    '--network',
    'none',
    '--name',
    'n1',
    '--env',
    'DD_API_KEY=placeholder',
    '--env',
    'ZZ=1',
    '--entrypoint',
    'fluentd',
    `${URI}:c`,
    '--dry-run',
    '-c',
    '/fluentd/etc/fluent.conf',
  ]);
});

describe('reading docker output', () => {
  test.each([
    [
      'classic push',
      `The push refers to repository [127.0.0.1:5001/mon/agent]\nf68883a60722: Pushed\nx1: digest: ${D1} size: 942\n`,
      D1,
    ],
    ['already pushed layers', `f68883a60722: Layer already exists\ncontent-abc: digest: ${D2} size: 1570\n`, D2],
    ['no digest line', 'f68883a60722: Pushed\n', undefined],
    ['a short digest is not a digest', 'x: digest: sha256:abc size: 1\n', undefined],
  ])('push output: %s', (_n, out, expected) => {
    expect(digestFromPushOutput(out)).toBe(expected);
  });

  test.each([
    ['pushed manifest digest', JSON.stringify({ 'containerimage.config.digest': D2, 'containerimage.digest': D1 }), D1],
    ['missing key', JSON.stringify({ 'containerimage.config.digest': D2 }), undefined],
    ['not JSON', '{', undefined],
    ['not a digest', JSON.stringify({ 'containerimage.digest': 'abc' }), undefined],
  ])('buildx metadata: %s', (_n, json, expected) => {
    expect(digestFromMetadata(json)).toBe(expected);
  });

  test.each([
    ['picks the digest under this repository', JSON.stringify([`other/repo@${D2}`, `${URI}@${D1}`]), D1],
    ['none for this repository', JSON.stringify([`${URI}-x@${D1}`]), undefined],
    ['empty', '[]', undefined],
    ['garbage', 'null', undefined],
  ])('repo digests: %s', (_n, json, expected) => {
    expect(digestFromRepoDigests(json, URI)).toBe(expected);
  });

  test.each([
    ['Name:          builder\nDriver:        docker-container\nLast Activity: ...\n', 'docker-container'],
    ['Name:   default\nDriver: docker\n', 'docker'],
    ['no such line', undefined],
  ])('buildx inspect driver from %j', (out, expected) => {
    expect(driverFromInspect(out)).toBe(expected);
  });

  test.each([
    ['DEPRECATED: The legacy builder is deprecated and will be removed in a future release.', true],
    ['            Install the buildx component to build images with BuildKit:', true],
    ['            https://docs.docker.com/go/buildx/', true],
    ["The command '/bin/sh -c false' returned a non-zero code: 1", false],
  ])('legacy builder notice: %j -> %s', (line, expected) => {
    expect(isLegacyBuilderNotice(line)).toBe(expected);
  });
});
