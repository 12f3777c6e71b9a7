/**
 * The base / config-tail split (src/project/config-tail.ts): which trailing instructions can be
 * appended through the registry, and, for each Dockerfile that cannot be split, the reason `plan`
 * prints. Input Dockerfile -> exact base text and tail lines, or exact reason.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { sourceFromText } from '../../../src/checks/source.js';
import { splitConfigTail } from '../../../src/project/config-tail.js';
import { parseDockerfile } from '../../../src/project/dockerfile.js';

function split(text: string, args: Record<string, string> = {}) {
  const src = sourceFromText('Dockerfile', text);
  return splitConfigTail(src, parseDockerfile(src, args), args);
}

describe('splitting a Dockerfile into base and config tail', () => {
  test('the example agent image: the base is ARG + FROM, the tail its three COPY lines', () => {
    const r = split(readFileSync('examples/datadog-ecs/datadog/Dockerfile', 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.baseText).toBe(
      '# The base image is a build arg so that tests (and mirrors) can stand in for it.\nARG AGENT_IMAGE=public.ecr.aws/datadog/agent:7\nFROM ${AGENT_IMAGE}\n',
    );
    expect(r.steps.map((s) => [s.kind, s.line])).toEqual([
      ['copy', 6],
      ['copy', 10],
      ['copy', 11],
    ]);
  });

  test('the example Fluentd image: RUN gem install stays in the base, COPY + USER fluent is the tail', () => {
    const r = split(readFileSync('examples/datadog-ecs/fluentd/Dockerfile', 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.baseText.trimEnd().split('\n').slice(-1)).toEqual(['RUN gem install fluent-plugin-datadog --no-document']);
    expect(r.steps.map((s) => (s.kind === 'copy' ? 'COPY' : s.keyword))).toEqual(['COPY', 'user']);
  });

  test('metadata around the COPY lines joins the tail; CMD in the base is remembered for ENTRYPOINT', () => {
    const r = split(
      'FROM b\nCMD ["x"]\nRUN true\nENV A=1\nCOPY a /etc/a\nLABEL k=v\nEXPOSE 80\nENTRYPOINT ["/bin/e"]\n',
    );
    expect(r.ok && r.steps.map((s) => (s.kind === 'copy' ? 'COPY' : s.keyword))).toEqual([
      'env',
      'COPY',
      'label',
      'expose',
      'entrypoint',
    ]);
    expect(r.ok && r.cmdSetInBase).toBe(true);
    expect(r.ok && r.baseText).toBe('FROM b\nCMD ["x"]\nRUN true\n');
  });

  test.each<[string, string, string]>([
    [
      'RUN after the last COPY',
      'FROM b\nCOPY a /a\nRUN cat /a\n',
      'RUN on line 3 comes after the last COPY: nothing to append',
    ],
    [
      'COPY --from a stage',
      'FROM b AS x\nFROM b\nCOPY --from=x /a /a\n',
      'COPY on line 3 copies --from=x, which only docker can read',
    ],
    [
      'remote ADD',
      'FROM b\nADD https://example.com/a /a\n',
      'ADD on line 2 fetches https://example.com/a: a remote ADD is left to docker',
    ],
    ['local archive ADD', 'FROM b\nADD a.tar.gz /opt/\n', 'ADD on line 2 may unpack a local archive: left to docker'],
    ['heredoc', 'FROM b\nCOPY <<EOF /a\nhi\nEOF\n', 'COPY on line 2 writes a heredoc: left to docker'],
    [
      'chown by name',
      'FROM b\nCOPY --chown=fluent a /a\n',
      "COPY on line 2 has --chown=fluent: a user name needs the base image's /etc/passwd; write numeric uid:gid",
    ],
    [
      'relative dest, base WORKDIR unknown',
      'FROM b\nCOPY a conf/\n',
      "COPY on line 2 has a relative destination under the base image's WORKDIR, which is unknown without the base",
    ],
    [
      'path from a base-image variable',
      'FROM b\nCOPY a $HOME/a\n',
      'COPY on line 2 uses $HOME, which the Dockerfile does not define (the base image may): left to docker',
    ],
    ['ONBUILD in the base', 'FROM b\nONBUILD RUN x\nCOPY a /a\n', 'ONBUILD on line 2 in the base: left to docker'],
    [
      'WORKDIR nothing is copied into',
      'FROM b\nWORKDIR /srv\nCOPY a /etc/a\n',
      'WORKDIR /srv on line 2: docker creates it when missing, and whether the base has it is unknown without its layers',
    ],
    ['no COPY at all', 'FROM b\nENV A=1\n', 'the built stage copies no files: nothing to append'],
  ])('%s: docker build, and why', (_name, text, reason) => {
    expect(split(text)).toMatchObject({ ok: false, reason });
  });

  test('ARG-dependent paths resolve from build args; WORKDIR that a COPY lands under is appended', () => {
    const r = split('FROM b\nARG DIR=/etc/app\nWORKDIR ${DIR}\nCOPY a ${DIR}/a\n', { DIR: '/opt/app' });
    expect(r.ok && r.steps.map((s) => (s.kind === 'copy' ? s.copy.dest : s.keyword))).toEqual([
      'arg',
      'workdir',
      '/opt/app/a',
    ]);
  });
});

describe('how an image is made, from its files', () => {
  test('a tail that copies a symbolic link is left to docker; the example agent image is appended', async () => {
    const { mkdtemp, writeFile, symlink, rm, cp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { imageMethod, describeMethod } = await import('../../../src/images/append-plan.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-method-'));
    try {
      await cp('examples/datadog-ecs/datadog', dir, { recursive: true });
      const spec = {
        key: 'a',
        contextDir: dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        repository: 'r',
        contentHash: 'x',
      };
      const m = await imageMethod(spec);
      expect(describeMethod(m)).toMatch(/^layer append \(3 files, \d+\.\d KB\)$/);
      expect(m.kind === 'append' && m.baseTag).toMatch(/^base-[0-9a-f]{32}$/);
      await rm(path.join(dir, '.dockerignore'), { force: true });
      await writeFile(path.join(dir, 'Dockerfile'), 'FROM b\nCOPY link.yaml /etc/x.yaml\n');
      await writeFile(path.join(dir, 'real.yaml'), 'a: 1\n');
      await symlink('real.yaml', path.join(dir, 'link.yaml'));
      expect(describeMethod(await imageMethod({ ...spec }))).toBe(
        'docker build (COPY on line 2 copies the symbolic link link.yaml)',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('editing a comment above the tail or a tail file keeps the base hash; editing the base part changes it', async () => {
    const { mkdtemp, writeFile, readFile, rm, cp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { imageMethod } = await import('../../../src/images/append-plan.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-basehash-'));
    try {
      await cp('examples/datadog-ecs/datadog', dir, { recursive: true });
      const spec = {
        key: 'a',
        contextDir: dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        repository: 'r',
        contentHash: 'x',
      };
      const tag = async () => {
        const m = await imageMethod(spec);
        return m.kind === 'append' ? m.baseTag : m.reason;
      };
      const first = await tag();
      const df = await readFile(spec.dockerfile, 'utf8');
      await writeFile(spec.dockerfile, df.replace('# Synthetic HTTP checks of the sites.', '# The sites we probe.'));
      await writeFile(path.join(dir, 'etc/datadog-agent/conf.d/http_check.d/conf.yaml'), 'instances: []\n');
      expect(await tag()).toBe(first);
      await writeFile(spec.dockerfile, df.replace('agent:7', 'agent:7.60'));
      expect(await tag()).not.toBe(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('a floating base moved upstream (another resolved digest) is another base hash; the same digest keeps it', async () => {
    const { mkdtemp, rm, cp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { imageMethod } = await import('../../../src/images/append-plan.js');
    const { parseDockerfile: parse } = await import('../../../src/project/dockerfile.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'dd-ecs-monitor-basedigest-'));
    try {
      await cp('examples/datadog-ecs/datadog', dir, { recursive: true });
      const spec = {
        key: 'a',
        contextDir: dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        repository: 'r',
        contentHash: 'x',
      };
      const from = parse(sourceFromText('Dockerfile', readFileSync(spec.dockerfile, 'utf8')), {}).stages[0]
        ?.baseImage as string;
      const tag = async (digests?: Record<string, string>) => {
        const m = await imageMethod({ ...spec, ...(digests ? { baseDigests: digests } : {}) });
        return m.kind === 'append' ? m.baseTag : m.reason;
      };
      const byName = await tag();
      const before = await tag({ [from]: `sha256:${'1'.repeat(64)}` });
      expect(before).toMatch(/^base-[0-9a-f]{32}$/);
      expect(before).not.toBe(byName);
      expect(await tag({ [from]: `sha256:${'1'.repeat(64)}` })).toBe(before);
      expect(await tag({ [from]: `sha256:${'2'.repeat(64)}` })).not.toBe(before);
      // A digest for a reference the Dockerfile does not name changes nothing.
      expect(await tag({ 'other/image:1': `sha256:${'2'.repeat(64)}` })).toBe(byName);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
