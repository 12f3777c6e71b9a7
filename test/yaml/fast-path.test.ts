/**
 * The fast path (fast-block.ts) must build exactly the tree the `yaml` library path builds:
 * values, styles, texts, ranges, duplicates, findings. Generated documents mix the subset the fast
 * path handles with everything it must hand back (anchors, tags, block scalars, flow maps,
 * multi-line scalars, tabs, CRLF, bad escapes, document markers...).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sourceFromText } from '../../src/checks/source.js';
import type { YNode } from '../../src/checks/yaml/ast.js';
import { fastLoadBlock } from '../../src/checks/yaml/fast-block.js';
import { loadYaml, loadYamlWithLibrary, type YamlFile } from '../../src/checks/yaml/load.js';
import type { Flavor } from '../../src/checks/yaml/resolve.js';

type Plain = {
  kind: string;
  range: [number, number];
  value?: unknown;
  style?: string;
  text?: string;
  flow?: boolean;
  items?: Plain[];
  pairs?: Array<[Plain, Plain]>;
};

function plain(n: YNode | null): Plain | null {
  if (!n) return null;
  switch (n.kind) {
    case 'scalar':
      return {
        kind: 'scalar',
        range: n.range,
        value: Number.isNaN(n.value) ? 'NaN' : n.value,
        style: n.style,
        text: n.text,
      };
    case 'seq':
      return { kind: 'seq', range: n.range, flow: n.flow, items: n.items.map((i) => plain(i) as Plain) };
    case 'map':
      return {
        kind: 'map',
        range: n.range,
        flow: n.flow,
        pairs: n.pairs.map((p) => [plain(p.key) as Plain, plain(p.value) as Plain]),
      };
  }
}

function summary(f: YamlFile): unknown {
  return {
    root: plain(f.root),
    findings: f.findings,
    duplicates: f.duplicates.map((d) => ({
      key: d.key,
      path: d.path,
      map: d.map.range,
      first: d.first.key.range,
      dup: d.dup.key.range,
    })),
  };
}

function compare(text: string, flavor: Flavor): boolean {
  const src = sourceFromText('t.yaml', text);
  const lib = loadYamlWithLibrary(src, flavor);
  const fast = fastLoadBlock(text, flavor);
  if (fast) {
    // The fast path only takes files the library reads without complaint.
    expect(lib.findings).toEqual([]);
  }
  expect(summary(loadYaml(src, flavor))).toEqual(summary(lib));
  return fast !== undefined;
}

// --- Generators -------------------------------------------------------------------------------

/** Scalars the fast path reads itself (typed, quoted, URL-ish, flow sequences). */
const SAFE_SCALARS = [
  'a',
  'site 1 website',
  'yes',
  'n',
  '1',
  '0777',
  '1_000',
  '-1',
  '1.5',
  '~',
  '',
  'a#b',
  'a:b',
  'http://example.com:8080/x?y=1#z',
  "'q'",
  '"q"',
  "'it''s'",
  '"a\\"b"',
  '"\\x41\\u00e9"',
  '"(1|2|3)\\\\d\\\\d"',
  'ENC[file@/etc/x]',
  'café',
  '[a, "b"]',
  '[ ]',
];
/** Everything, including what must fall back. */
const SCALARS = [
  'a',
  'name',
  'site 1 website',
  'yes',
  'No',
  'on',
  'y',
  'n',
  '1',
  '0777',
  '0o17',
  '1_000',
  '-1',
  '-x',
  '1.5',
  '1e3',
  '.inf',
  '.nan',
  '~',
  'null',
  'true',
  '',
  'a b',
  'a#b',
  'a #b',
  'a:b',
  'a: b',
  'a:',
  'http://example.com:8080/x?y=1#z',
  'a, b',
  '[x',
  'x]',
  '{x',
  'x}',
  '-',
  '- x',
  '?x',
  ':x',
  '%x',
  '@x',
  '`x',
  '!x',
  '!!str 1',
  '&a x',
  '*a',
  '|',
  '>',
  '#',
  "'q'",
  '"q"',
  "'it''s'",
  '"a\\"b"',
  '"\\x41\\u00e9\\U0001F600"',
  '"\\q"',
  '"tab\\tnl\\n"',
  "'x",
  '"x',
  '"a" b',
  "'a' #c",
  '"(1|2|3)\\\\d\\\\d"',
  'ENC[file@/etc/x]',
  '%%env_X%%',
  'a\tb',
  'café',
  '🙂',
  'x ',
  ' x',
  'a  b',
  '[]',
  '[a, b]',
  '[ a , "b" ,\'c\' ]',
  '[a,]',
  '[a, [b]]',
  '[a: b]',
  '[a # c]',
  '{a: b}',
  '{}',
  '[a, b] x',
  '[a, b] #c',
  '!!str yes',
  'a\\',
  '"\\',
  '"a\\\nb"',
  'x\ny',
  'x\n  y',
];
const SAFE_KEYS = ['a', 'b', 'name', 'url', 'tags', '1', 'yes', '"q k"', "'s k'"];
const KEYS = [
  'a',
  'b',
  'name',
  'url',
  'tags',
  'instances',
  'init_config',
  '1',
  'yes',
  '~',
  '"q k"',
  "'s k'",
  '-k',
  'a b',
  'a#b',
  'a:b',
  '? x',
  '&k a',
  '"d"',
  'x ',
  '[k]',
];

