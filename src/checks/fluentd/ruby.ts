/**
 * Embedded Ruby (`"#{...}"`) that fails in every environment. Fluentd evaluates it while parsing,
 * with `instance_eval` on a context object that knows `hostname`, `worker_id`, `use_nil` and
 * `use_default` (CONFIG-FACTS B3); a SyntaxError, a NameError or a NoMethodError there stops
 * fluentd before it starts. Only what is certain is claimed: code this reader does not understand
 * (blocks, assignments, several statements, unknown constants) is left alone.
 */

type Token = { kind: 'id' | 'const' | 'num' | 'str' | 'sym' | 'op' | 'open' | 'close'; text: string };

/** Names the evaluation context answers to: its own methods, keywords and common Kernel methods. */
const KNOWN_NAMES = new Set([
  'hostname',
  'worker_id',
  'use_nil',
  'use_default',
  'nil',
  'true',
  'false',
  'self',
  'not',
  'and',
  'or',
  'if',
  'unless',
  'then',
  'else',
  'elsif',
  'end',
  'defined',
  'require',
  'require_relative',
  'load',
  'rand',
  'srand',
  'sleep',
  'system',
  'exec',
  'spawn',
  'format',
  'sprintf',
  'Integer',
  'Float',
  'String',
  'Array',
  'Hash',
  'Rational',
  'Complex',
  'puts',
  'print',
  'p',
  'pp',
  'raise',
  'fail',
  'loop',
  'lambda',
  'proc',
  'exit',
  'abort',
  'open',
  'gets',
  'caller',
  'binding',
  'catch',
  'throw',
  'freeze',
  'frozen',
  'object_id',
  'send',
  'public_send',
  'instance_variable_get',
  'method',
  'methods',
  'respond_to',
  'class',
  'inspect',
  'to_s',
  'dup',
  'clone',
  'tap',
  'then',
  'block_given',
  'warn',
  'at_exit',
  'trap',
  'readlines',
  'readline',
  'select',
  '__method__',
  '__dir__',
  '__FILE__',
  '__LINE__',
  'nil?',
  'is_a',
  'kind_of',
  'instance_of',
  'hash',
  'itself',
  'begin',
  'rescue',
  'ensure',
  'while',
  'until',
  'case',
  'when',
  'in',
  'return',
  'yield',
  'super',
  'next',
  'break',
  'redo',
  'retry',
  'alias',
  'undef',
  'module',
  '__ENCODING__',
  // Locals of the method whose binding may evaluate the code (config.rb / v1_parser.rb).
  'str',
  'fname',
  'basepath',
  'data',
  'path',
  'config_path',
  'encoding',
  'additional_config',
  'use_v1_config',
  'type',
]);

/** Methods nil answers to (NilClass, Object, Kernel): anything else on nil is a NoMethodError. */
const NIL_METHODS = new Set([
  'to_s',
  'to_i',
  'to_f',
  'to_a',
  'to_h',
  'to_r',
  'to_c',
  'inspect',
  'nil?',
  'class',
  'frozen?',
  'freeze',
  'dup',
  'clone',
  'hash',
  'object_id',
  'then',
  'tap',
  'itself',
  'is_a?',
  'kind_of?',
  'instance_of?',
  'respond_to?',
  'send',
  'public_send',
  'method',
  'methods',
  'display',
  'instance_variables',
  'rationalize',
  'equal?',
  'eql?',
  '&',
  '|',
  '^',
]);

const BINARY = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '||',
  '&&',
  '|',
  '&',
  '^',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '<=>',
  '=~',
  '<<',
  '>>',
  ',',
  '.',
  '::',
  '?',
  ':',
  '&.',
]);

const BEFORE_CLOSE = new Set(['+', '-', '/', '%', '||', '&&', '==', '!=', '<', '>', '<=', '>=', '.', '::', '&.', '=']);

const OPS = [
  '**',
  '||',
  '&&',
  '==',
  '!=',
  '<=>',
  '<=',
  '>=',
  '=~',
  '<<',
  '>>',
  '::',
  '&.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '|',
  '&',
  '^',
  '<',
  '>',
  '!',
  '.',
  ',',
  '?',
  ':',
  '=',
  ';',
  '~',
];

