/**
 * docs/checks.md (with the tables of docs/project-file.md) must list every finding code the source
 * can emit, and nothing else: the codes are collected from the TypeScript AST of src/ (string
 * literals only, so comments and messages do not count), the Agent's kind-prefixed rules expanded
 * for the check kinds that really reach them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import ts from 'typescript';
import { AGENT_CHECK_KINDS, type AgentCheckKind } from '../../src/checks/agent/kind.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = path.join(ROOT, 'src');
const AGENT_DIR = path.join(SRC, 'checks', 'agent');

/** Kinds whose codes are written out whole in the source (`'fluentd/unknown-parameter'`). */
const LITERAL_KINDS = [
  ...['file', 'yaml', 'json', 'project', 'dockerfile', 'dockerignore', 'agent', 'fluentd', 'taskdef', 'render'],
  ...['preflight', 'cross', 'plan'],
];
const ALL_KINDS = [...LITERAL_KINDS, ...AGENT_CHECK_KINDS];
const RULE = '[a-z0-9]+(?:-[a-z0-9]+)*';
const CODE = new RegExp(`^(?:${ALL_KINDS.join('|')})/${RULE}$`);
const RULE_ONLY = new RegExp(`^${RULE}$`);
const SEVERITIES = ['error', 'warning', 'notice'] as const;
type Severity = (typeof SEVERITIES)[number];

/**
 * Agent files whose rules only one check reaches: `index.ts` calls `checkHttpInstances`
 * (http-check.ts, which calls http-url.ts and http-certificate.ts) only for http_check, and
 * `checkMysqlInstances` (mysql.ts) only for mysql. Every other file runs for both.
 */
const AGENT_FILE_KIND: Array<[RegExp, AgentCheckKind]> = [
  [/^http-/, 'http_check'],
  [/^mysql\.ts$/, 'mysql'],
];

function agentKindsOf(file: string): readonly AgentCheckKind[] {
  const base = path.basename(file);
  const hit = AGENT_FILE_KIND.find(([re]) => re.test(base));
  return hit ? [hit[1]] : AGENT_CHECK_KINDS;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

const isText = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);

/** `const NAME = { key: 'text', ... }` of one file: `NAME.key` -> 'text' (e.g. `DRY_RUN_CODES.failed`). */
type Constants = Map<string, string>;

function constantsOf(sf: ts.SourceFile): Constants {
  const out: Constants = new Map();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)))
        init = init.expression;
      if (!ts.isIdentifier(d.name) || !init || !ts.isObjectLiteralExpression(init)) continue;
      for (const p of init.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && isText(p.initializer))
          out.set(`${d.name.text}.${p.name.text}`, p.initializer.text);
      }
    }
  }
  return out;
}

/**
 * String values of an expression: literals, through `a ? 'x' : 'y'`, parentheses, `as const`, and
 * properties of a constant object of the same file. Variables are not followed.
 */
function literalsOf(n: ts.Node, constants: Constants): string[] {
  if (isText(n)) return [n.text];
  if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n))
    return literalsOf(n.expression, constants);
  if (ts.isConditionalExpression(n))
    return [...literalsOf(n.whenTrue, constants), ...literalsOf(n.whenFalse, constants)];
  if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
    const v = constants.get(`${n.expression.text}.${n.name.text}`);
    return v === undefined ? [] : [v];
  }
  return [];
}

const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);

interface Emitted {
  /** Every code, with the files it comes from. */
  codes: Map<string, Set<string>>;
  /** Severities written next to a code (same call or object literal); codes built elsewhere have none. */
  severities: Map<string, Set<Severity>>;
}

function collect(): Emitted {
  const codes = new Map<string, Set<string>>();
  const severities = new Map<string, Set<Severity>>();
  const addCode = (code: string, file: string): void => {
    const set = codes.get(code) ?? new Set<string>();
    set.add(path.relative(ROOT, file));
    codes.set(code, set);
  };
  const addSeverity = (code: string, sev: Severity): void => {
    const set = severities.get(code) ?? new Set<Severity>();
    set.add(sev);
    severities.set(code, set);
  };

  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const inAgent = file.startsWith(AGENT_DIR + path.sep);
    const constants = constantsOf(sf);
    const values = (n: ts.Node): string[] => literalsOf(n, constants);
    const visit = (n: ts.Node): void => {
      if (isText(n) && CODE.test(n.text)) addCode(n.text, file);

      // The Agent's Reporter: `r.report(at, severity, 'rule', message)` emits `${kind}/rule`.
      if (
        inAgent &&
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === 'report' &&
        n.arguments.length === 4
      ) {
        const [, sevArg, ruleArg] = n.arguments;
        for (const rule of values(ruleArg as ts.Node)) {
          if (!RULE_ONLY.test(rule)) continue;
          for (const kind of agentKindsOf(file)) {
            addCode(`${kind}/${rule}`, file);
            for (const sev of values(sevArg as ts.Node)) if (isSeverity(sev)) addSeverity(`${kind}/${rule}`, sev);
          }
        }
      }

      // Severity beside a code: `finding(f, pos, 'error', 'x/y', ...)`, `add('warning', 'x/y', ...)`,
      // `report.error(at, 'x/y', ...)`, `{ severity: 'error', code: 'x/y' }`.
      if (ts.isCallExpression(n)) {
        const args = n.arguments.flatMap(values);
        const found = args.filter((a) => CODE.test(a));
        const sevs = args.filter(isSeverity);
        const callee = n.expression;
        if (ts.isPropertyAccessExpression(callee) && isSeverity(callee.name.text) && n.arguments.length === 3)
          sevs.push(callee.name.text);
        for (const c of found) for (const s of sevs) addSeverity(c, s);
      }
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (name: string): string[] =>
          n.properties.flatMap((p) =>
            ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name ? values(p.initializer) : [],
          );
        for (const c of prop('code').filter((x) => CODE.test(x)))
          for (const s of prop('severity').filter(isSeverity)) addSeverity(c, s);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  // The project file's JSON Schema names the code of each rule (`x-code`); src/project/schema.ts reports them as errors.
  const schemaFile = path.join(ROOT, 'schema', 'dd-ecs-monitor.schema.json');
  for (const m of readFileSync(schemaFile, 'utf8').matchAll(/"x-code": "([^"]+)"/g)) {
    addCode(m[1] as string, schemaFile);
    addSeverity(m[1] as string, 'error');
  }
  return { codes, severities };
}