interface Fmt {
  nl: string;
  step: number;
  sameIndentSeq: boolean;
}

const fmtArb = fc.record({
  nl: fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\r\n'),
  step: fc.integer({ min: 1, max: 4 }),
  sameIndentSeq: fc.boolean(),
});

type Tree = { t: 'scalar'; v: string } | { t: 'map'; pairs: Array<[string, Tree]> } | { t: 'seq'; items: Tree[] };

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      t: fc.constant('scalar' as const),
      v: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...SAFE_SCALARS) },
        { weight: 1, arbitrary: fc.constantFrom(...SCALARS) },
      ),
    }),
    fc.record({
      t: fc.constant('map' as const),
      pairs: fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(...SAFE_KEYS) },
            { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
          ),
          tie('tree'),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) }),
  ),
})).tree;

const decorArb = fc.array(
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom('', '', '', '   ', ' # c', '  #c', '\n', '\n# col0', '\n    # deep', '\n  '),
    },
    { weight: 1, arbitrary: fc.constantFrom('#', '\t', ' &x', ' !t', ' x', ': y') },
  ),
  { minLength: 64, maxLength: 64 },
);

/** Render a tree as block YAML; `decor` sprinkles comments, blank lines and trailing junk deterministically. */
function render(tree: Tree, fmt: Fmt, decor: string[]): string {
  let k = 0;
  const d = (): string => decor[k++ % decor.length] as string;
  const out: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const emit = (node: Tree, indent: number, lead: string): void => {
    // `lead` is what precedes the node on its first line ('' for a block start at `indent`).
    if (node.t === 'scalar') {
      out.push(`${lead}${node.v}${d()}`);
      return;
    }
    if (node.t === 'map') {
      node.pairs.forEach(([key, val], i) => {
        const prefix = i === 0 ? lead : pad(indent);
        if (val.t === 'scalar') out.push(`${prefix}${key}: ${val.v}${d()}`);
        else {
          out.push(`${prefix}${key}:${d()}`);
          const child = val.t === 'seq' && fmt.sameIndentSeq ? indent : indent + fmt.step;
          emit(val, child, pad(child));
        }
      });
      return;
    }
    node.items.forEach((item, i) => {
      const prefix = i === 0 ? lead : pad(indent);
      if (item.t === 'scalar') out.push(`${prefix}- ${item.v}${d()}`);
      else if (item.t === 'map') emit(item, indent + 2, `${prefix}- `);
      else {
        out.push(`${prefix}-${d()}`);
        emit(item, indent + fmt.step, pad(indent + fmt.step));
      }
    });
  };
  emit(tree, 0, '');
  return out.join(fmt.nl) + (decor[0] === '' ? fmt.nl : '');
}

// --- Tests ------------------------------------------------------------------------------------

