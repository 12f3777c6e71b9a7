/**
 * schema/dd-ecs-monitor.schema.json: the one schema for the project file (the loader validates with
 * it, editors read it). It compiles under ajv's strict mode and is a valid draft-07 schema; every
 * project file shown in README.md and docs/*.md validates against it; and a typo is reported with a
 * did-you-mean at its own line and column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadProject } from '../../src/project/load.js';
import { spawnSync } from 'node:child_process';
import { projectValidator } from '../../src/project/schema.js';
import { REPO_ROOT } from '../support/repo-root.js';

const PROJECT_SCHEMA = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/dd-ecs-monitor.schema.json'), 'utf8'));

/** ```yaml blocks of README.md and docs/*.md that are project files (top-level cluster/images/services; not workflows). */
function projectFileExamples(): Array<[string, string]> {
  const docs = [
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  return docs.flatMap((doc) => {
    const text = readFileSync(path.join(REPO_ROOT, doc), 'utf8');
    return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
      .map((m) => ({ body: m[1] as string, line: text.slice(0, m.index).split('\n').length }))
      .filter(({ body }) => /^(?:cluster|images|services):/m.test(body) && !/^(?:on|jobs):/m.test(body))
      .map(({ body, line }): [string, string] => [`${doc}:${line}`, body]);
  });
}

describe('the schema itself', () => {
  test("the loader's precompiled validator is that schema, compiled (scripts/gen-schema-validator.mjs --check)", () => {
    const r = spawnSync(process.execPath, ['scripts/gen-schema-validator.mjs', '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('is a valid draft-07 schema and compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addKeyword('x-code');
    ajv.addKeyword('errorMessage');
    expect(ajv.validateSchema(PROJECT_SCHEMA)).toBe(true);
    expect(() => ajv.compile(PROJECT_SCHEMA)).not.toThrow();
    expect(typeof projectValidator()).toBe('function');
  });
});

describe('every project file in the docs validates', () => {
  const examples = projectFileExamples();
  test('there are examples to check (README and docs/project-file.md)', () => {
    expect(examples.map(([where]) => where.split(':')[0])).toEqual(
      expect.arrayContaining(['README.md', 'docs/project-file.md']),
    );
  });
  test.each(examples)('%s', (_where, body) => {
    const validate = projectValidator();
    const ok = validate(parse(body));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  test('the example repository and the init golden file too', () => {
    for (const file of ['examples/datadog-ecs/dd-ecs-monitor.yml', 'test/fixtures/blog-layout.golden.yml']) {
      expect(projectValidator()(parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')))).toBe(true);
    }
  });
});

describe('schema findings on the right line', () => {
  const EXAMPLE = path.join(REPO_ROOT, 'examples/datadog-ecs/dd-ecs-monitor.yml');
  const base = readFileSync(EXAMPLE, 'utf8');
  const findingsFor = (text: string) =>
    loadProject(EXAMPLE, text).findings.map((f) => [f.code, f.severity, f.line, f.column, f.message]);

  test.each<[string, string, string, [string, string, number, number, string]]>([
    [
      'a misspelled image key',
      '    context: datadog\n',
      '    contxet: datadog\n',
      [
        'project/unknown-key',
        'warning',
        9,
        5,
        'unknown key "contxet" in images.datadog-agent; it is ignored (did you mean "context"?)',
      ],
    ],
    [
      'a misspelled top-level key',
      'fluentd:\n  forwardedTags',
      'fluentd:\n  forwardedTag',
      [
        'project/unknown-key',
        'warning',
        36,
        3,
        'unknown key "forwardedTag" in fluentd; it is ignored (did you mean "forwardedTags"?)',
      ],
    ],
    [
      'a misspelled service key',
      '    taskDefinition: ecs/fluentd',
      '    taskDefinitions: ecs/fluentd',
      [
        'project/unknown-key',
        'warning',
        25,
        5,
        'unknown key "taskDefinitions" in services.fluentd; it is ignored (did you mean "taskDefinition"?)',
      ],
    ],
    [
      'a wrong type',
      '  rollback: true',
      '  rollback: [true]',
      ['project/wrong-type', 'error', 41, 13, 'deploy.rollback must be a boolean, not a list'],
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(base).toContain(from);
    expect(findingsFor(base.replace(from, to))).toContainEqual(expected);
  });
});