const DOC = readFileSync(path.join(ROOT, 'docs', 'checks.md'), 'utf8');
const PROJECT_DOC = readFileSync(path.join(ROOT, 'docs', 'project-file.md'), 'utf8');

/** Codes in inline code spans anywhere in a document. */
function codeSpans(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string).filter((s) => CODE.test(s)));
}

/** Table rows whose first cell names codes: code -> the row's severity cell. */
function tableRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    for (const code of codeSpans(cells[0] ?? '')) rows.set(code, cells[1] ?? '');
  }
  return rows;
}

const emitted = collect();
const sourceCodes = [...emitted.codes.keys()].sort();
const documented = codeSpans(DOC);
const checksRows = tableRows(DOC);
const projectRows = tableRows(PROJECT_DOC);

describe('the source scan', () => {
  test('finds the codes of every kind, and only code-shaped literals', () => {
    const kinds = new Set(sourceCodes.map((c) => c.split('/')[0]));
    expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
    // Known codes of each way a code is written: plain literal, Reporter rule, constant, render/preflight.
    for (const c of [
      'fluentd/unclosed-section',
      'http_check/unknown-key',
      'mysql/unknown-key',
      'http_check/url-scheme',
      'mysql/missing-connection',
      'fluentd/dry-run-config-error',
      'taskdef/expected-string',
      'preflight/missing-parameter',
      'render/unknown-container',
      'agent/ignored-file',
    ]) {
      expect(sourceCodes).toContain(c);
    }
    // Kind-specific Agent rules stay with their kind.
    expect(sourceCodes).not.toContain('mysql/url-scheme');
    expect(sourceCodes).not.toContain('http_check/missing-connection');
    // Paths and media types are not codes.
    for (const c of sourceCodes) expect(c).not.toMatch(/^(?:application|linux|conf\.d|fluent)\//);
  });

  test('kind-specific Agent files are only imported by the dispatcher or their own kind', () => {
    for (const file of sourceFiles(AGENT_DIR)) {
      const kinds = agentKindsOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '\.\/([^']+)\.js'/g)) {
        const imported = path.join(AGENT_DIR, `${m[1]}.ts`);
        const theirs = agentKindsOf(imported);
        if (theirs.length === AGENT_CHECK_KINDS.length || path.basename(file) === 'index.ts') continue;
        // A shared file must not pull in one kind's rules; a kind's file may only pull in its own.
        expect({ file: path.basename(file), imports: path.basename(imported), kinds }).toEqual({
          file: path.basename(file),
          imports: path.basename(imported),
          kinds: theirs,
        });
      }
    }
  });
});

describe('docs/checks.md', () => {
  test('documents every code the source can emit (or docs/project-file.md does)', () => {
    const missing = sourceCodes.filter((c) => !documented.has(c) && !projectRows.has(c));
    expect(missing).toEqual([]);
  });

  test('documents no code the source cannot emit', () => {
    const stale = [...documented, ...projectRows.keys()].filter((c) => !emitted.codes.has(c)).sort();
    expect(stale).toEqual([]);
  });

  test('has a table row for every code it names, and does not repeat the rows of docs/project-file.md', () => {
    expect([...documented].filter((c) => !checksRows.has(c) && !projectRows.has(c))).toEqual([]);
    expect([...checksRows.keys()].filter((c) => projectRows.has(c))).toEqual([]);
  });

  test('gives each code (here and in docs/project-file.md) at least the severities the source writes beside it', () => {
    const wrong: string[] = [];
    for (const [code, cell] of [...checksRows, ...projectRows]) {
      expect(cell).toMatch(/\b(?:error|warning|notice)\b/);
      for (const sev of emitted.severities.get(code) ?? []) {
        if (!new RegExp(`\\b${sev}\\b`).test(cell)) wrong.push(`${code}: source says ${sev}, docs say "${cell}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('links only to headings that exist', () => {
    const slug = (h: string): string =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .replace(/\s/g, '-');
    const anchors = new Set([...DOC.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));
    const projectAnchors = new Set([...PROJECT_DOC.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));
    for (const m of DOC.matchAll(/\]\((project-file\.md)?#([^)]+)\)/g)) {
      expect({ link: m[0], ok: (m[1] ? projectAnchors : anchors).has(m[2] as string) }).toEqual({
        link: m[0],
        ok: true,
      });
    }
  });
});