describe('fast path == library path', () => {
  test('generated block documents (agent and core flavours)', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(treeArb, fmtArb, decorArb, fc.constantFrom<Flavor>('agent', 'core'), (tree, fmt, decor, flavor) => {
        total++;
        if (compare(render(tree, fmt, decor), flavor)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // The comparison only means something if the fast path takes a fair share of the documents.
    expect(accepted / total).toBeGreaterThan(0.2);
  });

  test('random YAML-ish text', () => {
    const alphabet = fc.constantFrom(...'ab1 :-#\n\n\n  \'"[]{},?!&*|>%@`\\\t\rxé'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          compare(text, 'agent');
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('line soup: block lines at random indentation', () => {
    const lineArb = fc.tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom(
        'a: 1',
        'b:',
        '- x',
        '-',
        '- k: v',
        '- k:',
        '"q": x',
        "'s': 'y'",
        'c: [1, "2"]',
        '# note',
        '',
        'd: e # f',
        'x',
        '- - y',
        'g: h: i',
        '? k',
        'u: -1',
        'v: "\\t"',
      ),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        if (compare(lines.map(([n, l]) => ' '.repeat(n) + l).join('\n'), 'agent')) accepted++;
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  const cases: Array<[string, string, boolean]> = [
    [
      'seed http_check',
      'init_config:\n\ninstances:\n  - name: cuebic website\n    url: https://www.example.com/\n    timeout: 5\n    tags:\n        - "env:prd"\n',
      true,
    ],
    ['sequence at the key indent', 'instances:\n- name: a\n  url: http://a.example.com\n- name: b\n', true],
    ['compact map then same-indent seq', '- a:\n  - x\n  b: 1\n', true],
    ['trailing comments at every indent', 'a:\n  b:\n    c: 1\n    # cm\n  # cm2\n\n# end\n', true],
    ['empty values', 'a:\nb:   # c\nc:\n  # only a comment\nd:', true],
    ['empty items', '-\n-   \n- # x\n-', true],
    ['flow sequences', 'a: [ ]\nb: [x , "y" ]  \nc: []\nd: [\'a\', 1, yes]', true],
    ['quoted keys and escapes', "\"a b\": 'it''s'\n'c': \"\\x41\\t\\u00e9\"\n", true],
    ['duplicates', 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', true],
    ['anchors fall back', 'a: &x 1\nb: *x\n', false],
    ['block scalars fall back', 'a: |\n  text\n', false],
    ['multi-line plain falls back', 'a: foo\n  bar\n', false],
    ['tabs fall back', 'a:\n\tb: 1\n', false],
    ['CRLF falls back', 'a: 1\r\nb: 2\r\n', false],
    ['documents fall back', 'a: 1\n---\nb: 2\n', false],
    ['flow maps fall back', 'a: {b: 1}\n', false],
    ['bad escape falls back', 'a: "\\q"\n', false],
    ['syntax error falls back', 'a: b: c\n', false],
    ['mapping after a scalar value falls back', 'a: 1\n  b: 2\n', false],
  ];
  test.each(cases)('%s', (_name, text, fast) => {
    expect(fastLoadBlock(text, 'agent') !== undefined).toBe(fast);
    compare(text, 'agent');
  });
});

describe('block collections end where their last value ends', () => {
  // Not where the library's own range ends (it runs on over trailing comments and blank lines).
  const cases: Array<[string, string, [number, number]]> = [
    ['nested map followed by comments', 'a:\n  b: 1\n  # c\n\nz: 2\n', [5, 9]],
    ['sequence ending in a null item', 'a:\n  - x\n  -\nb: 1\n', [5, 12]],
    ['sequence ending in a flow sequence', 'a:\n  - [x, y]   # c\n', [5, 13]],
  ];
  test.each(cases)('%s', (_name, text, range) => {
    for (const load of [loadYaml, loadYamlWithLibrary]) {
      const root = load(sourceFromText('t.yaml', text), 'core').root;
      expect(root?.kind).toBe('map');
      if (root?.kind === 'map') expect(root.pairs[0]?.value.range).toEqual(range);
    }
  });
});

test("keys near the library's 1024-character limit fall back", () => {
  for (const key of ['k'.repeat(1100), `"${'k'.repeat(1100)}"`, `'${'k'.repeat(1100)}'`]) {
    expect(fastLoadBlock(`${key}: 1\n`, 'agent')).toBeUndefined();
    compare(`${key}: 1\n`, 'agent');
  }
});