/** Tokens; a message when the code cannot even be split (an unterminated string); undefined for text outside this reader. */
function tokenize(code: string): Token[] | string | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      if (j >= code.length) return `an unterminated ${c} string`;
      out.push({ kind: 'str', text: code.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*[?!]?/.exec(code.slice(i));
    if (word) {
      out.push({ kind: /^[A-Z]/.test(word[0]) ? 'const' : 'id', text: word[0] });
      i += word[0].length;
      continue;
    }
    const num = /^(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(code.slice(i));
    if (num) {
      out.push({ kind: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    const sym = /^:[A-Za-z_][A-Za-z0-9_]*[?!]?/.exec(code.slice(i));
    if (sym && (out.length === 0 || out[out.length - 1]?.kind === 'op' || out[out.length - 1]?.kind === 'open')) {
      out.push({ kind: 'sym', text: sym[0] });
      i += sym[0].length;
      continue;
    }
    const last = out[out.length - 1];
    // `/re/`, `%w[...]`, `?a`: literals this reader does not follow, where a value starts.
    if ((c === '/' || c === '%' || c === '?') && (!last || last.kind === 'op' || last.kind === 'open'))
      return undefined;
    if (c === '<' && code.startsWith('<<', i) && /^<<[~-]?[A-Z'"]/.test(code.slice(i))) return undefined; // a heredoc
    if ('([{'.includes(c)) out.push({ kind: 'open', text: c });
    else if (')]}'.includes(c)) out.push({ kind: 'close', text: c });
    else {
      const op = OPS.find((o) => code.startsWith(o, i));
      if (!op) return undefined;
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    i++;
  }
  return out;
}

/** A SyntaxError Ruby raises whatever the environment: unbalanced brackets, a dangling operator. */
function syntaxProblem(tokens: Token[]): string | undefined {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const t of tokens) {
    if (t.kind === 'open') stack.push(t.text);
    else if (t.kind === 'close' && stack.pop() !== pairs[t.text]) return `an unmatched ${t.text}`;
  }
  if (stack.length > 0) return `an unclosed ${stack[stack.length - 1]}`;
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'op' && (BINARY.has(last.text) || last.text === '!' || last.text === '='))
    return `nothing after the operator ${last.text}`;
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    // Not `,` (a trailing comma is allowed), `|` (`{ |x| }`), `*`/`**`/`&` (anonymous arguments).
    if (a.kind === 'op' && BEFORE_CLOSE.has(a.text) && b.kind === 'close')
      return `nothing after the operator ${a.text}`;
  }
  return undefined;
}

/** A NameError or NoMethodError that no environment avoids, in code simple enough to be sure. */
function runtimeProblem(tokens: Token[]): string | undefined {
  // Locals, blocks and several statements could define names this reader cannot follow.
  if (
    tokens.some(
      (t) =>
        (t.kind === 'op' && (t.text === '=' || t.text === ';')) ||
        (t.kind === 'id' && (t.text === 'do' || t.text === 'def')),
    )
  )
    return undefined;
  if (tokens.some((t) => t.kind === 'open' && t.text === '{')) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const isMethodName = prev?.kind === 'op' && (prev.text === '.' || prev.text === '&.' || prev.text === '::');
    const isHashKey = next?.kind === 'op' && next.text === ':' && tokens[i + 2]?.kind !== 'op';
    if (t.kind === 'id' && !isMethodName && !isHashKey && !KNOWN_NAMES.has(t.text.replace(/[?!]$/, ''))) {
      return next?.kind === 'open' && next.text === '('
        ? `undefined method '${t.text}' (NoMethodError)`
        : `undefined local variable or method '${t.text}' (NameError)`;
    }
    if (t.kind === 'id' && t.text === 'nil' && !isMethodName && next?.kind === 'op' && next.text === '.') {
      const m = tokens[i + 2];
      if (m?.kind === 'id' && !NIL_METHODS.has(m.text)) return `undefined method '${m.text}' for nil (NoMethodError)`;
    }
  }
  return undefined;
}

/** Why this embedded code stops fluentd in every environment, or undefined when it may run. */
export function embeddedRubyProblem(code: string): string | undefined {
  if (code.trim() === '') return undefined; // `#{}` is nil, interpolated as ""
  const tokens = tokenize(code);
  if (typeof tokens === 'string') return `a syntax error (${tokens})`;
  if (tokens === undefined) return undefined;
  const syntax = syntaxProblem(tokens);
  if (syntax) return `a syntax error (${syntax})`;
  return runtimeProblem(tokens);
}
