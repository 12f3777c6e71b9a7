#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 9503:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T6: () => (/* reexport */ agentConfPath),
  G9: () => (/* binding */ checkAgentFile),
  Bc: () => (/* reexport */ checkConfDLayout),
  dg: () => (/* reexport */ detectAgentKind)
});

// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __nccwpck_require__(671);
// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __nccwpck_require__(5784);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var load = __nccwpck_require__(7112);
;// CONCATENATED MODULE: ./src/checks/agent/duplicates.ts
/** `instances[2].proxy` -> `instance 3 > proxy`. */
function describePath(path) {
    return path
        .replace(/^instances\[(\d+)\]/, (_m, i) => `instance ${Number(i) + 1}`)
        .replace(/\[(\d+)\]/g, (_m, i) => `[${Number(i) + 1}]`)
        .replace(/\./g, ' > ');
}
function reportDuplicates(duplicates, r) {
    for (const d of duplicates) {
        const firstLine = r.line(d.first.key);
        if (d.path === '') {
            const n = d.first.value.kind === 'seq' ? d.first.value.items.length : undefined;
            const lost = n === undefined ? '' : ` (${n} ${n === 1 ? 'entry' : 'entries'})`;
            r.report(d.dup.key, 'error', 'duplicate-key', `top-level key "${d.key}" appears again (first at line ${firstLine}): the agent keeps only this one and drops everything under line ${firstLine}${lost}; merge them`);
        }
        else {
            r.report(d.dup.key, 'error', 'duplicate-key', `key "${d.key}" appears twice in ${describePath(d.path)} (first at line ${firstLine}): only this value is used and the one at line ${firstLine} is silently lost`);
        }
    }
}

// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __nccwpck_require__(6353);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __nccwpck_require__(5111);
;// CONCATENATED MODULE: ./src/checks/agent/schema/templates.ts
const str = (name, extra = {}) => ({ name, type: 'string', ...extra });
const bool = (name, extra = {}) => ({ name, type: 'boolean', ...extra });
const templates_int = (name, extra = {}) => ({ name, type: 'integer', ...extra });
const num = (name, extra = {}) => ({ name, type: 'number', ...extra });
const obj = (name, options, extra = {}) => options ? { name, type: 'object', options, ...extra } : { name, type: 'object', ...extra };
const list = (name, items, extra = {}) => ({ name, type: 'array', items, ...extra });
/** `init_config/service`. */
const INIT_SERVICE = str('service');
/** `init_config/default` = service + hidden `loader`. */
const INIT_DEFAULT = [INIT_SERVICE, str('loader', { hidden: true })];
const PROXY_OPTIONS = [str('http', { sensitive: true }), str('https', { sensitive: true }), list('no_proxy', 'string')];
/** `init_config/http`. */
const INIT_HTTP = [
    obj('proxy', PROXY_OPTIONS, { sensitive: true }),
    bool('skip_proxy', { default: false }),
    num('timeout', { default: 10 }),
];
/** `init_config/db`. */
const INIT_DB = [list('global_custom_queries', 'object', { itemOptions: customQueryOptions() })];
/** `instances/tags`, `instances/service`, `instances/global` (= `instances/default`), plus the newer generic options. */
const INSTANCE_DEFAULT = [
    list('tags', 'string', { goType: 'string-list' }),
    str('service'),
    num('min_collection_interval', { default: 15, goType: 'int' }),
    bool('empty_default_hostname', { default: false, goType: 'bool' }),
    // Rendered in both shipped examples although the copied `instances/global` template predates them (SOURCES.md).
    obj('metric_patterns', [list('include', 'string'), list('exclude', 'string')]),
    bool('disable_generic_tags', { hidden: true, default: false }),
];
/**
 * Instance fields the agent itself reads (`CommonInstanceConfig`, `commonInstanceConfig.loader`):
 * valid in any check's instance even where the check's spec does not list them.
 */
const AGENT_RESERVED = [
    str('namespace', { hidden: true, untyped: true }),
    bool('no_index', { hidden: true, untyped: true }),
    str('loader', { hidden: true, untyped: true }),
];
/** `instances/http`. */
const INSTANCE_HTTP = [
    obj('proxy', PROXY_OPTIONS, { sensitive: true }),
    bool('skip_proxy', { default: false }),
    str('auth_type', { default: 'basic', enum: ['basic', 'digest', 'ntlm', 'kerberos', 'aws'] }),
    bool('use_legacy_auth_encoding', { default: true }),
    str('username'),
    str('password', { secret: true }),
    str('ntlm_domain'),
    str('kerberos_auth', { default: 'disabled', enum: ['required', 'optional', 'disabled'] }),
    str('kerberos_cache'),
    bool('kerberos_delegate', { default: false }),
    bool('kerberos_force_initiate', { default: false }),
    str('kerberos_hostname'),
    str('kerberos_principal'),
    str('kerberos_keytab'),
    obj('auth_token', [obj('reader'), obj('writer')], { secret: true }),
    str('aws_region'),
    str('aws_host'),
    str('aws_service'),
    bool('tls_verify', { default: true }),
    bool('tls_use_host_header', { default: false }),
    bool('tls_ignore_warning', { default: false }),
    str('tls_cert'),
    str('tls_private_key'),
    str('tls_ca_cert'),
    list('tls_protocols_allowed', 'string', { default: ['SSLv3', 'TLSv1.2', 'TLSv1.3'] }),
    list('tls_ciphers', 'string'),
    obj('headers', undefined, { sensitive: true }),
    obj('extra_headers', undefined, { sensitive: true }),
    num('timeout', { default: 10 }),
    num('connect_timeout'),
    num('read_timeout'),
    num('request_size', { default: 16 }),
    bool('log_requests', { default: false }),
    bool('persist_connections', { default: false }),
    bool('allow_redirects', { default: true }),
];
/** `instances/tls`. */
const INSTANCE_TLS = [
    bool('tls_verify', { default: true }),
    str('tls_ca_cert'),
    str('tls_cert'),
    str('tls_private_key'),
    str('tls_private_key_password', { secret: true }),
    bool('tls_validate_hostname', { default: true }),
    list('tls_ciphers', 'string'),
];
/** Fields of one `custom_queries` entry (the `CustomQuery` config model). */
function customQueryOptions() {
    return [str('query'), list('columns', 'object'), list('tags', 'string'), templates_int('collection_interval'), str('metric_prefix')];
}
/** `instances/db`. */
const INSTANCE_DB = [
    bool('only_custom_queries', { default: false }),
    str('use_global_custom_queries', { default: 'true', enum: ['true', 'false', 'extend'] }),
    list('custom_queries', 'object', { itemOptions: customQueryOptions() }),
];
/**
 * Spread templates the way the spec tooling does: a later option with the same name replaces the
 * earlier one (templates overlap, e.g. `tls_verify` in both `instances/http` and `instances/tls`).
 */
function mergeOptions(...groups) {
    const byName = new Map();
    for (const g of groups)
        for (const o of g)
            byName.set(o.name, { ...byName.get(o.name), ...o });
    return [...byName.values()];
}
/** `overrides:` — patch fields of named options. */
function override(options, patches) {
    return options.map((o) => (patches[o.name] ? { ...o, ...patches[o.name] } : o));
}

;// CONCATENATED MODULE: ./src/checks/agent/schema/http-check.ts
/**
 * http_check options, from integrations-core `http_check/assets/configuration/spec.yaml` (copied
 * in shared/reference) with the templates it pulls in, the config model
 * (`config_models/instance.py`, which also declares `use_truststore`) and the legacy names the
 * check still remaps (`HTTP_CONFIG_REMAPPER`, CONFIG-FACTS A3).
 */

/** Methods the check can call on its requests wrapper (`getattr(self.http, method.lower())`). */
const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const HTTP_CHECK_OWN = [
    str('name', { required: true }),
    str('url', { required: true }),
    str('method', { default: 'get', enum: HTTP_METHODS, enumIgnoreCase: true }),
    { name: 'data', type: ['object', 'string'] },
    str('content_match'),
    bool('reverse_content_match', { default: false }),
    { name: 'http_response_status_code', type: ['string', 'integer'], default: '(1|2|3)\\d\\d' },
    bool('include_content', { default: false }),
    bool('collect_response_time', { default: true }),
    bool('check_certificate_expiration', { default: true }),
    bool('use_cert_from_response', { default: false }),
    bool('tls_retrieve_non_validated_cert', { default: false }),
    templates_int('days_warning', { default: 14 }),
    templates_int('days_critical', { default: 7 }),
    templates_int('seconds_warning'),
    templates_int('seconds_critical'),
    str('ssl_server_name'),
    bool('stream', { default: false }),
    bool('include_default_headers', { default: true }),
];
/** Declared by the config model next to the spec (version skew, SOURCES.md) or added upstream since. */
const HTTP_CHECK_NEWER = [
    bool('use_truststore', { hidden: true, default: false }),
    bool('disable_status_code_tag', { hidden: true, default: false }),
];
/** Legacy names: `HTTP_CONFIG_REMAPPER` in http_check.py, and the base check's `no_proxy`. */
const HTTP_CHECK_LEGACY = [
    str('client_cert', { untyped: true, deprecated: { replacement: 'tls_cert' } }),
    str('client_key', { untyped: true, deprecated: { replacement: 'tls_private_key' } }),
    str('ca_certs', { untyped: true, deprecated: { replacement: 'tls_ca_cert' } }),
    bool('disable_ssl_validation', { untyped: true, deprecated: { replacement: 'tls_verify', note: 'with the opposite value' } }),
    bool('ignore_ssl_warning', { untyped: true, deprecated: { replacement: 'tls_ignore_warning' } }),
    bool('check_hostname', { untyped: true, deprecated: { replacement: 'tls_validate_hostname' } }),
    bool('no_proxy', { untyped: true, deprecated: { replacement: 'skip_proxy' } }),
    bool('skip_event', { untyped: true, deprecated: { note: 'removed in http_check 2.0.0; it has no effect' } }),
];
const HTTP_CHECK_SCHEMA = {
    initConfig: mergeOptions(INIT_HTTP, INIT_DEFAULT, 
    // Read by the check's __init__ for the certificate-expiration connection (CONFIG-FACTS A3).
    [str('ca_certs', { untyped: true })]),
    instance: mergeOptions(HTTP_CHECK_OWN, INSTANCE_DEFAULT, 
    // The spec's override of `instances/http` only changes the example value of tls_verify.
    INSTANCE_HTTP, override(INSTANCE_TLS, {
        tls_verify: { hidden: true },
        tls_cert: { hidden: true },
        tls_ca_cert: { hidden: true },
        tls_private_key: { hidden: true },
        tls_ciphers: { hidden: true },
    }), HTTP_CHECK_NEWER, AGENT_RESERVED, HTTP_CHECK_LEGACY),
};

;// CONCATENATED MODULE: ./src/checks/agent/schema/mysql.ts
/**
 * mysql options, from integrations-core `mysql/assets/configuration/spec.yaml` (the newest copy in
 * shared/reference, the authoritative list: CONFIG-FACTS A4) with its templates, plus the legacy
 * names the check and its config model still accept.
 */

/** Column types the query manager knows (datadog_checks_base `utils/db`: submission methods and transformers). */
const CUSTOM_QUERY_COLUMN_TYPES = [
    'gauge',
    'count',
    'monotonic_count',
    'rate',
    'histogram',
    'historate',
    'tag',
    'tag_list',
    'tag_not_null',
    'source',
    'match',
    'service_check',
    'time_elapsed',
    'temporal_percent',
    'monotonic_gauge',
];
const OPTIONS_BLOCK = [
    bool('replication'),
    str('replication_channel'),
    bool('galera_cluster', { default: false }),
    bool('extra_status_metrics'),
    bool('extra_innodb_metrics', { default: false }),
    bool('disable_innodb_metrics', { default: false }),
    bool('schema_size_metrics', { default: false }),
    bool('table_size_metrics', { default: false }),
    bool('system_table_size_metrics', { default: false }),
    bool('table_rows_stats_metrics', { default: false }),
    bool('extra_performance_metrics', { default: false }),
    // In the older example and the config model; gone from the spec.
    bool('replication_non_blocking_status', { hidden: true }),
];
const SCHEMA_COLLECTION = [bool('enabled', { default: false }), num('collection_interval', { default: 600 }), num('max_execution_time', { default: 60 })];
const QUERY_SAMPLES = [
    bool('enabled', { default: true }),
    num('collection_interval', { default: 1 }),
    templates_int('explained_queries_per_hour_per_query', { default: 60 }),
    templates_int('samples_per_hour_per_query', { default: 15 }),
    templates_int('explained_queries_cache_maxsize', { default: 5000 }),
    templates_int('seen_samples_cache_maxsize', { default: 10000 }),
    templates_int('events_statements_row_limit', { default: 5000 }),
    str('explain_procedure', { default: 'explain_statement' }),
    str('fully_qualified_explain_procedure', { default: 'datadog.explain_statement' }),
    str('events_statements_enable_procedure', { default: 'datadog.enable_events_statements_consumers' }),
    str('events_statements_temp_table_name', { default: 'datadog.temp_events' }),
    templates_int('collection_strategy_cache_maxsize', { default: 1000 }),
    templates_int('collection_strategy_cache_ttl', { default: 300 }),
];
const OBFUSCATION_MODES = ['obfuscate_only', 'obfuscate_and_normalize'];
const AZURE_DEPLOYMENT_TYPES = ['flexible_server', 'single_server', 'virtual_machine'];
const MYSQL_OWN = [
    str('host'),
    str('username'),
    str('password', { secret: true }),
    num('port', { default: 3306 }),
    bool('propagate_agent_tags', { default: false }),
    str('reported_hostname'),
    bool('exclude_hostname', { default: false }),
    obj('database_identifier', [str('template', { default: '$resolved_hostname' })]),
    str('sock'),
    str('charset'),
    str('defaults_file'),
    num('connect_timeout', { default: 10 }),
    num('read_timeout'),
    obj('ssl', [str('key'), str('cert'), str('ca'), bool('check_hostname')]),
    ...INSTANCE_DB,
    list('additional_status', 'object'),
    list('additional_variable', 'object'),
    templates_int('max_custom_queries', { default: 20, deprecated: { replacement: 'custom_queries', note: 'it only limits the deprecated `queries`' } }),
    list('queries', 'object', { deprecated: { replacement: 'custom_queries' } }),
    obj('options', OPTIONS_BLOCK),
    bool('dbm', { default: false }),
    obj('collect_settings', [bool('enabled'), num('collection_interval', { default: 600 })]),
    obj('collect_schemas', [...SCHEMA_COLLECTION, templates_int('max_tables', { default: 300 })]),
    obj('schemas_collection', SCHEMA_COLLECTION, { deprecated: { replacement: 'collect_schemas', note: 'since Agent 7.69.0' } }),
    obj('query_metrics', [
        bool('enabled', { default: true }),
        num('collection_interval', { default: 10 }),
        bool('only_query_recent_statements', { default: false }),
        bool('collect_prepared_statements', { hidden: true, default: true }),
    ]),
    obj('query_samples', QUERY_SAMPLES),
    obj('query_activity', [bool('enabled', { default: true }), num('collection_interval', { hidden: true, default: 10 }), bool('collect_blocking_queries', { default: false })]),
    obj('index_metrics', [bool('enabled', { default: true }), num('collection_interval', { hidden: true, default: 300 }), templates_int('limit', { default: 1000 })]),
    obj('aws', [str('instance_endpoint'), str('region'), obj('managed_authentication', [bool('enabled', { default: false }), str('role_arn')])]),
    obj('gcp', [str('project_id'), str('instance_id')]),
    obj('azure', [str('deployment_type', { enum: AZURE_DEPLOYMENT_TYPES }), str('fully_qualified_domain_name')]),
    obj('obfuscator_options', [
        str('obfuscation_mode', { default: 'obfuscate_and_normalize', enum: OBFUSCATION_MODES }),
        bool('replace_digits', { default: false }),
        bool('quantize_sql_tables', { untyped: true, deprecated: { replacement: 'replace_digits' } }),
        bool('collect_metadata', { default: true }),
        bool('collect_tables', { default: true }),
        bool('collect_commands', { default: true }),
        bool('collect_comments', { default: true }),
        bool('keep_sql_alias', { default: true }),
        bool('remove_space_between_parentheses', { default: false }),
        bool('keep_null', { default: false }),
        bool('keep_boolean', { default: false }),
        bool('keep_positional_parameter', { default: false }),
        bool('keep_trailing_semicolon', { default: false }),
        bool('keep_identifier_quotation', { default: false }),
    ]),
    bool('log_unobfuscated_queries', { hidden: true, default: false }),
    bool('log_unobfuscated_plans', { hidden: true, default: false }),
    num('database_instance_collection_interval', { hidden: true, default: 1800 }),
];
/**
 * Legacy names (DataDog/integrations-core#9340; CONFIG-FACTS A4, E2.4). `user` and `pass` are copied
 * to `username`/`password` before the config model validates them, so their types still count.
 */
const MYSQL_LEGACY = [
    str('user', { deprecated: { replacement: 'username' } }),
    str('pass', { secret: true, deprecated: { replacement: 'password' } }),
    str('server', { untyped: true, deprecated: { replacement: 'host' } }),
    bool('deep_database_monitoring', { untyped: true, deprecated: { replacement: 'dbm' } }),
    obj('statement_samples', QUERY_SAMPLES, { untyped: true, deprecated: { replacement: 'query_samples' } }),
];
const MYSQL_SCHEMA = {
    initConfig: mergeOptions([bool('propagate_agent_tags', { default: false })], INIT_DB, INIT_DEFAULT),
    instance: mergeOptions(MYSQL_OWN, 
    // The spec's override of `instances/default` shows `disable_generic_tags` (hidden elsewhere).
    override(INSTANCE_DEFAULT, { disable_generic_tags: { hidden: false } }), AGENT_RESERVED, 
    // `name` is read by the agent itself (CommonInstanceConfig.Name) for any check; http_check also requires it.
    [str('name', { hidden: true, untyped: true })], MYSQL_LEGACY),
};

;// CONCATENATED MODULE: ./src/checks/agent/schema/index.ts


const SCHEMAS = {
    http_check: HTTP_CHECK_SCHEMA,
    mysql: MYSQL_SCHEMA,
};
const tables = new WeakMap();
function optionTable(options) {
    let t = tables.get(options);
    if (!t) {
        t = {
            byName: new Map(options.map((o) => [o.name, o])),
            current: options.filter((o) => !o.deprecated).map((o) => o.name),
        };
        tables.set(options, t);
    }
    return t;
}

;// CONCATENATED MODULE: ./src/checks/agent/values.ts
const ENC_WHOLE = /^ENC\[([\s\S]*)\]$/;
const ENV_REF = /%%env_([^%]*)%%/g;
/** The handle when the whole string is `ENC[handle]`. */
function encHandle(value) {
    const m = ENC_WHOLE.exec(value);
    return m ? m[1] : undefined;
}
/** `ENC[` somewhere in the string without being the whole of it: the agent sends it literally. */
function isPartialEnc(value) {
    return value.includes('ENC[') && !ENC_WHOLE.test(value);
}
function envRefs(value) {
    if (!value.includes('%%env_'))
        return [];
    return [...value.matchAll(ENV_REF)].map((m) => m[1]);
}
/** A string the agent replaces at run time, so its final value (and type) is unknown here. */
function isIndirect(node) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return false;
    return encHandle(node.value) !== undefined || node.value.includes('%%env_');
}
/** How a value reads in a message; a secret option's value is never shown. */
function describe(node, secret = false) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null)
        return 'empty';
    if (typeof v === 'boolean')
        return secret ? 'a boolean' : `the boolean ${node.text}`;
    if (typeof v === 'number')
        return secret ? 'a number' : `the number ${node.text}`;
    if (secret)
        return 'a string';
    return `the string "${v.length > 60 ? `${v.slice(0, 60)}…` : v}"`;
}

;// CONCATENATED MODULE: ./src/checks/agent/options.ts
/**
 * Option-by-option checks against the tables in schema/: unknown and deprecated names, value types
 * and allowed values, recursively through known nested mappings.
 *
 * Types are judged the way the running agent judges them:
 * - `goType` fields are decoded by the agent's Go code (yaml.v2, strict types) before the check is
 *   scheduled: a string `min_collection_interval`, a scalar `tags` — the instance never runs
 *   (CONFIG-FACTS A0).
 * - everything else by the check's pydantic config model, which `AgentCheck` validates before the
 *   first run (datadog_checks_base `load_configuration_models`: a ValidationError becomes a
 *   ConfigurationError on every run). Pydantic's lax mode coerces "5" to 5.0 and "yes" to True, but
 *   never a number to a string, so `password: 1234` fails while `timeout: "5"` passes.
 */




/** Strings pydantic accepts for a bool (compared lower-cased). */
const BOOL_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);
const INT_STRING = /^\s*[-+]?\d[\d_]*\s*$/;
const FLOAT_STRING = /^\s*[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?\s*$|^\s*[-+]?(?:inf|infinity|nan)\s*$/i;
const WANT = {
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
    array: 'a list',
    object: 'a mapping',
};
function typesOf(spec) {
    return typeof spec.type === 'string' ? [spec.type] : spec.type;
}
function isNull(node) {
    return node === undefined || (node.kind === 'scalar' && node.value === null);
}
/** Does pydantic (lax mode) accept this YAML value for this type? */
function modelAccepts(node, type) {
    if (type === 'array')
        return node.kind === 'seq';
    if (type === 'object')
        return node.kind === 'map';
    if (node.kind !== 'scalar')
        return false;
    const v = node.value;
    switch (type) {
        case 'string':
            return typeof v === 'string';
        case 'boolean':
            return typeof v === 'boolean' || v === 0 || v === 1 || (typeof v === 'string' && BOOL_STRINGS.has(v.toLowerCase()));
        case 'integer':
            return typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && INT_STRING.test(v));
        case 'number':
            return typeof v === 'boolean' || typeof v === 'number' || (typeof v === 'string' && FLOAT_STRING.test(v));
    }
}
/** What the agent's Go decoding rejects (yaml.v2 into int / bool / []string). */
function goProblem(node, goType) {
    switch (goType) {
        case 'int':
            return node.kind === 'scalar' && typeof node.value === 'number' ? undefined : 'a number';
        case 'bool':
            return node.kind === 'scalar' && typeof node.value === 'boolean' ? undefined : 'true or false';
        case 'string-list':
            return node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar') ? undefined : 'a list of strings';
    }
}
/** Check every key of `map` against `options`. */
function checkOptions(map, options, walk) {
    const table = optionTable(options);
    for (const pair of map.pairs) {
        if (pair.key.kind !== 'scalar')
            continue;
        const name = (0,ast/* keyName */.xT)(pair);
        const spec = table.byName.get(name);
        if (!spec) {
            walk.r.report(pair.key, 'warning', 'unknown-key', `unknown option "${name}" in ${walk.where}: the check ignores it${(0,suggest/* didYouMean */.au)(name, table.current)}`);
            continue;
        }
        if (spec.deprecated)
            walk.r.report(pair.key, 'warning', 'deprecated-key', deprecatedMessage(spec, walk.where));
        checkValue(pair.value, spec, walk);
    }
}
function deprecatedMessage(spec, where) {
    const { replacement, note } = spec.deprecated ?? {};
    if (replacement)
        return `"${spec.name}" in ${where} is a deprecated name: use "${replacement}"${note ? ` (${note})` : ''}`;
    return `"${spec.name}" in ${where} is deprecated: ${note ?? 'remove it'}`;
}
function checkValue(node, spec, walk) {
    if (isNull(node))
        return;
    const { r, where } = walk;
    const label = `"${spec.name}" in ${where}`;
    const types = typesOf(spec);
    if (spec.goType) {
        const want = goProblem(node, spec.goType);
        if (want) {
            r.report(node, 'error', 'wrong-type', `${label} must be ${want}, not ${describe(node, spec.secret || spec.sensitive)}: the agent does not schedule this instance${goHint(node, spec.goType)}`);
            return;
        }
    }
    if (isIndirect(node)) {
        // Resolved to a string at run time: fine for scalars (pydantic coerces "5"), never a list or mapping.
        if (types.every((t) => t === 'array' || t === 'object')) {
            r.report(node, 'error', 'wrong-type', `${label} must be ${types.map((t) => WANT[t]).join(' or ')}: a secret or %%env_%% value is always a string`);
        }
        return;
    }
    if (!spec.untyped && !types.some((t) => modelAccepts(node, t))) {
        const want = types.map((t) => WANT[t]).join(' or ');
        let hint = types.includes('string') && node.kind === 'scalar' ? '; quote it if it is meant as text' : '';
        // yes/no/on/off/y/n are booleans to the agent's YAML reader (CONFIG-FACTS A0): say so, it surprises people.
        if (node.kind === 'scalar' && typeof node.value === 'boolean' && !/^(?:true|false)$/i.test(node.text))
            hint += ' (YAML reads yes/no/on/off/y/n as booleans)';
        r.report(node, 'error', 'wrong-type', `${label} must be ${want}, not ${describe(node, spec.secret || spec.sensitive)}: the check rejects the instance and never runs${hint}`);
        return;
    }
    if (spec.enum && node.kind === 'scalar' && typeof node.value === 'string')
        checkEnum(node, spec, label, r);
    if (node.kind === 'seq')
        checkItems(node.items, spec, walk);
    if (node.kind === 'map' && spec.options)
        checkOptions(node, spec.options, { r, where: `${where} > ${spec.name}` });
}
function goHint(node, goType) {
    if (goType === 'int' && node.kind === 'scalar' && typeof node.value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(node.value))
        return ` (write ${node.value.trim()} without quotes)`;
    if (goType === 'string-list' && node.kind === 'scalar')
        return ' (write it as a list: `- ...`)';
    return '';
}
function checkEnum(node, spec, label, r) {
    const allowed = spec.enum ?? [];
    const v = spec.enumIgnoreCase ? node.value.toLowerCase() : node.value;
    if (allowed.includes(v))
        return;
    r.report(node, 'error', 'invalid-value', `${label} is "${node.value}", which is not one of ${allowed.join(', ')}${(0,suggest/* didYouMean */.au)(node.value, allowed)}`);
}
function checkItems(items, spec, walk) {
    const itemType = spec.items;
    if (!itemType)
        return;
    items.forEach((item, i) => {
        if (isIndirect(item) && itemType !== 'object')
            return;
        if (!spec.untyped && !modelAccepts(item, itemType)) {
            walk.r.report(item, 'error', 'wrong-type', `"${spec.name}" item ${i + 1} in ${walk.where} must be ${WANT[itemType]}, not ${describe(item, spec.secret || spec.sensitive)}: the check rejects the instance and never runs`);
            return;
        }
        if (spec.itemOptions && item.kind === 'map')
            checkOptions(item, spec.itemOptions, { r: walk.r, where: `${walk.where} > ${spec.name}[${i + 1}]` });
    });
}

;// CONCATENATED MODULE: ./src/checks/agent/python-regex.ts
/**
 * http_check compiles `content_match` and `http_response_status_code` with Python's `re`. We
 * compile them with JavaScript's engine after translating the Python-only spellings that are
 * common in configs (`(?P<name>...)`, `(?P=name)`, leading `(?i)`-style flags). Constructs that
 * only Python has and that we do not translate make the result unknown: we then report nothing,
 * rather than reject a pattern the check accepts.
 */
/** Python-only syntax we do not translate: verbose mode, comments, atomic groups, conditionals, scoped flags, \Z. */
const UNTRANSLATED = /\(\?#|\(\?>|\(\?\(|\(\?[aiLmsux-]+:|[*+?}]\+|\\Z|\\A/;
const cache = new Map();
function compilePython(pattern) {
    let r = cache.get(pattern);
    if (!r) {
        r = translate(pattern);
        if (cache.size > 10_000)
            cache.clear();
        cache.set(pattern, r);
    }
    return r;
}
function translate(pattern) {
    let source = pattern;
    let flags = '';
    const lead = /^\(\?([aiLmsux]+)\)/.exec(source);
    if (lead) {
        const f = lead[1];
        if (f.includes('x'))
            return { status: 'unknown' };
        if (f.includes('i'))
            flags += 'i';
        if (f.includes('m'))
            flags += 'm';
        if (f.includes('s'))
            flags += 's';
        source = source.slice(lead[0].length);
    }
    if (UNTRANSLATED.test(source) || /\(\?[aiLmsux]+\)/.test(source))
        return { status: 'unknown' };
    source = source.replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>').replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>');
    try {
        new RegExp(source, flags);
    }
    catch (err) {
        // JavaScript's message starts with the whole pattern; keep the reason only.
        const msg = err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
        return { status: 'invalid', error: msg };
    }
    return { status: 'ok', source, flags };
}
/**
 * Which status codes `re.match(pattern, str(code))` accepts (a prefix match: `20` matches 200-209),
 * and which the pattern matches as a whole.
 */
function statusCodeMatches(rx) {
    const prefix = new RegExp(`^(?:${rx.source})`, rx.flags);
    const full = new RegExp(`^(?:${rx.source})$`, rx.flags);
    const out = { prefix: [], full: [] };
    for (let code = 100; code <= 599; code++) {
        const s = String(code);
        if (prefix.test(s))
            out.prefix.push(code);
        if (full.test(s))
            out.full.push(code);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/agent/scalars.ts
const scalars_str = (n) => (n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined);
const scalars_num = (n) => (n?.kind === 'scalar' && typeof n.value === 'number' ? n.value : undefined);
/** Whole numbers only: a 1.5 threshold is already reported as a wrong type. */
const whole = (n) => {
    const v = scalars_num(n);
    return v !== undefined && Number.isInteger(v) ? v : undefined;
};
const boolOf = (n) => (n?.kind === 'scalar' && typeof n.value === 'boolean' ? n.value : undefined);

;// CONCATENATED MODULE: ./src/checks/agent/http-certificate.ts
/** http_check certificate-expiration settings (CONFIG-FACTS A3 "tls_verify note", E2.3). */



function checkCertificate(map, scheme, where, r) {
    const thresholds = ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical'].map((k) => (0,ast/* getPair */.xf)(map, k)).filter((p) => p && !isNull(p.value));
    const expiry = (0,ast/* getPair */.xf)(map, 'check_certificate_expiration');
    if (scheme === 'http') {
        if (expiry && boolOf(expiry.value) === true) {
            r.report(expiry.key, 'warning', 'cert-check-on-http', `"check_certificate_expiration" in ${where} has no effect on an http:// URL`);
        }
        else if (thresholds.length && boolOf(expiry?.value) !== false) {
            r.report(thresholds[0].key, 'warning', 'cert-check-on-http', `certificate thresholds in ${where} are ignored: the URL is http://, which has no certificate`);
        }
        return;
    }
    if (boolOf(expiry?.value) === false)
        return;
    for (const k of ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical']) {
        const v = (0,ast/* get */.Jt)(map, k);
        const n = scalars_num(v);
        if (v && n !== undefined && n < 0)
            r.report(v, 'error', 'invalid-value', `"${k}" in ${where} is negative: write the number of ${k.split('_')[0]} before expiry`);
    }
    contradiction(map, where, r);
    const verify = (0,ast/* get */.Jt)(map, 'tls_verify');
    if (boolOf(verify) === false && boolOf((0,ast/* get */.Jt)(map, 'tls_retrieve_non_validated_cert')) !== true && boolOf((0,ast/* get */.Jt)(map, 'use_cert_from_response')) !== true) {
        r.report(verify, 'warning', 'cert-check-unknown', `"tls_verify: false" in ${where} makes the certificate check report UNKNOWN ("Empty or no certificate found."): add \`tls_retrieve_non_validated_cert: true\` or \`check_certificate_expiration: false\``);
    }
}
/** Warning must fire before critical: warning threshold above critical (seconds take precedence over days). */
function contradiction(map, where, r) {
    const dw = (0,ast/* get */.Jt)(map, 'days_warning');
    const dc = (0,ast/* get */.Jt)(map, 'days_critical');
    const sw = (0,ast/* get */.Jt)(map, 'seconds_warning');
    const sc = (0,ast/* get */.Jt)(map, 'seconds_critical');
    const daysW = whole(dw) ?? 14;
    const daysC = whole(dc) ?? 7;
    // `seconds_*` set to 0 or absent fall back to the days values (CONFIG-FACTS A3).
    const secW = whole(sw) || undefined;
    const secC = whole(sc) || undefined;
    if (secW !== undefined || secC !== undefined) {
        const w = secW ?? daysW * 86400;
        const c = secC ?? daysC * 86400;
        if (w <= c) {
            const at = (secC !== undefined ? sc : sw);
            r.report(at, 'error', 'contradictory-thresholds', `certificate thresholds in ${where}: critical (${c} s) is not below warning (${w} s), so WARNING never fires; make seconds_warning larger than seconds_critical`);
        }
        return;
    }
    if ((dw || dc) && daysW <= daysC) {
        const at = (dc && whole(dc) !== undefined ? dc : dw);
        const wText = whole(dw) !== undefined ? `${daysW}` : `${daysW}, the default`;
        const cText = whole(dc) !== undefined ? `${daysC}` : `${daysC}, the default`;
        r.report(at, 'error', 'contradictory-thresholds', `certificate thresholds in ${where}: days_critical (${cText}) is not below days_warning (${wText}), so WARNING never fires; make days_warning larger than days_critical`);
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/http-url.ts
/** http_check `url`: the check only tests `url.startswith("http")` (CONFIG-FACTS A3); we hold it to WHATWG URL rules (E2.3). */




/** The placeholder URL of the shipped conf.yaml.example. */
const EXAMPLE_HOST = 'some.url.example.com';
function checkUrl(map, where, r) {
    const pair = (0,ast/* getPair */.xf)(map, 'url');
    if (!pair || isNull(pair.value) || (scalars_str(pair.value) ?? 'x').trim() === '') {
        r.report(pair?.value ?? map, 'error', 'missing-required', `${where} has no "url": the check fails ("Bad configuration. You must specify a url"); add \`url: https://<host>/\``);
        return undefined;
    }
    const node = pair.value;
    const raw = scalars_str(node);
    if (raw === undefined)
        return undefined; // a number or a list: wrong-type already reported
    if (isIndirect(node))
        return { raw, scheme: undefined };
    if (/^\s/.test(raw)) {
        r.report(node, 'error', 'invalid-url', `the url of ${where} starts with a space: the check requires it to start with http (ConfigurationError); remove the space`);
        return { raw, scheme: undefined };
    }
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(raw);
    const scheme = m?.[1]?.toLowerCase();
    if (!m || (scheme !== 'http' && scheme !== 'https' && !m[2])) {
        // No scheme at all (`example.com`, `example.com:8080/x`).
        r.report(node, 'error', 'url-scheme', `the url of ${where} has no scheme: the check requires http:// or https:// (ConfigurationError); write https://${withoutCredentials(raw)}`);
        return { raw, scheme: undefined };
    }
    if (scheme !== 'http' && scheme !== 'https') {
        r.report(node, 'error', 'url-scheme', `the url of ${where} uses the scheme "${m[1]}": http_check only fetches http:// and https:// URLs`);
        return { raw, scheme: undefined };
    }
    if (!m[2]) {
        r.report(node, 'error', 'invalid-url', `the url of ${where} lacks "//" after "${m[1]}:": write ${m[1]}://${withoutCredentials(raw.slice(m[0].length))}`);
        return { raw, scheme };
    }
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        r.report(node, 'error', 'invalid-url', `the url of ${where} is not a valid URL (check the host, port and characters): "${withoutCredentials(raw)}"`);
        return { raw, scheme };
    }
    if (!url.hostname)
        r.report(node, 'error', 'invalid-url', `the url of ${where} has no host: write ${scheme}://<host>/...`);
    if (url.username || url.password) {
        r.report(node, 'error', 'url-credentials', `the url of ${where} carries credentials: they end up in tags and logs; use \`username\` and \`password\` (as ENC[...] or %%env_NAME%%) instead`);
    }
    if (url.hostname === EXAMPLE_HOST)
        r.report(node, 'warning', 'example-value', `the url of ${where} is the placeholder from conf.yaml.example: put the real site here`);
    if (/\s$/.test(raw))
        r.report(node, 'warning', 'invalid-url', `the url of ${where} ends with whitespace: remove it`);
    return { raw, scheme };
}
/** A URL for a message: any `user:password@` part is dropped (it is reported on its own). */
function withoutCredentials(url) {
    return url.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/*)?)[^/@\s]*@/, '$1');
}

;// CONCATENATED MODULE: ./src/checks/agent/http-check.ts
/**
 * http_check rules beyond option types (CONFIG-FACTS A3, E2.3): required name/url, URL sanity,
 * duplicate instances, regexes, certificate thresholds, contradictory settings.
 */








/** Methods that send `data` (http_check.py). */
const BODY_METHODS = new Set(['post', 'put', 'delete', 'patch', 'options']);
/** `instance:` tag normalization the spec describes: `,+*-/()[]{}` become `_`. */
function normalizeInstanceName(name) {
    return name.replace(/[,+*\-/()[\]{}]/g, '_');
}
function checkHttpInstances(shape, r) {
    const names = new Map();
    const urls = new Map();
    const initTimeout = shape.initConfig ? scalars_num((0,ast/* get */.Jt)(shape.initConfig, 'timeout')) : undefined;
    for (const { map, index } of shape.instances) {
        const where = `instance ${index + 1}`;
        const name = checkName(map, where, r);
        if (name !== undefined) {
            const key = normalizeInstanceName(name);
            const prev = names.get(key);
            if (prev) {
                const how = prev.raw === name ? 'the same name' : `a name that tags the same way (instance:${key})`;
                r.report((0,ast/* get */.Jt)(map, 'name'), 'error', 'duplicate-name', `${where} has ${how} as instance ${prev.index + 1} (line ${prev.line}): their metrics and monitors cannot be told apart; give each site its own name`);
            }
            else
                names.set(key, { raw: name, line: r.line(map), index });
        }
        const url = checkUrl(map, where, r);
        const method = (scalars_str((0,ast/* get */.Jt)(map, 'method')) ?? 'get').toLowerCase();
        if (url !== undefined) {
            const key = `${method} ${url.raw}`;
            const prev = urls.get(key);
            if (prev)
                r.report((0,ast/* get */.Jt)(map, 'url'), 'warning', 'duplicate-url', `${where} checks the same URL with the same method as instance ${prev.index + 1} (line ${prev.line}): the site is checked twice`);
            else
                urls.set(key, { line: r.line(map), index });
        }
        checkData(map, method, where, r);
        checkStatusCode(map, where, r);
        checkContentMatch(map, where, r);
        checkCertificate(map, url?.scheme, where, r);
        checkTimeouts(map, initTimeout, where, r);
        checkTags(map, where, r);
        checkAuth(map, where, r);
    }
    if (shape.initConfig)
        positive(shape.initConfig, 'timeout', 'init_config', r);
}
function checkName(map, where, r) {
    const pair = (0,ast/* getPair */.xf)(map, 'name');
    if (!pair || isNull(pair.value)) {
        r.report(pair?.value ?? map, 'error', 'missing-required', `${where} has no "name": the check fails on it (KeyError); add \`name: <site name>\``);
        return undefined;
    }
    const v = pair.value;
    if (v.kind !== 'scalar')
        return undefined; // wrong-type is reported by the option checks
    const s = String(v.value);
    if (s.trim() === '') {
        r.report(v, 'error', 'missing-required', `${where} has an empty "name": every instance needs a name, which becomes its instance: tag`);
        return undefined;
    }
    return s;
}
function checkData(map, method, where, r) {
    const data = (0,ast/* getPair */.xf)(map, 'data');
    // An unknown method is reported on its own; what it would do with a body is moot.
    if (!data || isNull(data.value) || BODY_METHODS.has(method) || !HTTP_METHODS.includes(method))
        return;
    r.report(data.key, 'warning', 'data-ignored', `"data" in ${where} is never sent: the method is ${method.toUpperCase()}; only POST, PUT, DELETE, PATCH and OPTIONS send a body (set \`method: post\`)`);
}
const statusCache = new Map();
function checkStatusCode(map, where, r) {
    const node = (0,ast/* get */.Jt)(map, 'http_response_status_code');
    if (!node || node.kind !== 'scalar' || node.value === null || isIndirect(node))
        return;
    if (typeof node.value !== 'string' && typeof node.value !== 'number')
        return;
    const pattern = String(node.value);
    let res = statusCache.get(pattern);
    if (res === undefined) {
        const rx = compilePython(pattern);
        if (rx.status === 'unknown')
            return;
        res = rx.status === 'invalid' ? rx.error : statusCodeMatches(rx);
        statusCache.set(pattern, res);
    }
    if (typeof res === 'string') {
        r.report(node, 'error', 'invalid-regex', `"http_response_status_code" in ${where} is not a valid regular expression (${res}): the check fails on every run`);
        return;
    }
    if (res.prefix.length === 0) {
        r.report(node, 'error', 'invalid-value', `"http_response_status_code" in ${where} matches no HTTP status code (100-599): the check always reports DOWN`);
        return;
    }
    if (res.prefix.length !== res.full.length) {
        const full = new Set(res.full);
        const extra = res.prefix.filter((c) => !full.has(c));
        const sample = extra.slice(0, 3).join(', ') + (extra.length > 3 ? ', …' : '');
        r.report(node, 'warning', 'status-code-prefix', `"http_response_status_code" in ${where} is matched against the start of the status code only, so it also accepts ${sample} (${res.prefix.length} codes in all): write full three-digit codes or end the pattern with $`);
    }
}
function checkContentMatch(map, where, r) {
    const node = (0,ast/* get */.Jt)(map, 'content_match');
    const cm = scalars_str(node);
    if (node && cm !== undefined && !isIndirect(node)) {
        const rx = compilePython(cm);
        if (rx.status === 'invalid')
            r.report(node, 'error', 'invalid-regex', `"content_match" in ${where} is not a valid regular expression (${rx.error}): the check fails on every run`);
    }
    const reverse = (0,ast/* getPair */.xf)(map, 'reverse_content_match');
    if (reverse && boolOf(reverse.value) === true && (cm === undefined || cm === '')) {
        r.report(reverse.key, 'warning', 'reverse-without-content-match', `"reverse_content_match" in ${where} does nothing without "content_match"`);
    }
}
function positive(map, key, where, r) {
    const v = (0,ast/* get */.Jt)(map, key);
    const n = scalars_num(v);
    if (v && n !== undefined && n <= 0) {
        r.report(v, 'error', 'invalid-value', `"${key}" in ${where} is ${n}: it must be above 0 seconds`);
        return undefined;
    }
    return n;
}
function checkTimeouts(map, initTimeout, where, r) {
    const own = positive(map, 'timeout', where, r);
    positive(map, 'connect_timeout', where, r);
    positive(map, 'read_timeout', where, r);
    const intervalNode = (0,ast/* get */.Jt)(map, 'min_collection_interval');
    const interval = scalars_num(intervalNode);
    const timeout = own ?? initTimeout ?? 10;
    if ((own !== undefined || interval !== undefined) && timeout >= (interval ?? 15)) {
        const at = (own !== undefined ? (0,ast/* get */.Jt)(map, 'timeout') : intervalNode);
        r.report(at, 'warning', 'timeout-exceeds-interval', `the timeout of ${where} (${timeout} s) is not below its collection interval (${interval ?? 15} s): a slow site delays the next run; lower the timeout`);
    }
}
function checkTags(map, where, r) {
    const tags = (0,ast/* get */.Jt)(map, 'tags');
    if (tags?.kind !== 'seq')
        return;
    for (const t of tags.items) {
        const s = scalars_str(t);
        if (s !== undefined && /^url:/.test(s)) {
            r.report(t, 'warning', 'url-tag', `the tag "${s}" in ${where} clashes with the url: tag the check adds itself: rename it`);
        }
    }
}
function checkAuth(map, where, r) {
    const typeNode = (0,ast/* get */.Jt)(map, 'auth_type');
    const explicit = scalars_str(typeNode)?.toLowerCase();
    const has = (k) => {
        const v = (0,ast/* get */.Jt)(map, k);
        return v !== undefined && !isNull(v);
    };
    if (explicit === 'basic' || explicit === 'digest') {
        const missing = ['username', 'password'].filter((k) => !has(k));
        if (missing.length)
            r.report(typeNode, 'error', 'auth-incomplete', `"auth_type: ${explicit}" in ${where} needs ${missing.join(' and ')}: without them no credentials are sent`);
    }
    else if (explicit === 'ntlm') {
        const missing = ['ntlm_domain', 'password'].filter((k) => !has(k));
        if (missing.length)
            r.report(typeNode, 'error', 'auth-incomplete', `"auth_type: ntlm" in ${where} needs ${missing.join(' and ')}`);
    }
    else if (explicit === undefined && has('username') !== has('password')) {
        const present = has('username') ? 'username' : 'password';
        const missing = present === 'username' ? 'password' : 'username';
        r.report((0,ast/* getPair */.xf)(map, present).key, 'warning', 'auth-incomplete', `${where} sets "${present}" without "${missing}": basic auth is used only when both are set`);
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/mysql.ts
/** mysql rules beyond option types (CONFIG-FACTS A4, E2.4). */




/** Options that only act with `dbm: true`. */
const DBM_FEATURES = ['query_metrics', 'query_samples', 'statement_samples', 'query_activity', 'collect_settings', 'collect_schemas', 'schemas_collection', 'index_metrics'];
const CONNECTION_FIELDS = ['host', 'server', 'username', 'user', 'password', 'pass', 'port', 'sock'];
const COLUMN_TYPES = new Set(CUSTOM_QUERY_COLUMN_TYPES);
const present = (map, key) => {
    const v = (0,ast/* get */.Jt)(map, key);
    return v === undefined || isNull(v) ? undefined : v;
};
function checkMysqlInstances(shape, r) {
    const intervals = [];
    for (const { map, index } of shape.instances) {
        const where = `instance ${index + 1}`;
        checkConnection(map, where, r);
        checkPort(map, where, r);
        checkCustomQueries((0,ast/* get */.Jt)(map, 'custom_queries'), `${where} > custom_queries`, r);
        checkDbm(map, where, r);
        const qm = (0,ast/* get */.Jt)(map, 'query_metrics');
        const interval = qm?.kind === 'map' ? (0,ast/* get */.Jt)(qm, 'collection_interval') : undefined;
        if (interval?.kind === 'scalar' && typeof interval.value === 'number')
            intervals.push({ value: interval.value, node: interval, index });
    }
    if (shape.initConfig)
        checkCustomQueries((0,ast/* get */.Jt)(shape.initConfig, 'global_custom_queries'), 'init_config > global_custom_queries', r);
    const first = intervals[0];
    for (const it of intervals.slice(1)) {
        if (first && it.value !== first.value) {
            r.report(it.node, 'warning', 'query-metrics-interval', `query_metrics.collection_interval of instance ${it.index + 1} (${it.value}) differs from instance ${first.index + 1} (${first.value}): every instance must use the same value`);
        }
    }
}
function checkConnection(map, where, r) {
    const host = present(map, 'host') ?? present(map, 'server');
    const user = present(map, 'username') ?? present(map, 'user');
    const sock = present(map, 'sock');
    const defaultsFile = present(map, 'defaults_file');
    if (!defaultsFile && !((host || sock) && user)) {
        const missing = [!(host || sock) ? 'host (or sock)' : '', !user ? 'username' : ''].filter(Boolean).join(' and ');
        r.report(map, 'error', 'missing-connection', `${where} has no ${missing}: the check fails ("Mysql host and user or a defaults_file are needed."); set host and username, or defaults_file`);
    }
    if (sock && host) {
        r.report((0,ast/* getPair */.xf)(map, 'sock').key, 'warning', 'sock-and-host', `${where} sets both "sock" and "host": the socket is used and host is ignored`);
    }
    if (defaultsFile) {
        const extra = CONNECTION_FIELDS.filter((k) => present(map, k));
        if (extra.length) {
            r.report((0,ast/* getPair */.xf)(map, 'defaults_file').key, 'warning', 'defaults-file-overrides', `${where} sets "defaults_file" and ${extra.join(', ')}: with a defaults file the connection details are ignored`);
        }
    }
}
function checkPort(map, where, r) {
    const node = present(map, 'port');
    if (!node || node.kind !== 'scalar' || isIndirect(node))
        return;
    const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value) ? Number(node.value) : undefined;
    if (n === undefined)
        return; // not a number: wrong-type is reported by the option checks
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
        r.report(node, 'error', 'invalid-value', `"port" in ${where} is ${describe(node)}: it must be a whole number from 1 to 65535 (MySQL listens on 3306 by default)`);
    }
}
function checkCustomQueries(node, where, r) {
    if (node?.kind !== 'seq')
        return;
    node.items.forEach((q, i) => {
        if (q.kind !== 'map')
            return; // wrong-type is reported by the option checks
        const at = `${where}[${i + 1}]`;
        const missing = ['query', 'columns'].filter((k) => !present(q, k));
        if (missing.length)
            r.report(q, 'error', 'custom-query', `${at} has no ${missing.join(' or ')}: every custom query needs the SQL and its list of columns; the check fails to start`);
        const columns = (0,ast/* get */.Jt)(q, 'columns');
        if (columns?.kind !== 'seq')
            return;
        columns.items.forEach((c, j) => {
            if (c.kind !== 'map' || c.pairs.length === 0)
                return; // `- {}` skips a column
            const type = (0,ast/* get */.Jt)(c, 'type');
            const name = present(c, 'name');
            if (!type || isNull(type)) {
                if (name)
                    r.report(c, 'error', 'custom-query', `column ${j + 1} of ${at} has a name but no type: write a type such as gauge, count, rate or tag`);
                return;
            }
            const t = type.kind === 'scalar' ? String(type.value) : '';
            if (!COLUMN_TYPES.has(t)) {
                r.report(type, 'error', 'custom-query', `column ${j + 1} of ${at} has the type "${t}", which is not one of ${CUSTOM_QUERY_COLUMN_TYPES.join(', ')}: the check fails to start`);
            }
        });
    });
}
function checkDbm(map, where, r) {
    const dbmNode = present(map, 'dbm') ?? present(map, 'deep_database_monitoring');
    const dbm = dbmNode?.kind === 'scalar' && (dbmNode.value === true || (typeof dbmNode.value === 'string' && /^(true|yes|on|1|y|t)$/i.test(dbmNode.value)));
    if (!dbm) {
        for (const k of DBM_FEATURES) {
            const pair = (0,ast/* getPair */.xf)(map, k);
            if (!pair || pair.value.kind !== 'map')
                continue;
            const enabled = (0,ast/* get */.Jt)(pair.value, 'enabled');
            if (enabled?.kind === 'scalar' && enabled.value === false)
                continue;
            r.report(pair.key, 'warning', 'dbm-disabled', `"${k}" in ${where} has no effect without \`dbm: true\``);
        }
    }
    const aws = (0,ast/* get */.Jt)(map, 'aws');
    const auth = aws?.kind === 'map' ? (0,ast/* get */.Jt)(aws, 'managed_authentication') : undefined;
    const enabled = auth?.kind === 'map' ? (0,ast/* get */.Jt)(auth, 'enabled') : undefined;
    if (aws?.kind === 'map' && enabled?.kind === 'scalar' && enabled.value === true && !present(aws, 'region')) {
        r.report(enabled, 'error', 'aws-region-missing', `aws.managed_authentication in ${where} is enabled without aws.region: IAM authentication needs the region; add \`region: <aws region>\` under aws`);
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/reporter.ts
/** Collects one file's findings under the check's code prefix (`http_check/...`, `mysql/...`). */

class Reporter {
    source;
    prefix;
    findings = [];
    constructor(source, 
    /** Code prefix: the check name. */
    prefix) {
        this.source = source;
        this.prefix = prefix;
    }
    /** A finding at a node's start (or at an offset). `rule` is the part after the prefix. */
    report(at, severity, rule, message) {
        const offset = typeof at === 'number' ? at : at.range[0];
        this.findings.push((0,findings/* finding */.gk)(this.source.file, this.source.lines.position(offset), severity, `${this.prefix}/${rule}`, message));
    }
    line(at) {
        return this.source.lines.position(at.range[0]).line;
    }
}

;// CONCATENATED MODULE: ./src/checks/agent/secrets.ts


const MULTI_PROVIDER_SCRIPT = 'readsecret_multiple_providers.sh';
function checkSecrets(shape, instanceOptions, ctx, r) {
    const found = { handles: [], env: [] };
    for (const pair of shape.root.pairs) {
        // The agent substitutes %%env_%% only in these sections; ENC[] handles anywhere.
        const section = (0,ast/* keyName */.xT)(pair);
        collect(pair.value, section === 'init_config' || section === 'instances' || section === 'logs', found, r);
    }
    if (found.handles.length)
        checkHandles(found.handles, ctx, r);
    if (ctx.env) {
        const env = ctx.env;
        for (const { name, node } of found.env) {
            if (env.names.has(name))
                continue;
            if (env.open) {
                r.report(node, 'warning', 'env-missing', `%%env_${name}%% needs ${name} in ${env.where}; it is not in its environment or secrets (an environment file may provide it)`);
            }
            else {
                r.report(node, 'error', 'env-missing', `%%env_${name}%% needs ${name} in ${env.where} (environment or secrets): without it the agent leaves "%%env_${name}%%" in the config`);
            }
        }
    }
    const secrets = instanceOptions.filter((o) => o.secret);
    for (const { map, index } of shape.instances)
        literalSecrets(map, secrets, `instance ${index + 1}`, r);
}
/** Every string scalar below `node` (iteratively: depth is bounded by the loader, not by us). */
function collect(node, envSection, found, r) {
    const stack = [node];
    while (stack.length) {
        const n = stack.pop();
        if (n.kind === 'map')
            for (let i = n.pairs.length - 1; i >= 0; i--)
                stack.push(n.pairs[i].value);
        else if (n.kind === 'seq')
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push(n.items[i]);
        else if (typeof n.value === 'string') {
            const v = n.value;
            if (v.includes('ENC[')) {
                const handle = encHandle(v);
                if (handle !== undefined)
                    found.handles.push({ handle, node: n });
                else if (isPartialEnc(v)) {
                    r.report(n, 'error', 'secret-handle-partial', 'an ENC[...] handle must be the whole value: here it is part of a longer string, so the agent sends the text as written; make the value exactly "ENC[<handle>]"');
                }
            }
            if (envSection)
                for (const name of envRefs(v))
                    found.env.push({ name, node: n });
            else if (envRefs(v).length) {
                r.report(n, 'warning', 'env-not-resolved', 'the agent replaces %%env_NAME%% only in init_config, instances and logs: here it stays as written');
            }
        }
    }
}
function checkHandles(handles, ctx, r) {
    const backend = ctx.secretBackend;
    if (backend && !backend.configured) {
        const first = handles[0].node;
        r.report(first, 'error', 'secret-backend-missing', `${handles.length} ENC[...] secret handle(s) but the agent has no secret backend (${backend.where}): set DD_SECRET_BACKEND_COMMAND=/${MULTI_PROVIDER_SCRIPT} in the agent container, or secret_backend_command in datadog.yaml; otherwise the agent drops this config`);
    }
    for (const { handle, node } of handles) {
        if (handle.startsWith('k8s_secret@')) {
            r.report(node, 'warning', 'secret-handle-k8s', 'a k8s_secret@ handle reads a Kubernetes Secret, which does not exist on ECS: use ENC[file@/path] with a file in the image, or a native backend (aws.ssm, aws.secrets)');
            continue;
        }
        if (!handle.startsWith('file@'))
            continue;
        const path = handle.slice('file@'.length);
        if (!path.startsWith('/')) {
            r.report(node, 'warning', 'secret-file-relative', `ENC[file@${path}] is not an absolute path: write the file's full path in the agent image, e.g. ENC[file@/etc/datadog-agent/secrets/<name>]`);
            continue;
        }
        if (backend?.configured) {
            const command = backend.command;
            if (command !== undefined && !command.endsWith(`/${MULTI_PROVIDER_SCRIPT}`) && command !== MULTI_PROVIDER_SCRIPT) {
                r.report(node, 'warning', 'secret-backend-mismatch', `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the secret backend is ${command} (${backend.where}): check that it understands "file@"`);
            }
            else if (command === undefined && backend.type !== undefined) {
                r.report(node, 'warning', 'secret-backend-mismatch', `file@ handles are read by /${MULTI_PROVIDER_SCRIPT}, but the agent uses the native backend ${backend.type} (${backend.where}), which expects its own handle format`);
            }
        }
        const image = ctx.image;
        if (image && !image.files.has(path)) {
            if (image.complete) {
                r.report(node, 'error', 'secret-file-missing', `ENC[file@${path}] points at a file the image does not contain (no COPY in ${image.dockerfile} puts one at ${path}): the secret does not resolve and the agent drops this config`);
            }
            else {
                r.report(node, 'warning', 'secret-file-missing', `ENC[file@${path}] points at a file no COPY in ${image.dockerfile} provides; the Dockerfile has steps that cannot be followed, so it may still be there`);
            }
        }
    }
}
/** Credentials written in plain text: accepted by the agent, but they sit in the repository and the image. */
function literalSecrets(map, secrets, where, r) {
    for (const spec of secrets) {
        const pair = (0,ast/* getPair */.xf)(map, spec.name);
        if (!pair)
            continue;
        if (spec.name === 'auth_token') {
            const reader = pair.value.kind === 'map' ? (0,ast/* get */.Jt)(pair.value, 'reader') : undefined;
            const secret = reader?.kind === 'map' ? (0,ast/* getPair */.xf)(reader, 'client_secret') : undefined;
            if (secret && isLiteral(secret.value))
                r.report(secret.value, 'warning', 'literal-secret', `"auth_token.reader.client_secret" in ${where} is written in plain text: ${FIX}`);
            continue;
        }
        if (isLiteral(pair.value))
            r.report(pair.value, 'warning', 'literal-secret', `"${spec.name}" in ${where} is written in plain text: ${FIX}`);
    }
}
const FIX = 'use "ENC[file@/path/in/image]" with the agent\'s secret backend, or "%%env_NAME%%" fed from the task definition\'s secrets';
function isLiteral(node) {
    // Non-string values are reported as wrong types; only text can be a usable password.
    if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return false;
    const v = node.value;
    // A broken `ENC[` value is reported as such (secret-handle-partial), not twice.
    return v !== '' && !v.includes('ENC[') && !v.includes('%%env_');
}

;// CONCATENATED MODULE: ./src/checks/agent/shape.ts
/**
 * The file-level shape the agent itself enforces when it loads a conf.d file
 * (`config_reader.go`, CONFIG-FACTS A1): top-level keys, `init_config`, `instances`, and the two
 * rejection rules (no instances, `docker_images` without `ad_identifiers`).
 */




/** The agent's `configFormat` fields, and what yaml.v2 needs each to be. */
const TOP_LEVEL = {
    init_config: 'mapping',
    instances: 'list',
    logs: 'list',
    jmx_metrics: 'any',
    ad_identifiers: 'list',
    advanced_ad_identifiers: 'list',
    cluster_check: 'bool',
    docker_images: 'list',
    ignore_autodiscovery_tags: 'bool',
    check_tag_cardinality: 'string',
};
function checkShape(root, r) {
    if (root === null) {
        r.report(0, 'error', 'no-instances', 'the file is empty: the agent skips it, so nothing is monitored; add `init_config:` and an `instances:` list');
        return undefined;
    }
    if (root.kind !== 'map') {
        r.report(root, 'error', 'not-a-mapping', `the file must be a mapping with \`init_config:\` and \`instances:\`, not ${describe(root)}: the agent rejects it`);
        return undefined;
    }
    for (const pair of root.pairs) {
        if (pair.key.kind !== 'scalar')
            continue;
        const name = (0,ast/* keyName */.xT)(pair);
        const want = TOP_LEVEL[name];
        if (!want) {
            r.report(pair.key, 'warning', 'unknown-key', `unknown top-level key "${name}": the agent ignores it${(0,suggest/* didYouMean */.au)(name, Object.keys(TOP_LEVEL))}`);
            continue;
        }
        const v = pair.value;
        if (isNull(v) || want === 'any')
            continue;
        const ok = (want === 'mapping' && v.kind === 'map') ||
            (want === 'list' && v.kind === 'seq') ||
            (want === 'bool' && v.kind === 'scalar' && typeof v.value === 'boolean') ||
            (want === 'string' && v.kind === 'scalar');
        if (!ok && name !== 'instances') {
            const what = want === 'mapping' ? 'a mapping (or empty)' : want === 'list' ? 'a list' : want === 'bool' ? 'true or false' : 'a string';
            r.report(v, 'error', 'wrong-type', `"${name}" must be ${what}, not ${describe(v)}: the agent rejects the file`);
        }
    }
    const initPair = (0,ast/* getPair */.xf)(root, 'init_config');
    const initConfig = initPair?.value.kind === 'map' ? initPair.value : undefined;
    const instances = checkInstancesList(root, r);
    const adPair = (0,ast/* getPair */.xf)(root, 'ad_identifiers');
    if ((0,ast/* getPair */.xf)(root, 'docker_images') && (!adPair || isNull(adPair.value))) {
        const at = (0,ast/* getPair */.xf)(root, 'docker_images')?.key ?? root;
        r.report(at, 'error', 'docker-images', '`docker_images` without `ad_identifiers`: the agent rejects the file ("the \'docker_images\' section is deprecated, please use \'ad_identifiers\' instead")');
    }
    else if (adPair && !isNull(adPair.value)) {
        r.report(adPair.key, 'warning', 'ad-template', '`ad_identifiers` makes this file an Autodiscovery template: its instances run only against matching containers, not on their own; remove it for a plain check');
    }
    return { root, initConfig, instances };
}
function checkInstancesList(root, r) {
    const pair = (0,ast/* getPair */.xf)(root, 'instances');
    const hasOther = ['logs', 'jmx_metrics'].some((k) => {
        const v = (0,ast/* getPair */.xf)(root, k)?.value;
        return v !== undefined && !isNull(v);
    });
    if (!pair || isNull(pair.value) || (pair.value.kind === 'seq' && pair.value.items.length === 0)) {
        if (!hasOther) {
            const at = pair?.key ?? root;
            const hint = (0,ast/* getPair */.xf)(root, 'instance') ? ' (the key is `instances`, plural)' : '';
            r.report(at, 'error', 'no-instances', `no instances: the agent rejects the file ("Configuration file contains no valid instances")${hint}; add \`instances:\` with at least one \`- \` entry`);
        }
        return [];
    }
    if (pair.value.kind !== 'seq') {
        r.report(pair.value, 'error', 'instances-not-list', `"instances" must be a list of mappings (each entry starting with \`- \`), not ${describe(pair.value)}: the agent rejects the file`);
        return [];
    }
    const out = [];
    pair.value.items.forEach((item, index) => {
        if (item.kind === 'map')
            out.push({ map: item, index });
        else if (isNull(item))
            r.report(item, 'error', 'instance-not-mapping', `instance ${index + 1} is empty: write its options under the \`- \``);
        else
            r.report(item, 'error', 'instance-not-mapping', `instance ${index + 1} must be a mapping of options, not ${describe(item)}: the agent rejects the file`);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/checks/agent/sites.ts
/**
 * The sites an http_check file monitors, as plain data for the PR report ("sites added / removed /
 * changed"). Credentials never leave: secret options become '<secret>' unless they are an ENC[]
 * handle or an %%env_%% reference (which are names, not secrets), and so do header values that
 * look like credentials and passwords inside URLs.
 */



const SECRET = '<secret>';
/** Unknown or misspelled options that look like credentials are hidden too (`pass`, `pasword`, `api_key`). */
const SECRET_OPTION = /pass|secret|token|api_?key|credential/i;
const SECRET_HEADER = /auth|token|key|secret|cookie|pass|session|signature/i;
function extractSites(shape, options, r) {
    const table = optionTable(options);
    return shape.instances.map(({ map }) => {
        const out = {};
        for (const pair of map.pairs) {
            const k = (0,ast/* keyName */.xT)(pair);
            if (k === 'name' || k === 'url')
                continue;
            const spec = table.byName.get(k);
            let v;
            if (spec?.secret || SECRET_OPTION.test(k))
                v = sites_hidden(pair.value);
            else if (k === 'headers' || k === 'extra_headers')
                v = headers(pair.value);
            else
                v = plain(pair.value);
            (0,ast/* setOwn */.P5)(out, k, v);
        }
        return { name: sites_text((0,ast/* getPair */.xf)(map, 'name')?.value), url: redactUrl(sites_text((0,ast/* getPair */.xf)(map, 'url')?.value)), line: r.line(map), options: out };
    });
}
function sites_text(node) {
    return node?.kind === 'scalar' && node.value !== null ? String(node.value) : '';
}
/** A secret's value: handles and references stay visible (a changed handle is worth seeing), literals do not. */
function sites_hidden(node) {
    if (node.kind === 'scalar' && typeof node.value === 'string' && (encHandle(node.value) !== undefined || node.value.includes('%%env_')))
        return node.value;
    if (node.kind === 'scalar' && node.value === null)
        return null;
    return SECRET;
}
function headers(node) {
    // Not a mapping (a wrong type, reported elsewhere): it may be a whole `Authorization: ...` line.
    if (node.kind !== 'map')
        return sites_hidden(node);
    const out = {};
    for (const pair of node.pairs) {
        const k = (0,ast/* keyName */.xT)(pair);
        (0,ast/* setOwn */.P5)(out, k, SECRET_HEADER.test(k) ? sites_hidden(pair.value) : plain(pair.value));
    }
    return out;
}
/** Plain JS value; URLs with embedded passwords are redacted wherever they appear. */
function plain(node, depth = 0) {
    if (depth > 100)
        return null;
    switch (node.kind) {
        case 'scalar':
            // Only URL-looking strings: a tag like `owner:team@example.com` is not a credential.
            return typeof node.value === 'string' && node.value.includes('://') ? redactUrl(node.value) : node.value;
        case 'seq':
            return node.items.map((n) => plain(n, depth + 1));
        case 'map': {
            const o = {};
            for (const p of node.pairs)
                (0,ast/* setOwn */.P5)(o, (0,ast/* keyName */.xT)(p), plain(p.value, depth + 1));
            return o;
        }
    }
}
/** `https://user:pass@host` -> `https://user:<secret>@host` (also without a scheme, `user:pass@host`). */
function redactUrl(s) {
    return s.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?[^/@:\s]*):[^/@\s]*@/, `$1:${SECRET}@`);
}

;// CONCATENATED MODULE: ./src/checks/agent/conf-path.ts
/**
 * Where the agent loads a file from its path in the image, and what it makes of a whole conf.d
 * (`config_reader.go`: CONFIG-FACTS A1):
 * - `conf.d/<check>.d/<file>` (one level only) and `conf.d/<check>.yaml` are read;
 * - only `.yaml`/`.yml`, optionally followed by `.default`; `conf.yaml.example` and the like are
 *   skipped silently;
 * - every active file of a check is its own config (all run); `*.default` files load only when
 *   the check has no other file — and take over when that file is invalid;
 * - `metrics.yaml` is a JMX metrics file, not a check config.
 */

/** The conf.d directories of the agent image: `/etc/datadog-agent/conf.d`, the container's `/conf.d`, or any `.../datadog-agent/conf.d`. */
const CONF_D = /^(?:\/|(?:\/[^/]+)*\/datadog-agent\/)conf\.d\/(.+)$/;
const CONFIG_EXT = /\.(?:ya?ml)(\.default)?$/;
function agentConfPath(imagePath) {
    const m = CONF_D.exec(imagePath.replace(/\/{2,}/g, '/'));
    if (!m)
        return undefined;
    const parts = m[1].split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0)
        return undefined;
    const file = parts[parts.length - 1];
    if (parts.length === 1) {
        const ext = CONFIG_EXT.exec(file);
        const check = ext ? file.slice(0, ext.index) : file.replace(/\..*$/, '');
        if (!ext)
            return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
        return { check, loaded: true, isDefault: Boolean(ext[1]) };
    }
    const dir = parts[0];
    const check = dir.replace(/\.d$/, '');
    if (!dir.endsWith('.d'))
        return { check, loaded: false, isDefault: false, why: `the agent reads only directories whose name ends in ".d" (${dir}.d), so ${dir}/ is skipped` };
    if (parts.length > 2)
        return { check, loaded: false, isDefault: false, why: `the agent reads only files directly in ${dir}/, not in subdirectories` };
    const ext = CONFIG_EXT.exec(file);
    if (!ext)
        return { check, loaded: false, isDefault: false, why: skippedExtension(file) };
    if (/^metrics\.ya?ml$/.test(file))
        return { check, loaded: false, isDefault: false, why: 'metrics.yaml is a JMX metrics file, not a check configuration' };
    return { check, loaded: true, isDefault: Boolean(ext[1]) };
}
function skippedExtension(file) {
    const example = /\.example$/.test(file) ? ' (an example: the agent never loads it)' : '';
    return `the agent reads only .yaml or .yml files (optionally followed by .default), so "${file}" is skipped${example}`;
}
const START = { line: 1, column: 1 };
function checkConfDLayout(files) {
    const out = [];
    const byCheck = new Map();
    for (const [image, repo] of files) {
        const info = agentConfPath(image);
        if (!info)
            continue;
        const base = image.slice(image.lastIndexOf('/') + 1);
        // JMX metric files and Autodiscovery templates are loaded for other purposes: neither ignored nor a second config.
        if (/^(?:metrics|auto_conf)\.ya?ml$/.test(base))
            continue;
        if (!info.loaded) {
            out.push((0,findings/* finding */.gk)(repo, START, 'warning', 'agent/ignored-file', `${image} is not loaded by the agent: ${info.why ?? 'skipped'}`));
            continue;
        }
        const list = byCheck.get(info.check) ?? [];
        list.push({ image, repo, info });
        byCheck.set(info.check, list);
    }
    for (const [check, list] of byCheck) {
        const active = list.filter((f) => !f.info.isDefault);
        const defaults = list.filter((f) => f.info.isDefault);
        if (active.length > 1) {
            const all = active.map((f) => f.image).join(', ');
            for (const f of active) {
                out.push((0,findings/* finding */.gk)(f.repo, START, 'warning', 'agent/multiple-configs', `${check} has ${active.length} active config files (${all}): the agent runs every one of them; keep one file per check unless that is intended`));
            }
        }
        if (active.length && defaults.length) {
            for (const f of defaults) {
                out.push((0,findings/* finding */.gk)(f.repo, START, 'warning', 'agent/default-config-beside', `${f.image} is ignored while ${active[0].image} is valid, and takes over silently when it is not: remove it`));
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/agent/detect.ts


const AGENT_FILE = /^(?:instances|init_config)[ \t]*:/m;
const MYSQL_KEYS = ['host', 'server', 'sock', 'username', 'user', 'defaults_file', 'dbm', 'deep_database_monitoring', 'custom_queries', 'query_metrics'];
function detectAgentKind(source) {
    if (!AGENT_FILE.test(source.text))
        return undefined;
    const root = (0,load/* loadYaml */.yv)(source, 'agent').root;
    if (root?.kind !== 'map')
        return undefined;
    const instances = (0,ast/* get */.Jt)(root, 'instances');
    if (instances?.kind !== 'seq')
        return undefined;
    const maps = instances.items.filter((i) => i.kind === 'map');
    if (maps.some((m) => (0,ast/* getPair */.xf)(m, 'url')))
        return 'http_check';
    if (maps.some((m) => MYSQL_KEYS.some((k) => (0,ast/* getPair */.xf)(m, k))))
        return 'mysql';
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/agent/index.ts














function checkAgentFile(source, kind, ctx) {
    const notice = (0,checks_source/* templateNotice */.ru)(source);
    if (notice)
        return { findings: [notice], sites: [] };
    const r = new Reporter(source, kind);
    let sites = [];
    try {
        sites = checkParsed(source, kind, ctx, r);
    }
    catch (err) {
        // A bug here must not take the whole validation down with it: report it on the file instead.
        r.report(0, 'error', 'internal-error', `the ${kind} checker failed on this file (${err.message}); please report this`);
    }
    return { findings: (0,findings/* sortFindings */.Tc)(r.findings), sites };
}
function checkParsed(source, kind, ctx, r) {
    const yaml = (0,load/* loadYaml */.yv)(source, 'agent');
    r.findings.push(...yaml.findings);
    if (yaml.findings.some((f) => f.severity === 'error'))
        return [];
    reportDuplicates(yaml.duplicates, r);
    const shape = checkShape(yaml.root, r);
    if (!shape)
        return [];
    const schema = SCHEMAS[kind];
    if (shape.initConfig)
        checkOptions(shape.initConfig, schema.initConfig, { r, where: 'init_config' });
    for (const { map, index } of shape.instances)
        checkOptions(map, schema.instance, { r, where: `instance ${index + 1}` });
    if (kind === 'http_check')
        checkHttpInstances(shape, r);
    else
        checkMysqlInstances(shape, r);
    checkSecrets(shape, schema.instance, ctx, r);
    return kind === 'http_check' ? extractSites(shape, schema.instance, r) : [];
}


/***/ }),

/***/ 671:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   _4: () => (/* binding */ dedupeFindings),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   rr: () => (/* binding */ LineIndex)
/* harmony export */ });
/* unused harmony export SEVERITY_RANK */
const SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
function finding(file, pos, severity, code, message) {
    return { file, line: pos.line, column: pos.column, severity, code, message };
}
/** Stable order for output: by file, line, column, then severity and code. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
/** The same finding reached twice (two containers run one image, two commands report one file) is kept once. */
function dedupeFindings(findings) {
    const seen = new Set();
    return sortFindings(findings).filter((f) => {
        const k = `${f.file}\0${f.line}\0${f.column}\0${f.code}\0${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function countBySeverity(findings) {
    const out = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        out[f.severity] += 1;
    return out;
}
/**
 * Maps string offsets to 1-based line/column. Built once per file; lookups are a binary search,
 * so a 5,000-instance file does not pay a linear scan per finding.
 */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    position(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: o - this.starts[lo] + 1 };
    }
}


/***/ }),

/***/ 9648:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  FB: () => (/* binding */ checkFluentd),
  ki: () => (/* binding */ looksLikeFluentd)
});

// UNUSED EXPORTS: checkFluentdSource, parseFluentd

// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __nccwpck_require__(671);
;// CONCATENATED MODULE: ./src/checks/fluentd/duplicates.ts
function checkDuplicateKeys(root, report) {
    const stack = [root];
    while (stack.length > 0) {
        const el = stack.pop();
        const seen = new Map();
        for (const p of el.params) {
            const prev = seen.get(p.key);
            if (prev) {
                report.warning(p, 'fluentd/duplicate-key', `${p.key} is set twice in this section (first at ${prev.file}:${prev.pos.line}); fluentd silently keeps this last value: remove one`);
            }
            seen.set(p.key, p);
        }
        for (const c of el.elements)
            stack.push(c);
    }
}
function checkDuplicateIds(uses, report) {
    const ids = new Map();
    for (const use of uses) {
        if (use.kind !== 'input' && use.kind !== 'output' && use.kind !== 'filter')
            continue;
        const id = [...use.el.params].reverse().find((p) => p.key === '@id' || p.key === 'id');
        if (!id || id.dynamic)
            continue;
        const prev = ids.get(id.value);
        if (prev) {
            report.error({ file: id.file, pos: id.valuePos }, 'fluentd/duplicate-id', `Duplicated plugin id \`${id.value}\` (also at ${prev.file}:${prev.pos.line}). Check whole configuration and fix it.`);
        }
        else
            ids.set(id.value, id);
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/spec.ts
const str = { type: 'string' };
const spec_int = { type: 'integer' };
const flt = { type: 'float' };
const bool = { type: 'bool' };
const size = { type: 'size' };
const time = { type: 'time' };
const arr = { type: 'array' };
const hash = { type: 'hash' };
const regexp = { type: 'regexp' };
const required = (p) => ({ ...p, required: true });
const secret = (p) => ({ ...p, secret: true });
const oneOf = (...list) => ({ type: 'enum', list });
const deprecated = (p, instead) => ({ ...p, deprecated: instead });
const obsoleted = (p, instead) => ({ ...p, obsoleted: instead });
function isPluggable(ref) {
    return 'plug' in ref;
}
/** `format1` .. `format20` and friends. */
function numbered(prefix, max, p) {
    const out = {};
    for (let i = 1; i <= max; i++)
        out[`${prefix}${i}`] = p;
    return out;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/buffers.ts
/** Built-in buffers, from fluentd v1.19 `buf_memory.rb`, `buf_file.rb`, `buf_file_single.rb`. */

const BUFFERS = [
    { kind: 'buffer', name: 'memory', source: 'buf_memory.rb', spec: { params: {} } },
    {
        kind: 'buffer',
        name: 'file',
        source: 'buf_file.rb',
        spec: { params: { path: str, path_suffix: str, file_permission: str, dir_permission: str } },
    },
    {
        kind: 'buffer',
        name: 'file_single',
        source: 'buf_file_single.rb',
        spec: { params: { path: str, calc_num_records: bool, chunk_format: oneOf('msgpack', 'text', 'auto'), file_permission: str, dir_permission: str } },
    },
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/common.ts
/**
 * Parameters every plugin has (`plugin/base.rb`, `plugin_id.rb`, `log.rb` mixins: CONFIG-FACTS B5),
 * the output `<buffer>`/`<secondary>` sections (`plugin/output.rb`, `plugin/buffer.rb`: C4) and the
 * helper section `<inject>` (`plugin_helper/inject.rb`), plus the legacy
 * flat names `plugin_helper/compat_parameters.rb` converts.
 */

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
const PLUGIN_COMMON = {
    '@type': str,
    '@id': str,
    '@label': str,
    '@log_level': oneOf(...LOG_LEVELS),
    type: deprecated(str, "'type' is deprecated parameter name: use '@type' instead"),
    id: deprecated(str, "'id' is deprecated parameter name: use '@id' instead"),
    log_level: deprecated(oneOf(...LOG_LEVELS), "'log_level' is deprecated parameter name: use '@log_level' instead"),
};
/** `Output` base parameters (output.rb). */
const OUTPUT_COMMON = {
    time_as_integer: bool,
    slow_flush_log_threshold: flt,
};
/** `<buffer>` parameters from output.rb's buffer section and buffer.rb (C4). */
const BUFFER_PARAMS = {
    '@type': str,
    timekey: time,
    timekey_wait: time,
    timekey_use_utc: bool,
    timekey_zone: str,
    flush_at_shutdown: bool,
    flush_mode: oneOf('default', 'lazy', 'interval', 'immediate'),
    flush_interval: time,
    flush_thread_count: spec_int,
    flush_thread_interval: flt,
    flush_thread_burst_interval: flt,
    delayed_commit_timeout: time,
    overflow_action: oneOf('throw_exception', 'block', 'drop_oldest_chunk'),
    retry_forever: bool,
    retry_timeout: time,
    retry_max_times: spec_int,
    retry_secondary_threshold: flt,
    retry_type: oneOf('exponential_backoff', 'periodic'),
    retry_wait: time,
    retry_exponential_backoff_base: flt,
    retry_max_interval: time,
    retry_randomize: bool,
    disable_chunk_backup: bool,
    // buffer.rb
    chunk_limit_size: size,
    total_limit_size: size,
    queue_limit_length: spec_int,
    chunk_limit_records: spec_int,
    chunk_full_threshold: flt,
    queued_chunks_limit_size: spec_int,
    compress: oneOf('text', 'gzip', 'zstd'),
};
/** Flat buffer names `compat_parameters_convert(conf, :buffer)` moves into `<buffer>`. */
const COMPAT_BUFFER = [
    'buffer_type', 'buffer_path', 'num_threads', 'flush_interval', 'try_flush_interval', 'queued_chunk_flush_interval',
    'disable_retry_limit', 'retry_limit', 'max_retry_wait', 'buffer_chunk_limit', 'buffer_queue_limit',
    'buffer_queue_full_action', 'flush_at_shutdown', 'time_slice_format', 'time_slice_wait', 'timezone', 'retry_wait',
    'localtime', 'utc',
];
const COMPAT_PARSER = [
    'format', 'types', 'types_delimiter', 'types_label_delimiter', 'keys', 'time_key', 'time_format', 'localtime', 'utc',
    'delimiter', 'keep_time_key', 'null_empty_string', 'null_value_pattern', 'json_parser', 'label_delimiter',
    'format_firstline', 'message_key', 'with_priority', 'message_format', 'rfc5424_time_format',
];
const COMPAT_INJECT = ['include_time_key', 'time_key', 'time_format', 'timezone', 'include_tag_key', 'tag_key', 'localtime', 'utc', 'time_as_epoch'];
const COMPAT_FORMATTER = [
    'format', 'delimiter', 'force_quotes', 'keys', 'fields', 'json_parser', 'label_delimiter', 'output_time', 'output_tag',
    'localtime', 'utc', 'timezone', 'message_key', 'add_newline', 'output_type', 'time_as_epoch',
];
/** `TimeMixin` (time_mixin.rb) as formatters and `<inject>` read it; parsers narrow `time_type`. */
const TIME_MIXIN = {
    time_type: oneOf('float', 'unixtime', 'unixtime_millis', 'unixtime_micros', 'unixtime_nanos', 'string', 'mixed'),
    time_format: str,
    localtime: bool,
    utc: bool,
    timezone: str,
    time_format_fallbacks: arr,
};
const INJECT_SECTION = {
    params: {
        hostname_key: str,
        hostname: str,
        worker_id_key: str,
        tag_key: str,
        time_key: str,
        time_subsecond_digits: spec_int,
        ...TIME_MIXIN,
    },
};
const SECONDARY_REF = { plug: 'secondary' };
const BUFFER_REF = { plug: 'buffer' };
/** The sections and parameters every (v1 API) output accepts. */
function outputSpec(spec) {
    return {
        ...spec,
        params: { ...OUTPUT_COMMON, ...spec.params },
        sections: { buffer: BUFFER_REF, secondary: SECONDARY_REF, ...spec.sections },
    };
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/filters.ts
/**
 * Filters, from fluentd v1.19 `filter_grep.rb` (read for this schema) and
 * `filter_record_transformer.rb`; `parser` and `stdout` are `open`.
 */


const CONDITION = { params: { key: required(str), pattern: required(regexp) } };
const GREP_CONDITIONS = { regexp: { spec: CONDITION, multi: true }, exclude: { spec: CONDITION, multi: true } };
const GREP = {
    params: {
        ...numbered('regexp', 20, deprecated(str, 'use a <regexp> section')),
        ...numbered('exclude', 20, deprecated(str, 'use an <exclude> section')),
    },
    sections: {
        ...GREP_CONDITIONS,
        and: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
        or: { spec: { params: {}, sections: GREP_CONDITIONS }, multi: true },
    },
};
const RECORD_TRANSFORMER = {
    params: { remove_keys: arr, keep_keys: arr, renew_record: bool, renew_time_key: str, enable_ruby: bool, auto_typecast: bool },
    // <record> holds the user's own field names.
    sections: { record: { spec: { params: {}, open: true }, multi: true } },
};
function filter(name, spec) {
    return { kind: 'filter', name, source: `filter_${name}.rb`, spec };
}
const FILTERS = [
    filter('grep', GREP),
    filter('record_transformer', RECORD_TRANSFORMER),
    filter('parser', { params: { key_name: required(str), reserve_data: bool, remove_key_name_field: bool, inject_key_prefix: str, hash_value_field: str, emit_invalid_record_to_error: bool, replace_invalid_sequence: bool, reserve_time: bool }, compat: COMPAT_PARSER, open: true, sections: { parse: { plug: 'parser', multi: true, requireType: true } } }),
    filter('stdout', { params: {}, open: true }),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/formatters.ts
/** Built-in formatters (`<format>`), from fluentd v1.19 `lib/fluent/plugin/formatter_*.rb`. */


function formatter(name, params, open = false) {
    return { kind: 'formatter', name, source: `formatter_${name}.rb`, spec: { params: { '@type': str, ...params }, open } };
}
const FORMATTERS = [
    formatter('json', { json_parser: oneOf('oj', 'yajl', 'json'), add_newline: bool }),
    formatter('ltsv', { delimiter: str, label_delimiter: str, replacement: str, add_newline: bool }),
    formatter('csv', { delimiter: str, force_quotes: bool, fields: required(arr), add_newline: bool }),
    formatter('tsv', { keys: required(arr), delimiter: str, add_newline: bool }),
    formatter('out_file', { output_time: bool, output_tag: bool, delimiter: str, ...TIME_MIXIN }),
    formatter('single_value', { message_key: str, add_newline: bool }),
    formatter('hash', { add_newline: bool }),
    formatter('msgpack', {}),
    // `output_type` names another formatter whose parameters are passed through.
    formatter('stdout', { output_type: str, ...TIME_MIXIN }, true),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/inputs.ts
/**
 * Built-in inputs. Full schemas for the ones this product's setups use (CONFIG-FACTS C2, C3, from
 * fluentd v1.19 `in_forward.rb`, `in_tail.rb`, `in_sample.rb`); the other built-ins are `open`
 * (only the parameters listed are type-checked, none is called unknown).
 */


/** `plugin_helper/server.rb` `<transport tcp|tls>`: TLS options come from `cert_option.rb`. */
const TRANSPORT = {
    params: { linger_timeout: spec_int, receive_buffer_size: size },
    open: true,
};
const FORWARD = {
    params: {
        port: spec_int,
        bind: str,
        backlog: spec_int,
        linger_timeout: deprecated(spec_int, 'use the <transport> section'),
        chunk_size_warn_limit: size,
        chunk_size_limit: size,
        decompression_size_limit: size,
        skip_invalid_event: bool,
        source_address_key: str,
        source_hostname_key: str,
        resolve_hostname: bool,
        deny_keepalive: bool,
        send_keepalive_packet: bool,
        blocking_timeout: time,
        tag: str,
        add_tag_prefix: str,
    },
    sections: {
        transport: { spec: TRANSPORT },
        security: {
            spec: {
                params: { self_hostname: required(str), shared_key: required(secret(str)), user_auth: bool, allow_anonymous_source: bool },
                sections: {
                    user: { spec: { params: { username: required(str), password: required(secret(str)) } }, multi: true },
                    client: { spec: { params: { host: str, network: str, shared_key: secret(str), users: arr } }, multi: true },
                },
            },
        },
    },
};
const TAIL = {
    params: {
        path: required(str),
        tag: required(str),
        exclude_path: arr,
        rotate_wait: time,
        pos_file: str,
        pos_file_compaction_interval: time,
        read_from_head: bool,
        refresh_interval: time,
        read_lines_limit: spec_int,
        read_bytes_limit_per_second: size,
        multiline_flush_interval: time,
        emit_unmatched_lines: bool,
        enable_watch_timer: bool,
        enable_stat_watcher: bool,
        encoding: str,
        from_encoding: str,
        path_key: str,
        open_on_every_update: bool,
        limit_recently_modified: time,
        skip_refresh_on_startup: bool,
        ignore_repeated_permission_error: bool,
        follow_inodes: bool,
        path_delimiter: str,
        glob_policy: oneOf('backward_compatible', 'extended', 'always'),
        path_timezone: str,
        max_line_size: size,
        ...numbered('format', 20, str),
    },
    compat: COMPAT_PARSER,
    sections: {
        parse: { plug: 'parser', multi: true, requireType: true },
        group: {
            spec: {
                params: { pattern: regexp, rate_period: time },
                sections: { rule: { spec: { params: { match: hash, limit: spec_int } }, multi: true } },
            },
        },
    },
};
const SAMPLE = {
    params: {
        tag: required(str),
        size: spec_int,
        rate: spec_int,
        auto_increment_key: str,
        suspend: bool,
        sample: str,
        dummy: deprecated(str, 'use sample'),
        reuse_record: bool,
    },
};
function input(name, spec, source = `in_${name}.rb`) {
    return { kind: 'input', name, source, spec };
}
const inputs_open = (params) => ({ params, open: true });
const INPUTS = [
    input('forward', FORWARD),
    input('tail', TAIL),
    input('sample', SAMPLE),
    input('dummy', SAMPLE, 'in_sample.rb (alias)'),
    input('http', inputs_open({ port: spec_int, bind: str, body_size_limit: size, keepalive_timeout: time, add_http_headers: bool, add_remote_addr: bool })),
    input('syslog', inputs_open({ port: spec_int, bind: str, tag: required(str), protocol_type: oneOf('udp', 'tcp') })),
    input('tcp', inputs_open({ port: spec_int, bind: str, tag: required(str) })),
    input('udp', inputs_open({ port: spec_int, bind: str, tag: required(str) })),
    input('unix', inputs_open({ path: str })),
    input('exec', inputs_open({ command: required(str), tag: str, run_interval: time })),
    input('monitor_agent', inputs_open({ port: spec_int, bind: str, tag: str, emit_interval: time })),
    input('debug_agent', inputs_open({ port: spec_int, bind: str })),
    input('object_space', inputs_open({ tag: required(str) })),
    input('gc_stat', inputs_open({ tag: required(str) })),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/outputs.ts
/**
 * Outputs. out_forward from fluentd v1.19 `out_forward.rb` and docs.fluentd.org/output/forward;
 * out_copy (C5) `out_copy.rb`/`multi_output.rb`; out_stdout `out_stdout.rb`; out_null
 * `out_null.rb`; out_datadog from DataDog/fluent-plugin-datadog `out_datadog.rb`@69911a1 (C1).
 * Other built-ins are `open`.
 */


const outputs_FORWARD = outputSpec({
    params: {
        transport: oneOf('tcp', 'tls'),
        send_timeout: time,
        connect_timeout: time,
        heartbeat_type: oneOf('transport', 'tcp', 'udp', 'none'),
        heartbeat_interval: time,
        recover_wait: time,
        hard_timeout: time,
        phi_threshold: spec_int,
        phi_failure_detector: bool,
        require_ack_response: bool,
        ack_response_timeout: time,
        read_interval_msec: spec_int,
        read_length: size,
        expire_dns_cache: time,
        dns_round_robin: bool,
        ignore_network_errors_at_startup: bool,
        verify_connection_at_startup: bool,
        compress: oneOf('text', 'gzip', 'zstd'),
        keepalive: bool,
        keepalive_timeout: time,
        tls_version: str,
        tls_min_version: str,
        tls_max_version: str,
        tls_ciphers: str,
        tls_insecure_mode: bool,
        tls_allow_self_signed_cert: bool,
        tls_verify_hostname: bool,
        tls_ca_cert_path: arr,
        tls_cert_path: arr,
        tls_client_cert_path: str,
        tls_client_private_key_path: str,
        tls_client_private_key_passphrase: secret(str),
        tls_cert_thumbprint: str,
        tls_cert_logical_store_name: str,
        tls_cert_use_enterprise_store: bool,
        port: obsoleted(spec_int, 'use a <server> section'),
        host: obsoleted(str, 'use a <server> section'),
    },
    compat: COMPAT_BUFFER,
    sections: {
        security: { spec: { params: { self_hostname: required(str), shared_key: required(secret(str)) } } },
        server: {
            multi: true,
            spec: {
                params: {
                    host: required(str),
                    name: str,
                    port: spec_int,
                    shared_key: secret(str),
                    username: str,
                    password: secret(str),
                    standby: bool,
                    weight: spec_int,
                },
            },
        },
        service_discovery: { spec: { params: {}, open: true } },
    },
});
const COPY = {
    params: {
        copy_mode: oneOf('no_copy', 'shallow', 'deep', 'marshal'),
        deep_copy: deprecated(bool, 'use copy_mode deep'),
    },
    sections: { store: { plug: 'output', multi: true, required: true } },
};
const STDOUT = outputSpec({
    params: { use_logger: bool },
    compat: [...COMPAT_INJECT, ...COMPAT_FORMATTER],
    sections: { format: { plug: 'formatter', multi: true, defaultType: 'stdout' }, inject: { spec: INJECT_SECTION } },
});
const NULL = outputSpec({ params: { never_flush: bool } });
const DATADOG = outputSpec({
    params: {
        api_key: required(secret(str)),
        include_tag_key: bool,
        tag_key: str,
        timestamp_key: str,
        service: str,
        dd_source: str,
        dd_sourcecategory: str,
        dd_tags: str,
        dd_hostname: str,
        delete_extracted_tag_attributes: bool,
        site: str,
        host: str,
        use_ssl: bool,
        port: spec_int,
        ssl_port: spec_int,
        max_retries: spec_int,
        max_backoff: spec_int,
        use_http: bool,
        custom_headers: hash,
        use_compression: bool,
        compression_level: spec_int,
        no_ssl_validation: bool,
        http_proxy: str,
        force_v1_routes: bool,
        use_json: bool,
    },
    compat: COMPAT_BUFFER,
});
function output(name, spec, source = `out_${name}.rb`) {
    return { kind: 'output', name, source, spec };
}
const outputs_open = (params) => ({ ...outputSpec({ params }), open: true });
const OUTPUTS = [
    output('forward', outputs_FORWARD),
    output('copy', COPY),
    output('stdout', STDOUT),
    output('null', NULL),
    output('datadog', DATADOG, 'DataDog/fluent-plugin-datadog lib/fluent/plugin/out_datadog.rb'),
    output('file', outputs_open({ path: required(str), append: bool, compress: oneOf('text', 'gzip'), symlink_path: str })),
    output('exec', outputs_open({ command: required(str) })),
    output('exec_filter', outputs_open({ command: required(str) })),
    output('relabel', { params: {}, open: true }),
    output('roundrobin', { params: {}, open: true }),
    output('secondary_file', { params: { directory: required(str), basename: str, append: bool, compress: oneOf('text', 'gzip') }, open: true }),
    output('http', outputs_open({ endpoint: required(str) })),
    output('buffer', outputs_open({})),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/parsers.ts
/**
 * Built-in parsers (`<parse>`), from fluentd v1.19 `lib/fluent/plugin/parser.rb` (base parameters
 * and `TimeMixin::Parser`) and `parser_*.rb`; legacy aliases (`parser_engine`) are kept.
 */


const BASE = {
    '@type': str,
    types: hash,
    time_key: str,
    null_value_pattern: regexp,
    null_empty_string: bool,
    estimate_current_event: bool,
    keep_time_key: bool,
    timeout: time,
    ...TIME_MIXIN,
    // The parser side of TimeMixin reads fewer time types than the formatter side.
    time_type: oneOf('string', 'unixtime', 'float', 'mixed'),
};
const REGEXP = { expression: regexp, ignorecase: bool, multiline: bool };
function parser(name, params, source = `parser_${name}.rb`) {
    return { kind: 'parser', name, source, spec: { params: { ...BASE, ...params } } };
}
const PARSERS = [
    parser('regexp', { ...REGEXP, expression: required(regexp) }),
    parser('apache', REGEXP),
    parser('apache2', {}),
    parser('apache_error', REGEXP),
    parser('nginx', REGEXP),
    parser('syslog', {
        rfc5424_time_format: str,
        message_format: oneOf('rfc3164', 'rfc5424', 'auto'),
        with_priority: bool,
        parser_type: oneOf('regexp', 'string'),
        parser_engine: oneOf('regexp', 'string'),
        support_colonless_ident: bool,
    }),
    parser('csv', { keys: required(arr), delimiter: str, parser_type: oneOf('normal', 'fast'), parser_engine: oneOf('normal', 'fast') }),
    parser('tsv', { keys: required(arr), delimiter: str }),
    parser('ltsv', { delimiter: str, delimiter_pattern: regexp, label_delimiter: str }),
    parser('json', { json_parser: oneOf('oj', 'yajl', 'json'), stream_buffer_size: spec_int }),
    parser('msgpack', {}),
    parser('multiline', { format_firstline: str, unmatched_lines: bool, ...numbered('format', 20, str) }),
    parser('none', { message_key: str }),
];

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/registry.ts
/**
 * Looking plugins up by kind and `@type`, and knowing which types fluentd ships (so anything else
 * must come from a gem or a plugin file in the image).
 */






const BY_KIND = new Map();
for (const list of [INPUTS, OUTPUTS, FILTERS, PARSERS, FORMATTERS, BUFFERS]) {
    for (const p of list) {
        let m = BY_KIND.get(p.kind);
        if (!m)
            BY_KIND.set(p.kind, (m = new Map()));
        m.set(p.name, p);
    }
}
function lookupPlugin(kind, type) {
    return BY_KIND.get(kind)?.get(type);
}
/** Types that ship inside the fluentd gem itself (v1.19 `lib/fluent/plugin/*`); `datadog` is not one. */
const CORE = {
    input: ['forward', 'tail', 'sample', 'dummy', 'http', 'syslog', 'tcp', 'udp', 'unix', 'exec', 'monitor_agent', 'debug_agent', 'object_space', 'gc_stat'],
    output: ['forward', 'copy', 'stdout', 'null', 'file', 'exec', 'exec_filter', 'relabel', 'roundrobin', 'secondary_file', 'http', 'buffer'],
    filter: ['grep', 'record_transformer', 'parser', 'stdout'],
    parser: ['regexp', 'apache', 'apache2', 'apache_error', 'nginx', 'syslog', 'csv', 'tsv', 'ltsv', 'json', 'msgpack', 'multiline', 'none'],
    formatter: ['json', 'ltsv', 'csv', 'tsv', 'out_file', 'single_value', 'hash', 'msgpack', 'stdout'],
    buffer: ['memory', 'file', 'file_single'],
};
function isCorePlugin(kind, type) {
    return CORE[kind].includes(type);
}
function corePluginNames(kind) {
    return CORE[kind];
}
/**
 * Gems whose plugin names do not follow `fluent-plugin-<type>`. A type listed here is known for
 * sure to need this gem; other third-party types are matched by name only (and more cautiously).
 */
const KNOWN_GEMS = {
    datadog: 'fluent-plugin-datadog',
    elasticsearch: 'fluent-plugin-elasticsearch',
    s3: 'fluent-plugin-s3',
    cloudwatch_logs: 'fluent-plugin-cloudwatch-logs',
    kinesis_streams: 'fluent-plugin-kinesis',
    kinesis_firehose: 'fluent-plugin-kinesis',
    kinesis_streams_aggregated: 'fluent-plugin-kinesis',
    rewrite_tag_filter: 'fluent-plugin-rewrite-tag-filter',
    concat: 'fluent-plugin-concat',
    kubernetes_metadata: 'fluent-plugin-kubernetes_metadata_filter',
    detect_exceptions: 'fluent-plugin-detect-exceptions',
    prometheus: 'fluent-plugin-prometheus',
    record_modifier: 'fluent-plugin-record-modifier',
    multi_format: 'fluent-plugin-multi-format-parser',
};

;// CONCATENATED MODULE: ./src/checks/fluentd/gems.ts

const FILE_PREFIX = { input: 'in', output: 'out', filter: 'filter', parser: 'parser', formatter: 'formatter', buffer: 'buf' };
/** The official image (`fluent/fluentd:*`, or Docker's `fluentd:*`) contains only the core plugins. */
function isCoreFluentdImage(ref) {
    if (!ref)
        return false;
    return /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:fluent\/fluentd|(?:library\/)?fluentd)(?:[:@]|$)/.test(ref.trim());
}
const norm = (s) => s.toLowerCase().replace(/[-_]/g, '');
function gemName(g) {
    return g.trim().toLowerCase().replace(/[:@\s].*$/, '').replace(/-\d[\w.]*$/, '');
}
function checkGems(uses, image, report) {
    if (!image || !isCoreFluentdImage(image.baseImage))
        return;
    const gems = [...image.gems].map(gemName);
    const files = [...image.files.keys()];
    const seen = new Set();
    for (const use of uses) {
        const type = use.type;
        const at = use.typeParam;
        if (type === undefined || !at || at.dynamic || isCorePlugin(use.kind, type))
            continue;
        const key = `${use.kind}:${type}:${at.file}:${at.pos.line}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const known = KNOWN_GEMS[type];
        const plausible = (g) => {
            if (!g.startsWith('fluent-plugin-'))
                return false;
            const suffix = norm(g.slice('fluent-plugin-'.length));
            const t = norm(type);
            return suffix === t || t.startsWith(suffix) || suffix.startsWith(t);
        };
        if ((known && gems.includes(known)) || gems.some(plausible))
            continue;
        const fileRe = new RegExp(`/${FILE_PREFIX[use.kind]}_${type.replace(/[^\w]/g, '')}\\.rb$`);
        if (files.some((f) => fileRe.test(f)))
            continue;
        const gem = known ?? `fluent-plugin-${type.replace(/_/g, '-')}`;
        const message = `Unknown ${use.kind} plugin '${type}'. Run 'gem search -rd fluent-plugin' to find plugins: ${image.dockerfile} builds on ${image.baseImage} and installs no gem providing it; add RUN fluent-gem install ${gem}`;
        if (known && image.complete)
            report.error({ file: at.file, pos: at.valuePos }, 'fluentd/plugin-not-installed', message);
        else
            report.warning({ file: at.file, pos: at.valuePos }, 'fluentd/plugin-not-installed', `${message}${image.complete ? '' : ' (the Dockerfile does things that cannot be followed statically, so it may still be there)'}`);
    }
}

// EXTERNAL MODULE: ./src/checks/fs.ts
var checks_fs = __nccwpck_require__(8566);
// EXTERNAL MODULE: ./src/checks/source.ts
var source = __nccwpck_require__(5784);
;// CONCATENATED MODULE: ./src/checks/fluentd/scan.ts
/**
 * Lexical primitives of fluentd's config scanner (`basic_parser.rb`, CONFIG-FACTS B1), written as
 * plain loops over the text instead of regexes so every step is linear and cannot backtrack.
 * Each matcher returns the end offset of its match, or -1 when it does not match (StringScanner
 * `skip` semantics: a match may be empty).
 */
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
function isBlank(c) {
    return c === SPACE || c === TAB;
}
function isNewline(c) {
    return c === CR || c === LF;
}
/** End of a `#` comment: the offset of the next `\n` (Ruby's `.` stops only there), or the end. */
function commentEnd(s, p) {
    const nl = s.indexOf('\n', p);
    return nl === -1 ? s.length : nl;
}
/**
 * LINE_END = /(?:[ \t]*(?:\#.*)?(?:\z|[\r\n]))+/ : blanks, an optional comment, then the end of
 * the line; repeated, so blank and comment-only lines that follow are swallowed too.
 */
function matchLineEnd(s, p) {
    let q = p;
    let matched = false;
    for (;;) {
        let r = q;
        while (r < s.length && isBlank(s.charCodeAt(r)))
            r++;
        if (r < s.length && s.charCodeAt(r) === HASH)
            r = commentEnd(s, r);
        if (r >= s.length)
            return r;
        if (isNewline(s.charCodeAt(r))) {
            q = r + 1;
            matched = true;
            continue;
        }
        return matched ? q : -1;
    }
}
/**
 * SPACING = /(?:[ \t\r\n]|\z|\#.*?(?:\z|[\r\n]))+/ (one or more) and ZERO_OR_MORE_SPACING (`*`).
 * At the end of the text it matches the empty string, as `\z` does.
 */
function matchSpacing(s, p, zeroOk = false) {
    let q = p;
    for (;;) {
        if (q >= s.length)
            return q;
        const c = s.charCodeAt(q);
        if (isBlank(c) || isNewline(c))
            q++;
        else if (c === HASH) {
            // `\#.*?(?:\z|[\r\n])`: lazily up to the first \r or \n, which it consumes.
            let r = q + 1;
            while (r < s.length && !isNewline(s.charCodeAt(r)))
                r++;
            q = r < s.length ? r + 1 : r;
        }
        else
            break;
    }
    return q > p || zeroOk ? q : -1;
}
/** SPACING_WITHOUT_COMMENT = /(?:[ \t\r\n]|\z)+/ */
function matchSpacingWithoutComment(s, p) {
    let q = p;
    while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q))))
        q++;
    if (q === p && p < s.length)
        return -1;
    return q;
}
/** ELEMENT_NAME = /[a-zA-Z0-9_]+/ ; returns the end offset (== p when nothing matched). */
function scanName(s, p) {
    let q = p;
    while (q < s.length) {
        const c = s.charCodeAt(q);
        const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
        if (!ok)
            break;
        q++;
    }
    return q;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/literal.ts

const ok = (literal) => ({ ok: true, literal });
const fail = (offset, code, message) => ({ ok: false, error: { offset, code, message } });
/** `scan_string`: a quoted string, or an unquoted run up to `boundary`; null when nothing was read. */
function scanString(s, p, boundary) {
    const c = s[p];
    if (c === '"')
        return scanDoubleQuoted(s, p);
    if (c === "'")
        return scanSingleQuoted(s, p);
    const end = scanUnquoted(s, p, boundary);
    if (end === p)
        return null;
    const value = s.slice(p, end);
    return ok({ value, quote: 'none', start: p, end, embedded: findEmbedded(value, p, false) });
}
/** `parse_literal`: JSON when the value starts with `[` or `{`, otherwise `scan_string(LINE_END)`. */
function parseLiteral(s, p) {
    let q = p;
    while (q < s.length && (isBlank(s.charCodeAt(q)) || isNewline(s.charCodeAt(q))))
        q++;
    if (s[q] === '[' || s[q] === '{')
        return scanJson(s, q);
    return scanString(s, q, 'line-end') ?? ok({ value: '', quote: 'empty', start: q, end: q, embedded: [] });
}
/**
 * `scan_nonquoted_string(boundary)`: `#` is always taken; any other character is taken unless the
 * boundary matches there. Blank runs are decided once per run (every position of a run sees the
 * same text after it), which keeps a line of 10,000 spaces linear.
 */
function scanUnquoted(s, p, boundary) {
    let q = p;
    while (q < s.length) {
        const c = s.charCodeAt(q);
        if (c === 0x23) {
            q++;
            continue;
        }
        if (c === 0x0a)
            break; // Ruby's `.` never matches \n
        if (boundary === 'spacing') {
            if (isBlank(c) || c === 0x0d)
                break;
            q++;
            continue;
        }
        if (boundary === 'line-end') {
            if (c === 0x0d)
                break;
            if (isBlank(c)) {
                let j = q;
                while (j < s.length && isBlank(s.charCodeAt(j)))
                    j++;
                if (j >= s.length || isNewline(s.charCodeAt(j)) || s.charCodeAt(j) === 0x23)
                    break;
                q = j;
                continue;
            }
            q++;
            continue;
        }
        // tag-arg: stop where ZERO_OR_MORE_SPACING '>' matches.
        if (c === 0x3e)
            break;
        if (isBlank(c) || c === 0x0d) {
            const j = matchSpacing(s, q, true);
            if (s.charCodeAt(j) === 0x3e)
                break;
            let r = q;
            while (r < s.length && (isBlank(s.charCodeAt(r)) || s.charCodeAt(r) === 0x0d))
                r++;
            q = r;
            continue;
        }
        q++;
    }
    return q;
}
function scanSingleQuoted(s, open) {
    let q = open + 1;
    let out = '';
    for (;;) {
        if (q >= s.length || s[q] === '\n') {
            return fail(open, 'fluentd/unterminated-string', q >= s.length
                ? 'unexpected end of file in a single quoted string: the string opened here is never closed; add the closing \''
                : "unexpected end of file in a single quoted string: a single-quoted value cannot span lines; close it on this line or use double quotes");
        }
        const c = s[q];
        if (c === "'")
            return ok({ value: out, quote: 'single', start: open, end: q + 1, embedded: findEmbedded(s.slice(open + 1, q), open + 1, false) });
        if (c === '\\' && (s[q + 1] === "'" || s[q + 1] === '\\')) {
            out += s[q + 1];
            q += 2;
            continue;
        }
        out += c;
        q++;
    }
}
const ESCAPES = { '"': '"', "'": "'", r: '\r', n: '\n', t: '\t', f: '\f', b: '\b', '0': '\0' };
/**
 * `scan_double_quoted_string`. The rule that surprises people: a character followed by a line
 * break is consumed *with* the break, so the scanner steps over lines two characters at a time and
 * dies on an empty line or on the `\n` of a CRLF pair (B3, verified).
 */
function scanDoubleQuoted(s, open) {
    let q = open + 1;
    let out = '';
    const embedded = [];
    for (;;) {
        if (q >= s.length)
            return unterminatedDouble(s, open, q);
        const c = s[q];
        if (c === '"')
            return ok({ value: out, quote: 'double', start: open, end: q + 1, embedded });
        const next = s[q + 1];
        if (q + 1 >= s.length || next === '\r' || next === '\n') {
            // check(/[^"]#{LINE_END_WITHOUT_SPACING_AND_COMMENT}/): keep both unless it is a backslash.
            if (c !== '\\')
                out += c + (next ?? '');
            q += q + 1 >= s.length ? 1 : 2;
            continue;
        }
        if (c === '\\') {
            const e = next;
            const mapped = ESCAPES[e];
            if (mapped !== undefined)
                out += mapped;
            else if (/[a-zA-Z0-9]/.test(e)) {
                return fail(q, 'fluentd/invalid-escape', `unexpected back-slash escape character '${e}': inside double quotes only \\" \\' \\\\ \\r \\n \\t \\f \\b \\0 and \\<symbol> are escapes; write regexes and Windows paths in single quotes or unquoted`);
            }
            else
                out += e;
            q += 2;
            continue;
        }
        if (c === '#' && next === '{') {
            const end = scanEmbeddedCode(s, q + 2);
            if (end < 0)
                return fail(q, 'fluentd/unterminated-embedded-code', 'unexpected end of file in embedded code: the #{ opened here is never closed; add the closing }');
            embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
            out += s.slice(q, end + 1);
            q = end + 1;
            continue;
        }
        if (c === '\n')
            return unterminatedDouble(s, open, q);
        out += c;
        q++;
    }
}
function unterminatedDouble(s, open, stop) {
    let why;
    if (stop >= s.length)
        why = 'the string opened here is never closed; add the closing "';
    else if (s[stop - 1] === '\r')
        why = 'a double-quoted string cannot span lines in a file with CRLF line endings; convert the file to LF or keep the string on one line';
    else
        why = 'a double-quoted string cannot contain an empty line (fluentd reads it two characters at a time); remove the empty line or write \\n';
    return fail(open, 'fluentd/unterminated-string', `unexpected end of file in a double quoted string: ${why}`);
}
/**
 * The end of embedded Ruby started after `#{`: the offset of the closing `}`, or -1. Fluentd asks
 * Ripper for the first `}` that makes valid Ruby; this follows braces and Ruby string literals
 * (with their own `#{}`), iteratively so deeply nested input cannot exhaust the stack.
 */
function scanEmbeddedCode(s, p) {
    const stack = [{ kind: 'code', depth: 0 }];
    let q = p;
    while (q < s.length) {
        const top = stack[stack.length - 1];
        const c = s[q];
        if (top.kind === 'code') {
            if (c === '{')
                top.depth++;
            else if (c === '}') {
                if (top.depth === 0) {
                    stack.pop();
                    if (stack.length === 0)
                        return q;
                }
                else
                    top.depth--;
            }
            else if (c === '"' || c === "'" || c === '`')
                stack.push({ kind: 'str', quote: c });
            q++;
            continue;
        }
        if (c === '\\') {
            q += 2;
            continue;
        }
        if (c === top.quote) {
            stack.pop();
            q++;
            continue;
        }
        if (top.quote !== "'" && c === '#' && s[q + 1] === '{') {
            stack.push({ kind: 'code', depth: 0 });
            q += 2;
            continue;
        }
        q++;
    }
    return -1;
}
/** `#{...}` written where fluentd does not evaluate it (unquoted, single-quoted): kept literally. */
function findEmbedded(text, base, evaluated) {
    const out = [];
    let i = text.indexOf('#{');
    while (i !== -1) {
        const end = scanEmbeddedCode(text, i + 2);
        out.push({ code: text.slice(i + 2, end < 0 ? text.length : end), offset: base + i, evaluated });
        if (end < 0)
            break;
        i = text.indexOf('#{', end + 1);
    }
    return out;
}
const NUMBER_COMPLETE = new Set(['zero', 'int', 'frac', 'exp']);
/**
 * `scan_json`: fluentd feeds characters one by one and stops at the first prefix `JSON.parse`
 * accepts; a `#` outside a string starts a comment only when the text so far would parse if closed
 * right there (which in practice means at the top level). Incremental validation gives the same
 * answer in one pass instead of one `JSON.parse` per character.
 */
function scanJson(s, open) {
    const isArray = s[open] === '[';
    const stack = [{ kind: isArray ? 'array' : 'object', state: 'start' }];
    let tok = { kind: 'none' };
    let commaOnLine = false;
    const embedded = [];
    const incomplete = () => fail(open, 'fluentd/incomplete-json', `got incomplete JSON ${isArray ? 'array' : 'hash'} configuration: a value starting with ${isArray ? '[' : '{'} is read as JSON and this one never becomes valid JSON; quote the value if it is not JSON`);
    // Accept the end of a scalar token: the enclosing container now holds a complete value.
    const valueDone = () => {
        const top = stack[stack.length - 1];
        if (top.kind === 'array') {
            if (top.state !== 'start' && top.state !== 'comma')
                return false;
            top.state = 'value';
            return true;
        }
        if (top.state === 'start' || top.state === 'comma') {
            top.state = 'key';
            return true;
        }
        if (top.state !== 'colon')
            return false;
        top.state = 'value';
        return true;
    };
    const expectsValue = () => {
        const top = stack[stack.length - 1];
        return top.kind === 'array' ? top.state === 'start' || top.state === 'comma' : top.state === 'colon';
    };
    let q = open + 1;
    while (q < s.length) {
        const c = s[q];
        // Finish a pending number or literal when a character cannot continue it.
        if (tok.kind === 'number') {
            const st = tok.state;
            const digit = c >= '0' && c <= '9';
            let next;
            if (digit)
                next = st === 'minus' ? (c === '0' ? 'zero' : 'int') : st === 'zero' ? undefined : st === 'dot' ? 'frac' : st === 'e' || st === 'esign' ? 'exp' : st;
            else if (c === '.' && (st === 'zero' || st === 'int'))
                next = 'dot';
            else if ((c === 'e' || c === 'E') && (st === 'zero' || st === 'int' || st === 'frac'))
                next = 'e';
            else if ((c === '+' || c === '-') && st === 'e')
                next = 'esign';
            if (next !== undefined) {
                tok.state = next;
                q++;
                continue;
            }
            if (digit && st === 'zero')
                return incomplete();
            if (!NUMBER_COMPLETE.has(st))
                return incomplete();
            tok = { kind: 'none' };
            if (!valueDone())
                return incomplete();
        }
        if (tok.kind === 'literal') {
            if (tok.read < tok.word.length) {
                if (c !== tok.word[tok.read])
                    return incomplete();
                tok.read++;
                q++;
                continue;
            }
            tok = { kind: 'none' };
            if (!valueDone())
                return incomplete();
        }
        if (tok.kind === 'string') {
            if (c === '\n' || c === '\r' || c < ' ')
                return incomplete(); // control characters are not JSON
            if (tok.escape === 1) {
                if (c === 'u')
                    tok.escape = 2;
                else
                    tok.escape = 0;
            }
            else if (tok.escape >= 2) {
                if (!/[0-9a-fA-F]/.test(c))
                    return incomplete();
                tok.escape = tok.escape === 5 ? 0 : tok.escape + 1;
            }
            else if (c === '\\')
                tok.escape = 1;
            else if (c === '"') {
                tok = { kind: 'none' };
                if (!valueDone())
                    return incomplete();
            }
            else if (c === '#' && s[q + 1] === '{') {
                // Embedded Ruby inside JSON strings is evaluated since fluentd v1.18.0 (fluent/fluentd#4580).
                const end = scanEmbeddedCode(s, q + 2);
                if (end < 0)
                    return incomplete();
                embedded.push({ code: s.slice(q + 2, end), offset: q, evaluated: true });
                q = end + 1;
                continue;
            }
            q++;
            continue;
        }
        // Between tokens.
        if (c === '\n') {
            commaOnLine = false;
            q++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            q++;
            continue;
        }
        if (c === '#') {
            const top = stack[stack.length - 1];
            const closable = stack.length === 1 && (top.state === 'start' || top.state === 'value' || (top.state === 'comma' && commaOnLine));
            if (!closable)
                return incomplete();
            // The rest of the line is a comment; fluentd loops forever when no newline follows.
            const nl = s.indexOf('\n', q);
            if (nl === -1)
                return incomplete();
            q = nl + 1;
            commaOnLine = false;
            continue;
        }
        if (c === '/' && (s[q + 1] === '*' || s[q + 1] === '/')) {
            // Ruby's JSON parser skips /* */ and // comments between tokens.
            const end = s[q + 1] === '*' ? s.indexOf('*/', q + 2) : s.indexOf('\n', q + 2);
            if (end === -1)
                return incomplete();
            q = s[q + 1] === '*' ? end + 2 : end;
            continue;
        }
        commaOnLine = false;
        const top = stack[stack.length - 1];
        if (c === ',') {
            if (top.state !== 'value')
                return incomplete();
            top.state = 'comma';
            commaOnLine = true;
            q++;
            continue;
        }
        if (c === ':') {
            if (top.kind !== 'object' || top.state !== 'key')
                return incomplete();
            top.state = 'colon';
            q++;
            continue;
        }
        if (c === ']' || c === '}') {
            const want = c === ']' ? 'array' : 'object';
            if (top.kind !== want)
                return incomplete();
            if (!(top.state === 'start' || top.state === 'value'))
                return incomplete();
            stack.pop();
            q++;
            if (stack.length === 0) {
                const raw = s.slice(open, q);
                let value = raw;
                try {
                    value = JSON.stringify(JSON.parse(raw));
                }
                catch {
                    /* comments or embedded code: keep the text as written */
                }
                return ok({ value, quote: 'json', start: open, end: q, embedded });
            }
            if (!valueDone())
                return incomplete();
            continue;
        }
        if (c === '"') {
            const isKey = top.kind === 'object' && (top.state === 'start' || top.state === 'comma');
            if (!isKey && !expectsValue())
                return incomplete();
            tok = { kind: 'string', escape: 0 };
            q++;
            continue;
        }
        if (!expectsValue())
            return incomplete();
        if (c === '[' || c === '{') {
            stack.push({ kind: c === '[' ? 'array' : 'object', state: 'start' });
            q++;
            continue;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
            tok = { kind: 'number', state: c === '-' ? 'minus' : c === '0' ? 'zero' : 'int' };
            q++;
            continue;
        }
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
        if (word === undefined)
            return incomplete();
        tok = { kind: 'literal', word, read: 1 };
        q++;
    }
    return incomplete();
}

;// CONCATENATED MODULE: ./src/checks/fluentd/parser.ts
/**
 * One file, parsed the way `v1_parser.rb` `parse_element` parses it (CONFIG-FACTS B2), except that
 * nesting is an explicit stack (10,000-deep sections cannot exhaust ours) and `@include` becomes
 * an IncludeNode that the loader expands in place. Errors carry fluentd's own wording (B7) and
 * stop the parse, as they stop fluentd; positions are chosen to point at the cause.
 */



/** Directives in which an unknown `@xxx` key is a parse error rather than a warning (`ELEM_SYMBOLS`). */
const ELEM_SYMBOLS = new Set(['match', 'source', 'filter', 'system']);
const RESERVED_PARAMS = new Set(['@type', '@id', '@label', '@log_level']);
function parseFile(s, options) {
    const items = [];
    const warnings = [];
    const stack = [{ name: null, items, element: undefined }];
    let p = 0;
    const result = (error) => (error ? { items, warnings, error } : { items, warnings });
    const err = (offset, code, message) => result({ offset, code, message });
    const skipSpacing = () => {
        const q = matchSpacing(s, p);
        if (q >= 0)
            p = q;
    };
    // Only error messages need a line number, and a parse stops at its first error.
    const lineOf = (offset) => new checks_findings/* LineIndex */.rr(s).position(offset).line;
    for (;;) {
        const frame = stack[stack.length - 1];
        const root = stack.length === 1;
        skipSpacing();
        if (p >= s.length) {
            if (root)
                break;
            const el = frame.element;
            return err(el.offset, 'fluentd/unclosed-section', `expected end tag '</${el.name}>' but got end of file: <${el.name}${el.arg ? ` ${el.arg}` : ''}> opened at line ${lineOf(el.offset)} is never closed; add </${el.name}>`);
        }
        if (s.startsWith('</', p)) {
            const at = p;
            const nameEnd = scanName(s, p + 2);
            const name = nameEnd > p + 2 ? s.slice(p + 2, nameEnd) : null;
            p = nameEnd;
            skipSpacing();
            if (s[p] !== '>')
                return err(p, 'fluentd/syntax', `expected character in tag name: write the end tag as </name> with a name of letters, digits and _`);
            p++;
            const le = matchLineEnd(s, p);
            if (le < 0)
                return err(p, 'fluentd/syntax', 'expected end of line after end tag: put nothing but a comment after </...> on its line');
            p = le;
            if (name !== frame.name) {
                const why = frame.element
                    ? `</${name ?? ''}> found while <${frame.element.name}> (opened at line ${lineOf(frame.element.offset)}) is still open; close <${frame.element.name}> first`
                    : `</${name ?? ''}> closes no open section; remove it`;
                return err(at, 'fluentd/unmatched-end-tag', `unmatched end tag: ${why}`);
            }
            if (root) {
                // `</>` closes fluentd's nil-named root: the entry file must end here, an included one just stops.
                skipSpacing();
                if (p < s.length) {
                    if (options.entry)
                        return err(p, 'fluentd/syntax', 'expected EOF: a stray </> at the top level ends the configuration; remove it');
                    warnings.push({ offset: at, code: 'fluentd/syntax', message: 'fluentd stops reading this included file at this </>: everything after it is ignored; remove it' });
                }
                break;
            }
            stack.pop();
            continue;
        }
        if (s[p] === '<') {
            const at = p;
            const nameEnd = scanName(s, p + 1);
            const name = nameEnd > p + 1 ? s.slice(p + 1, nameEnd) : null;
            p = nameEnd;
            skipSpacing();
            const argAt = p;
            const arg = scanString(s, p, 'tag-arg');
            if (arg && !arg.ok)
                return result(arg.error);
            if (arg)
                p = arg.literal.end;
            skipSpacing();
            if (s[p] !== '>') {
                const hint = arg && arg.literal.quote !== 'none' ? ': quote the whole argument, e.g. <match "app.#{ENV[\'X\']}.**">' : ': close the tag with >';
                return err(p, 'fluentd/syntax', `expected '>'${hint}`);
            }
            p++;
            const le = matchLineEnd(s, p);
            if (le < 0)
                return err(p, 'fluentd/syntax', 'expected end of line after tag: a section tag must be alone on its line (put </...> on its own line)');
            p = le;
            const element = {
                kind: 'element',
                name: name ?? '',
                arg: arg ? arg.literal.value : '',
                argQuote: arg ? arg.literal.quote : 'empty',
                argEmbedded: arg ? arg.literal.embedded : [],
                offset: at,
                argOffset: arg ? arg.literal.start : argAt,
                items: [],
            };
            frame.items.push(element);
            stack.push({ name, items: element.items, element });
            continue;
        }
        if (root) {
            const m = /^(@include|include)/.exec(s.slice(p, p + 8));
            if (m) {
                const after = matchSpacing(s, p + m[0].length);
                if (after >= 0) {
                    const res = parseInclude(s, p, after, m[0] === 'include');
                    if ('error' in res)
                        return result(res.error);
                    frame.items.push(res.node);
                    p = res.end;
                    continue;
                }
            }
        }
        // key [value]
        const keyAt = p;
        const key = scanString(s, p, 'spacing');
        if (!key)
            return err(p, 'fluentd/syntax', 'expected a parameter name');
        if (!key.ok)
            return result(key.error);
        p = key.literal.end;
        const k = key.literal.value;
        const sp = matchSpacingWithoutComment(s, p);
        if (sp < 0) {
            // Ruby raises NoMethodError here (prev_match is nil): fluentd dies with "unexpected error".
            return err(p, 'fluentd/syntax', 'expected a space after the quoted parameter name');
        }
        const gap = s.slice(p, sp);
        p = sp;
        if (gap.includes('\n') || p >= s.length) {
            // A key alone on its line has the value "" (a bool reads it as true).
            frame.items.push(param(k, keyAt, { value: '', quote: 'empty', start: p, embedded: [] }, ''));
            continue;
        }
        if (k === '@include') {
            const res = parseInclude(s, keyAt, p, false);
            if ('error' in res)
                return result(res.error);
            frame.items.push(res.node);
            p = res.end;
            continue;
        }
        if (k.startsWith('@') && !RESERVED_PARAMS.has(k)) {
            if (root || ELEM_SYMBOLS.has(frame.name ?? '')) {
                return err(keyAt, 'fluentd/reserved-prefix', `'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: ${k}`);
            }
            warnings.push({
                offset: keyAt,
                code: 'fluentd/reserved-prefix',
                message: `'@' is the system reserved prefix: ${k} works in a nested section for now but fluentd says it will be rejected; drop the @`,
            });
        }
        const v = parseLiteral(s, p);
        if (!v.ok)
            return result(v.error);
        p = v.literal.end;
        const le = matchLineEnd(s, p);
        if (le < 0) {
            const hint = v.literal.quote === 'none' ? '' : ': only a comment may follow a quoted value';
            return err(p, 'fluentd/syntax', `expected end of line${hint}`);
        }
        frame.items.push(param(k, keyAt, v.literal, s.slice(v.literal.start, v.literal.end)));
        p = le;
    }
    // The entry file must be consumed completely; an included file may not reach here otherwise.
    skipSpacing();
    if (p < s.length && options.entry)
        return err(p, 'fluentd/syntax', 'expected EOF');
    return result();
}
function param(key, keyOffset, lit, raw) {
    return { kind: 'param', key, value: lit.value, quote: lit.quote, raw, keyOffset, valueOffset: lit.start, embedded: lit.embedded };
}
/** `parse_include`: the URI is `scan_string(LINE_END)`; a missing line end is not an error there. */
function parseInclude(s, at, p, legacy) {
    const uri = scanString(s, p, 'line-end');
    if (!uri)
        return { error: { offset: at, code: 'fluentd/syntax', message: '@include needs a path or glob, e.g. @include conf.d/*.conf' } };
    if (!uri.ok)
        return { error: uri.error };
    const le = matchLineEnd(s, uri.literal.end);
    return {
        node: {
            kind: 'include',
            uri: uri.literal.value,
            quote: uri.literal.quote,
            embedded: uri.literal.embedded,
            offset: at,
            uriOffset: uri.literal.start,
            legacy,
        },
        end: le >= 0 ? le : uri.literal.end,
    };
}

;// CONCATENATED MODULE: ./src/checks/fluentd/load.ts
/**
 * Reading a configuration the way fluentd does: the entry file, then every `@include` expanded in
 * place (relative to the including file's directory, globs sorted: `v1_parser.rb` `eval_include`,
 * CONFIG-FACTS B2), parse errors stopping everything at the first one. Expansion is a loop over an
 * explicit stack, so neither deep nesting nor long include chains can exhaust the call stack.
 */




/** Past this many nested includes something is wrong (fluentd itself would eventually crash). */
const MAX_INCLUDE_DEPTH = 32;
/** A glob like `/**\/*.conf` must not turn one check into thousands of file reads. */
const MAX_FILES = 500;
/** Names editors and admins leave behind; fluentd warns when a glob include picks them up (B2). */
const BACKUP_NAME = /(\.bak|\.orig|\.old|_old|\.backup|\.swp|\.tmp|~)(\.conf)?$/i;
/** Parse a single text as an entry file (no includes followed): tests, the bench, `check -`. */
function load_parseSource(source) {
    const fs = {
        read: () => ({ ok: true, source }),
        glob: () => [],
        display: (f) => f,
    };
    return loadConfig(source.file, fs, { followIncludes: false });
}
function loadConfig(entry, fs, options = {}) {
    const follow = options.followIncludes ?? true;
    const findings = [];
    const files = [];
    const display = fs.display(entry);
    const root = {
        file: display,
        pos: { line: 1, column: 1 },
        name: '',
        arg: '',
        argQuote: 'empty',
        argPos: { line: 1, column: 1 },
        argEmbedded: [],
        params: [],
        elements: [],
        depth: 0,
    };
    const includeCode = [];
    const outcome = (fatal, incomplete) => ({ root, findings, fatal, files, incomplete, includeCode });
    const decoded = fs.read(entry);
    files.push(display);
    if (!decoded.ok) {
        findings.push(...decoded.findings);
        return outcome(true, true);
    }
    const notice = (0,source/* templateNotice */.ru)(decoded.source);
    if (notice) {
        findings.push(notice);
        return outcome(true, true);
    }
    let incomplete = false;
    const cache = new Map();
    const parse = (ctx, text, entryFile) => {
        let frag = cache.get(ctx.display);
        if (!frag) {
            frag = parseFile(text, { entry: entryFile });
            cache.set(ctx.display, frag);
            for (const w of frag.warnings)
                findings.push((0,checks_findings/* finding */.gk)(ctx.display, ctx.lines.position(w.offset), 'warning', w.code, w.message));
        }
        return frag;
    };
    const entryCtx = { path: entry, display, lines: decoded.source.lines };
    const entryFrag = parse(entryCtx, decoded.source.text, true);
    const stack = [{ items: entryFrag.items, i: 0, target: root, file: entryCtx, chain: [display], fragment: entryFrag }];
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.i >= top.items.length) {
            stack.pop();
            const err = top.fragment?.error;
            if (err) {
                findings.push((0,checks_findings/* finding */.gk)(top.file.display, top.file.lines.position(err.offset), 'error', err.code, err.message));
                return outcome(true, true);
            }
            continue;
        }
        const item = top.items[top.i++];
        const { lines } = top.file;
        if (item.kind === 'param') {
            const p = {
                file: top.file.display,
                pos: lines.position(item.keyOffset),
                key: item.key,
                value: item.value,
                quote: item.quote,
                raw: item.raw,
                valuePos: lines.position(item.valueOffset),
                embedded: item.embedded,
                dynamic: item.embedded.some((e) => e.evaluated),
            };
            top.target.params.push(p);
            continue;
        }
        if (item.kind === 'element') {
            const el = {
                file: top.file.display,
                pos: lines.position(item.offset),
                name: item.name,
                arg: item.arg,
                argQuote: item.argQuote,
                argPos: lines.position(item.argOffset),
                argEmbedded: item.argEmbedded,
                params: [],
                elements: [],
                depth: top.target.depth + 1,
            };
            top.target.elements.push(el);
            stack.push({ items: item.items, i: 0, target: el, file: top.file, chain: top.chain });
            continue;
        }
        // @include
        const at = lines.position(item.offset);
        const where = top.file.display;
        if (item.embedded.length > 0)
            includeCode.push({ file: where, pos: lines.position(item.uriOffset), embedded: item.embedded });
        if (item.legacy)
            findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/deprecated-include', "'include' is deprecated: write '@include' instead"));
        if (!follow) {
            incomplete = true;
            continue;
        }
        const resolved = resolveInclude(item, top.file, fs);
        if ('finding' in resolved) {
            incomplete = true;
            findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', resolved.finding.code, resolved.finding.message));
            continue;
        }
        if (resolved.paths.length === 0) {
            incomplete = true;
            findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', 'fluentd/include-not-found', `@include ${item.uri} matches no file here, and fluentd silently ignores it; fix the path if the image does not provide it (checks that need the whole configuration were skipped)`));
            continue;
        }
        const frames = [];
        for (const path of resolved.paths) {
            const shown = fs.display(path);
            if ((0,checks_fs/* hasGlob */.bz)(item.uri) && BACKUP_NAME.test(shown.slice(shown.lastIndexOf('/') + 1))) {
                findings.push((0,checks_findings/* finding */.gk)(where, lines.position(item.uriOffset), 'warning', 'fluentd/include-backup-file', `@include ${item.uri} also reads ${shown}, which looks like a backup copy; rename or delete it, or narrow the glob`));
            }
            if (top.chain.includes(shown)) {
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'error', 'fluentd/include-cycle', `@include ${item.uri} includes ${shown}, which is already being included (${[...top.chain, shown].join(' -> ')}): fluentd recurses until it crashes; remove the cycle`));
                continue;
            }
            if (top.chain.length >= MAX_INCLUDE_DEPTH) {
                incomplete = true;
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/include-limit', `includes are nested more than ${MAX_INCLUDE_DEPTH} deep; ${shown} was not read`));
                continue;
            }
            if (files.length >= MAX_FILES) {
                incomplete = true;
                findings.push((0,checks_findings/* finding */.gk)(where, at, 'warning', 'fluentd/include-limit', `more than ${MAX_FILES} files are included; ${shown} and the rest were not read`));
                break;
            }
            const d = fs.read(path);
            if (!files.includes(shown))
                files.push(shown);
            if (!d.ok) {
                incomplete = true;
                findings.push(...d.findings);
                continue;
            }
            const tpl = (0,source/* templateNotice */.ru)(d.source);
            if (tpl) {
                incomplete = true;
                findings.push(tpl);
                continue;
            }
            const ctx = { path, display: shown, lines: d.source.lines };
            const frag = parse(ctx, d.source.text, false);
            frames.push({ items: frag.items, i: 0, target: top.target, file: ctx, chain: [...top.chain, shown], fragment: frag });
        }
        // Sorted order: the first match must be expanded first, so it goes on top of the stack.
        for (let i = frames.length - 1; i >= 0; i--)
            stack.push(frames[i]);
    }
    return outcome(false, incomplete);
}
function resolveInclude(node, from, fs) {
    if (node.embedded.some((e) => e.evaluated)) {
        return {
            finding: {
                code: 'fluentd/include-dynamic',
                message: `@include ${node.uri} is computed by embedded Ruby at start-up, so it cannot be checked here (checks that need the whole configuration were skipped)`,
            },
        };
    }
    let path = node.uri;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(path);
    if (scheme && scheme[1].length > 1) {
        if (scheme[1].toLowerCase() !== 'file') {
            return {
                finding: {
                    code: 'fluentd/include-remote',
                    message: `@include ${node.uri} is fetched over the network every time fluentd starts: the configuration is not reproducible and was not checked; copy the file into the image instead`,
                },
            };
        }
        path = path.replace(/^file:(\/\/)?/i, '');
    }
    return { paths: fs.glob(path, from.path) };
}

// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __nccwpck_require__(5111);
;// CONCATENATED MODULE: ./src/checks/fluentd/ast.ts
/** The value fluentd keeps for a key: the last one written. */
function lastParam(el, key) {
    for (let i = el.params.length - 1; i >= 0; i--) {
        const p = el.params[i];
        if (p.key === key)
            return p;
    }
    return undefined;
}
/** `@type`, or the legacy `type` fluentd still honours with a warning. */
function pluginType(el) {
    return lastParam(el, '@type') ?? lastParam(el, 'type');
}

;// CONCATENATED MODULE: ./src/checks/fluentd/report.ts
/** Where the checks collect findings; one place so every finding has the same shape. */

class Report {
    findings;
    constructor(initial = []) {
        this.findings = [...initial];
    }
    add(at, severity, code, message) {
        this.findings.push((0,checks_findings/* finding */.gk)(at.file, at.pos, severity, code, message));
    }
    error(at, code, message) {
        this.add(at, 'error', code, message);
    }
    warning(at, code, message) {
        this.add(at, 'warning', code, message);
    }
    notice(at, code, message) {
        this.add(at, 'notice', code, message);
    }
}
/** `a`, `a and b`, `a, b and c`. */
function joinWords(words) {
    if (words.length <= 1)
        return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/model.ts
/**
 * The configuration as fluentd's root agent sees it (`root_agent.rb`, `agent.rb`; CONFIG-FACTS
 * B5): top-level directives, labels, workers and `<system>`, checked for the structural errors
 * fluentd raises at start-up, and flattened into a list of routing rules for the later checks.
 */



const TOP = ['source', 'match', 'filter', 'label', 'system', 'worker'];
const BUILTIN_LABELS = new Set(['@ERROR', '@FLUENT_LOG']);
function buildModel(root, report, options) {
    const model = { root, directives: [], labels: new Map(), system: undefined, labelRefs: [] };
    for (const p of root.params) {
        report.warning(p, 'fluentd/unknown-parameter', `parameter '${p.key}' is outside any section, where fluentd ignores it; move it into the section it belongs to`);
    }
    const addDirective = (el, context, scope) => {
        const kind = el.name;
        const t = pluginType(el);
        if (!t)
            report.error(el, 'fluentd/missing-type', `Missing '@type' parameter on <${kind}> directive: add @type <plugin>`);
        const sourceLabel = kind === 'source' ? lastParam(el, '@label') : undefined;
        model.directives.push({
            el,
            kind,
            context: sourceLabel && !sourceLabel.dynamic && sourceLabel.value !== '@ROOT' ? sourceLabel.value : context,
            scope,
            type: t && !t.dynamic ? t.value : undefined,
        });
    };
    const workers = new Map();
    for (const el of root.elements) {
        switch (el.name) {
            case 'source':
            case 'match':
            case 'filter':
                addDirective(el, '', '');
                break;
            case 'system':
                model.system ??= el;
                break;
            case 'label':
                readLabel(el, model, report, addDirective);
                break;
            case 'worker':
                readWorker(el, model, report, addDirective, workers);
                break;
            default: {
                const hint = (0,suggest/* closest */.kp)(el.name, TOP);
                report.error(el, 'fluentd/unknown-directive', `<${el.name}> is not a top-level directive, so fluentd never uses it${hint ? ` (did you mean <${hint}>?)` : ''}: the top level holds only ${joinWords(TOP.map((t) => `<${t}>`))}`);
            }
        }
    }
    checkWorkerRange(model, report, workers);
    collectLabelRefs(root, model);
    checkLabelRefs(model, report, options);
    return model;
}
function readLabel(el, model, report, addDirective) {
    const name = el.arg;
    if (name === '') {
        report.error(el, 'fluentd/label-argument', 'Missing symbol argument on <label> directive: write <label @NAME>');
        return;
    }
    if (name === '@ROOT') {
        report.error(el, 'fluentd/label-argument', '@ROOT for <label> is not permitted, reserved for getting root router: choose another name');
        return;
    }
    if (model.labels.has(name)) {
        const first = model.labels.get(name);
        report.error(el, 'fluentd/duplicate-label', `Section <label ${name}> appears twice (first at ${first.file}:${first.pos.line}): merge them`);
    }
    else
        model.labels.set(name, el);
    let matches = 0;
    for (const child of el.elements) {
        if (child.name === 'match' || child.name === 'filter') {
            if (child.name === 'match')
                matches++;
            addDirective(child, name, '');
        }
        else {
            report.error(child, 'fluentd/unknown-directive', `<${child.name}> inside <label ${name}> is never used: a label holds only <filter> and <match>${child.name === 'source' ? '; put the <source> at the top level with @label ' + name : ''}`);
        }
    }
    if (matches === 0) {
        report.error(el, 'fluentd/label-without-match', `Missing <match> sections in <label ${name}> section: add a <match> so its events go somewhere`);
    }
}
function readWorker(el, model, report, addDirective, workers) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(el.arg);
    if (!m) {
        report.error(el, 'fluentd/worker-argument', el.arg === '' ? 'Missing worker id on <worker> directive: write <worker 0> or <worker 0-1>' : `<worker ${el.arg}>: the argument must be a worker id N or a range N-M`);
    }
    else {
        const first = Number(m[1]);
        const last = m[2] === undefined ? first : Number(m[2]);
        if (first > last)
            report.error(el, 'fluentd/worker-argument', `greater first_worker_id<${first}> than last_worker_id<${last}> specified by <worker> directive is not allowed`);
        for (let id = first; id <= last && id - first < 1024; id++) {
            if (workers.has(id))
                report.error(el, 'fluentd/worker-argument', `specified worker_id<${id}> collisions is detected on <worker> directive: each worker id may appear in one <worker> section only`);
            else
                workers.set(id, el);
        }
    }
    for (const child of el.elements) {
        if (child.name === 'source' || child.name === 'match' || child.name === 'filter')
            addDirective(child, '', `worker:${el.arg}`);
        else if (child.name === 'label')
            readLabel(child, model, report, (c, ctx) => addDirective(c, ctx, `worker:${el.arg}`));
        else
            report.error(child, 'fluentd/unknown-directive', `<worker> section cannot have <${child.name}> directive: it holds only <source>, <match>, <filter> and <label>`);
    }
}
function checkWorkerRange(model, report, used) {
    if (used.size === 0)
        return;
    const w = model.system ? lastParam(model.system, 'workers') : undefined;
    if (w?.dynamic)
        return;
    const count = w ? Number(w.value) : 1;
    if (!Number.isInteger(count) || count < 1)
        return;
    for (const [id, el] of used) {
        if (id > count - 1) {
            report.error(el, 'fluentd/worker-argument', `worker${id} specified by <worker> directive is not allowed. Available worker id is between 0 and ${count - 1}: raise <system> workers or fix the id`);
        }
    }
}
/** Every `@label` anywhere (sources, outputs like relabel, nested stores), walked without recursion. */
function collectLabelRefs(root, model) {
    const stack = [...root.elements];
    while (stack.length > 0) {
        const el = stack.pop();
        for (const p of el.params)
            if (p.key === '@label')
                model.labelRefs.push(p);
        for (const c of el.elements)
            stack.push(c);
    }
    model.labelRefs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.pos.line - b.pos.line || a.pos.column - b.pos.column));
}
function checkLabelRefs(model, report, options) {
    const used = new Set();
    for (const ref of model.labelRefs) {
        if (ref.dynamic)
            continue;
        used.add(ref.value);
        if (ref.value === '@ROOT' || model.labels.has(ref.value) || !options.complete)
            continue;
        const hint = (0,suggest/* closest */.kp)(ref.value, [...model.labels.keys()]);
        report.error({ file: ref.file, pos: ref.valuePos }, 'fluentd/undefined-label', `@label ${ref.value} names no <label> section, so fluentd fails at start-up ("${ref.value} label not found")${hint ? ` (did you mean ${hint}?)` : ''}; define <label ${ref.value}> or fix the name`);
    }
    if (!options.complete)
        return;
    for (const [name, el] of model.labels) {
        if (!used.has(name) && !BUILTIN_LABELS.has(name)) {
            report.warning(el, 'fluentd/unused-label', `<label ${name}> is never referenced by any @label ${name}, so no event reaches it; route a <source> or output to it, or remove it`);
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/plugin-rules.ts
/**
 * Rules that need more than one parameter at a time: the `configure`-time errors fluentd and
 * fluent-plugin-datadog raise (CONFIG-FACTS B7, C1-C5), and the traps E1.9-E1.12 list.
 */



const DATADOG_SITES = ['datadoghq.com', 'datadoghq.eu', 'us3.datadoghq.com', 'us5.datadoghq.com', 'ap1.datadoghq.com', 'ddog-gov.com'];
function getter(el) {
    return (key) => {
        const p = lastParam(el, key);
        return p && !p.dynamic ? p : undefined;
    };
}
const isTrue = (p) => p !== undefined && (p.value === 'true' || p.value === 'yes' || p.value === '');
const isFalse = (p) => p !== undefined && (p.value === 'false' || p.value === 'no');
const valueAt = (p) => ({ file: p.file, pos: p.valuePos });
function checkPluginRules(model, uses, report) {
    const rootDir = model.system ? getter(model.system)('root_dir') : undefined;
    const posFiles = new Map();
    const listeners = [];
    const scopeOf = new Map(model.directives.map((d) => [d.el, d.scope]));
    for (const use of uses) {
        const get = getter(use.el);
        if (use.kind === 'output' && use.type === 'datadog')
            datadog(get, report);
        if (use.kind === 'output' && use.type === 'forward')
            forwardOutput(use.el, get, report);
        if (use.kind === 'output' && use.type === 'copy')
            copy(use.el, report);
        if (use.kind === 'buffer')
            buffer(use, get, report, rootDir !== undefined);
        if (use.kind === 'input' && use.type === 'tail')
            tail(use.el, get, report, posFiles);
        if (use.kind === 'input' && use.type === 'forward')
            forwardInput(use.el, get, report);
        if (use.kind === 'input' && use.type !== undefined) {
            for (const l of listensOn(use, get))
                listeners.push({ ...l, use, scope: scopeOf.get(use.el) ?? '' });
        }
    }
    portConflicts(listeners, report);
}
function datadog(get, report) {
    const host = get('host');
    if (host && (host.value.includes('://') || host.value.includes('/') || /:\d+$/.test(host.value))) {
        report.error(valueAt(host), 'fluentd/datadog-host', `host must be a bare hostname: the plugin builds "<protocol>://<host>:<port>" itself, so ${JSON.stringify(host.value)} produces a broken URL; write e.g. http-intake.logs.datadoghq.com and set the port with port/ssl_port`);
    }
    const site = get('site');
    if (site && !DATADOG_SITES.includes(site.value)) {
        const hint = (0,suggest/* closest */.kp)(site.value, DATADOG_SITES);
        report.error(valueAt(site), 'fluentd/datadog-site', `site ${JSON.stringify(site.value)} is not a Datadog site${hint ? ` (did you mean "${hint}"?)` : ''}: use one of ${DATADOG_SITES.join(', ')}`);
    }
    const useHttp = get('use_http');
    const useSsl = get('use_ssl');
    const sslOn = !isFalse(useSsl);
    if (isFalse(useHttp)) {
        if (site && site.value !== 'datadoghq.com' && !host) {
            report.error(valueAt(site), 'fluentd/datadog-tcp-site', '`host` is required when `use_http false` is combined with a non-default `site`: set host to the TCP intake of that site');
        }
        // The US TCP intake listens on 10516 with SSL (DataDog/fluent-plugin-datadog#24); other sites differ.
        if (sslOn && !get('ssl_port') && (!site || site.value === 'datadoghq.com')) {
            report.warning(valueAt(useHttp), 'fluentd/datadog-ssl-port', 'use_http false sends over TCP with SSL to ssl_port, whose default 443 is not the US TCP intake port; set ssl_port 10516');
        }
    }
    const port = get('port');
    if (port && sslOn) {
        report.warning(port, 'fluentd/datadog-port-ignored', 'port is only used with use_ssl false; with SSL on (the default) the plugin connects to ssl_port, so set ssl_port instead');
    }
    const level = get('compression_level');
    if (level && /^-?\d+$/.test(level.value) && (Number(level.value) < 1 || Number(level.value) > 9)) {
        report.error(valueAt(level), 'fluentd/datadog-compression-level', `compression_level ${level.value} is outside 1-9 (gzip levels); the plugin does not check it and gzip fails at send time`);
    }
    const tags = get('dd_tags');
    if (tags && tags.value !== '' && !/^[^,\s:]+:[^,]*(,[^,\s:]+:[^,]*)*$/.test(tags.value)) {
        report.warning(valueAt(tags), 'fluentd/datadog-tags', `dd_tags ${JSON.stringify(tags.value)} is not a comma-separated list of key:value pairs (no spaces around commas), e.g. env:prod,team:sre`);
    }
    const noSsl = get('no_ssl_validation');
    if (isTrue(noSsl))
        report.warning(noSsl, 'fluentd/datadog-insecure', 'no_ssl_validation true turns off certificate checks for the connection that carries the API key; remove it');
    const v1 = get('force_v1_routes');
    if (isTrue(v1))
        report.warning(v1, 'fluentd/datadog-insecure', 'force_v1_routes true puts the API key in the URL path (/v1/input/<key>), where proxies log it; remove it to use the v2 API with a header');
}
function forwardOutput(el, get, report) {
    if (!el.elements.some((e) => e.name === 'server' || e.name === 'service_discovery')) {
        report.error(el, 'fluentd/missing-section', 'forward output plugin requires at least one <server>: add <server> host ... port ... </server>');
    }
    const hb = get('heartbeat_type');
    if (isTrue(get('dns_round_robin')) && hb?.value === 'udp') {
        report.error(valueAt(hb), 'fluentd/invalid-value', "forward output heartbeat type must be 'transport' or 'none' to use dns_round_robin option");
    }
    const ack = get('ack_response_timeout');
    if (ack && /^-?\d+(\.\d+)?$/.test(ack.value) && Number(ack.value) < 1) {
        report.error(valueAt(ack), 'fluentd/invalid-value', 'ack_response_timeout must be a positive integer');
    }
    for (const b of el.elements) {
        if (b.name !== 'buffer' || b.argEmbedded.some((e) => e.evaluated))
            continue;
        const keys = chunkKeys(b);
        if (b.arg.trim() !== '' && !keys.includes('tag')) {
            report.error({ file: b.file, pos: b.argPos }, 'fluentd/invalid-value', "buffer chunk key must include 'tag' for forward output: write <buffer tag> (or add tag to the list)");
        }
    }
}
function copy(el, report) {
    const stores = el.elements.filter((e) => e.name === 'store');
    const first = stores[0];
    if (first && /\bignore_if_prev_success\b/.test(first.arg)) {
        report.error({ file: first.file, pos: first.argPos }, 'fluentd/invalid-value', 'ignore_if_prev_success must specify 2nd or later <store> directives: the first store has no previous one');
    }
}
function chunkKeys(b) {
    return b.arg.split(',').map((k) => k.trim()).filter((k) => k !== '');
}
function buffer(use, get, report, hasRootDir) {
    const b = use.el;
    const keys = chunkKeys(b);
    const timekey = get('timekey');
    if (keys.includes('time') && !lastParam(b, 'timekey')) {
        report.error({ file: b.file, pos: b.argPos }, 'fluentd/buffer-timekey', `<buffer ${b.arg}> argument includes 'time', but timekey is not configured: add timekey (e.g. 1h)`);
    }
    const mode = get('flush_mode');
    const interval = lastParam(b, 'flush_interval');
    if (interval) {
        const timed = keys.includes('time') && timekey !== undefined;
        const effective = !mode || mode.value === 'default' ? (timed ? 'lazy' : 'interval') : mode.value;
        if (effective !== 'interval') {
            if (mode)
                report.error(interval, 'fluentd/buffer-flush-mode', `'flush_interval' can't be specified when 'flush_mode' is not 'interval' explicitly: '${effective}'; remove one of them`);
            else
                report.warning(interval, 'fluentd/buffer-flush-mode', `'flush_interval' is ignored because default 'flush_mode' is not 'interval': '${effective}' (time-keyed buffers flush by timekey); set flush_mode interval or drop flush_interval`);
        }
    }
    if ((use.type === 'file' || use.type === 'file_single') && !lastParam(b, 'path')) {
        const ownerId = use.owner ? lastParam(use.owner.el, '@id') : undefined;
        if (!(hasRootDir && ownerId)) {
            report.error(b, 'fluentd/missing-parameter', "buffer path is not configured. specify 'path' in <buffer> (or set <system> root_dir and an @id on the output)");
        }
    }
}
function tail(el, get, report, posFiles) {
    const hasParse = el.elements.some((e) => e.name === 'parse');
    const format = lastParam(el, 'format');
    if (!hasParse && !format) {
        report.error(el, 'fluentd/missing-section', '<parse> section is required.: add <parse> @type ... </parse> to this in_tail <source>');
    }
    if (!hasParse && format && !format.dynamic) {
        const t = format.value;
        const regex = t.startsWith('/') && t.endsWith('/') && t.length > 1;
        if (!regex && !isCorePlugin('parser', t)) {
            const hint = (0,suggest/* closest */.kp)(t, corePluginNames('parser'));
            if (hint)
                report.warning(valueAt(format), 'fluentd/unknown-plugin', `format ${t} is not a built-in parser (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown parser plugin '${t}'"`);
        }
    }
    const posFile = get('pos_file');
    const followInodes = get('follow_inodes');
    if (posFile) {
        const prev = posFiles.get(posFile.value);
        if (prev) {
            report.error(valueAt(posFile), 'fluentd/tail-pos-file', `Other 'in_tail' plugin already use same pos_file path (${prev.file}:${prev.pos.line}): give each in_tail source its own pos_file`);
        }
        else
            posFiles.set(posFile.value, posFile);
    }
    else if (!lastParam(el, 'pos_file')) {
        if (isTrue(followInodes))
            report.error(followInodes, 'fluentd/tail-pos-file', "Can't follow inodes without pos_file configuration parameter: add pos_file");
        else
            report.warning(el, 'fluentd/tail-pos-file', "'pos_file PATH' parameter is not set to a 'tail' source: without it a restart re-reads or skips lines; add pos_file (on a volume that survives the task)");
    }
    const watch = get('enable_watch_timer');
    const stat = get('enable_stat_watcher');
    if (isFalse(watch) && isFalse(stat))
        report.error(watch, 'fluentd/invalid-value', 'either of enable_watch_timer or enable_stat_watcher must be true');
    const from = get('from_encoding');
    if (from && !lastParam(el, 'encoding'))
        report.error(from, 'fluentd/invalid-value', "tail: 'from_encoding' parameter must be specified with 'encoding' parameter");
    const path = get('path');
    const delimiter = get('path_delimiter');
    const delim = delimiter ? delimiter.value : ',';
    if (delimiter && ['/', '*', '%'].includes(delimiter.value))
        report.error(valueAt(delimiter), 'fluentd/invalid-value', `path_delimiter must not be ${delimiter.value}: it is part of paths and globs`);
    if (path && delim !== '' && path.value.split(delim).every((p) => p.trim() === '')) {
        report.error(valueAt(path), 'fluentd/missing-parameter', "tail: 'path' parameter is required on tail input: it lists no path");
    }
    const policy = get('glob_policy');
    if (policy?.value === 'always' && delim === ',')
        report.error(valueAt(policy), 'fluentd/invalid-value', 'glob_policy always cannot be used with the default path_delimiter ",": {a,b} globs would be split; set another path_delimiter');
    if (policy?.value === 'extended' && path && /\{[^}]*,[^}]*\}/.test(path.value))
        report.error(valueAt(path), 'fluentd/invalid-value', 'glob_policy extended does not allow {a,b} in path: use glob_policy always with another path_delimiter');
}
function forwardInput(el, get, report) {
    const deny = get('deny_keepalive');
    if (isTrue(deny) && isTrue(get('send_keepalive_packet'))) {
        report.error(deny, 'fluentd/invalid-value', 'deny_keepalive true cannot be combined with send_keepalive_packet true: drop one');
    }
    for (const key of ['tag', 'add_tag_prefix']) {
        const p = get(key);
        if (p && p.value === '')
            report.error(p, 'fluentd/invalid-value', `${key} must not be empty: give it a value or remove it`);
    }
    const resolve = get('resolve_hostname');
    if (get('source_hostname_key') && isFalse(resolve)) {
        report.error(valueAt(resolve), 'fluentd/invalid-value', 'resolve_hostname must be true with source_hostname_key');
    }
    for (const sec of el.elements.filter((e) => e.name === 'security')) {
        const sget = getter(sec);
        if (isTrue(sget('user_auth')) && !sec.elements.some((e) => e.name === 'user')) {
            report.error(sec, 'fluentd/missing-section', '<user> sections required if user_auth enabled: add <user> username ... password ... </user>');
        }
        if (isFalse(sget('allow_anonymous_source')) && !sec.elements.some((e) => e.name === 'client')) {
            report.error(sec, 'fluentd/missing-section', '<client> sections required if allow_anonymous_source disabled: add <client> host ... </client>');
        }
        for (const client of sec.elements.filter((e) => e.name === 'client')) {
            const h = lastParam(client, 'host');
            const n = lastParam(client, 'network');
            if (!h && !n)
                report.error(client, 'fluentd/missing-parameter', "Either of 'host' and 'network' must be specified for client");
            if (h && n)
                report.error(client, 'fluentd/invalid-value', "both of 'host' and 'network' are specified for client: keep one");
        }
    }
}
const DEFAULT_PORTS = {
    // in_forward listens on TCP and on UDP (heartbeats) at the same port.
    forward: [['tcp', 24224], ['udp', 24224]],
    http: [['tcp', 9880]],
    tcp: [['tcp', 5170]],
    udp: [['udp', 5160]],
    syslog: [['udp', 5140]],
    monitor_agent: [['tcp', 24220]],
    debug_agent: [['tcp', 24230]],
};
function listensOn(use, get) {
    const defaults = DEFAULT_PORTS[use.type];
    if (!defaults)
        return [];
    const portParam = lastParam(use.el, 'port');
    if (portParam?.dynamic)
        return [];
    const port = portParam ? Number(portParam.value) : undefined;
    const bindParam = lastParam(use.el, 'bind');
    if (bindParam?.dynamic)
        return [];
    const bind = bindParam ? bindParam.value : '0.0.0.0';
    let protos = defaults;
    if (use.type === 'syslog') {
        const proto = get('protocol_type');
        const transport = use.el.elements.find((e) => e.name === 'transport');
        if (proto?.value === 'tcp' || (transport && transport.arg !== 'udp'))
            protos = [['tcp', 5140]];
    }
    return protos.map(([proto, def]) => ({ proto, bind, port: port !== undefined && Number.isInteger(port) ? port : def, at: portParam ?? use.el }));
}
function portConflicts(listeners, report) {
    const wildcard = (b) => b === '0.0.0.0' || b === '::' || b === '*' || b === '';
    const reported = new Set();
    for (let i = 0; i < listeners.length; i++) {
        const a = listeners[i];
        for (let j = 0; j < i; j++) {
            const b = listeners[j];
            if (a.use === b.use || a.scope !== b.scope || a.proto !== b.proto || a.port !== b.port)
                continue;
            if (!(a.bind === b.bind || wildcard(a.bind) || wildcard(b.bind)))
                continue;
            if (reported.has(a.use.el))
                continue;
            reported.add(a.use.el);
            const at = 'valuePos' in a.at ? { file: a.at.file, pos: a.at.valuePos } : a.at;
            report.error(at, 'fluentd/port-conflict', `this <source> (@type ${a.use.type}) and the one at ${b.use.el.file}:${b.use.el.pos.line} (@type ${b.use.type}) both listen on ${a.proto.toUpperCase()} ${a.bind}:${a.port}; the second fails to bind at start-up (--dry-run does not bind, so it misses this); use another port`);
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/schema/system.ts
/** `<system>` (CONFIG-FACTS B5; fluentd v1.19 `lib/fluent/system_config.rb`). */


const SYSTEM = {
    params: {
        workers: spec_int,
        restart_worker_interval: time,
        root_dir: str,
        log_level: oneOf(...LOG_LEVELS),
        suppress_repeated_stacktrace: bool,
        emit_error_log_interval: time,
        suppress_config_dump: bool,
        log_event_verbose: bool,
        ignore_repeated_log_interval: time,
        ignore_same_log_interval: time,
        without_source: bool,
        with_source_only: bool,
        rpc_endpoint: str,
        enable_get_dump: bool,
        process_name: str,
        file_permission: str,
        dir_permission: str,
        counter_server: str,
        counter_client: str,
        strict_config_value: bool,
        enable_msgpack_time_support: bool,
        disable_shared_socket: bool,
        enable_input_metrics: bool,
        enable_size_metrics: bool,
        enable_jit: bool,
        config_include_dir: str,
        umask: str,
    },
    sections: {
        log: {
            spec: {
                params: { path: str, format: oneOf('text', 'json'), time_format: str, rotate_age: str, rotate_size: size, forced_stacktrace_level: oneOf(...LOG_LEVELS) },
            },
        },
        counter_server: { spec: { params: {}, open: true } },
        counter_client: { spec: { params: {}, open: true } },
        metrics: { spec: { params: {}, open: true } },
        source_only_buffer: { spec: { params: {}, open: true } },
    },
};

;// CONCATENATED MODULE: ./src/checks/fluentd/values.ts
const INT = /^[-+]?\d+(?:_\d+)*$/;
const FLOAT = /^[-+]?(?:\d+(?:_\d+)*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Ruby `String#to_i`: leading blanks, a sign, digits (with `_`), then anything is ignored. */
function rubyToI(s) {
    const m = /^\s*([-+]?)(\d+(?:_\d+)*)/.exec(s);
    if (!m)
        return 0;
    const n = Number(m[2].replace(/_/g, ''));
    return m[1] === '-' ? -n : n;
}
/** Ruby `String#to_f`, as far as config values go. */
function rubyToF(s) {
    const m = /^\s*([-+]?(?:\d+(?:_\d+)*)?(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(s);
    const t = m ? m[1].replace(/_/g, '') : '';
    const n = Number(t);
    return t === '' || Number.isNaN(n) ? 0 : n;
}
/** `Config.size_value`: the first `<digits>k|m|g|t` anywhere (case-insensitive), else an integer. */
function rubySize(s) {
    const units = [
        [/(\d+)k/i, 1024],
        [/(\d+)m/i, 1024 ** 2],
        [/(\d+)g/i, 1024 ** 3],
        [/(\d+)t/i, 1024 ** 4],
    ];
    for (const [re, mul] of units) {
        const m = re.exec(s);
        if (m)
            return Number(m[1]) * mul;
    }
    return rubyToI(s);
}
/** `Config.time_value`: the first `<digits>s|m|h|d` anywhere (case-sensitive), else a float. */
function rubyTime(s) {
    const units = [
        [/(\d+)s/, 1],
        [/(\d+)m/, 60],
        [/(\d+)h/, 3600],
        [/(\d+)d/, 86400],
    ];
    for (const [re, mul] of units) {
        const m = re.exec(s);
        if (m)
            return Number(m[1]) * mul;
    }
    return rubyToF(s);
}
const SIZE_NAMES = ['', ' KiB', ' MiB', ' GiB', ' TiB'];
function showSize(n) {
    let i = 0;
    let v = n;
    while (i < 4 && v >= 1024 && v % 1024 === 0) {
        v /= 1024;
        i++;
    }
    return i === 0 ? `${n} bytes` : `${v}${SIZE_NAMES[i]}`;
}
const TIME_WORDS = {
    sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60,
    hr: 3600, hrs: 3600, hour: 3600, hours: 3600, day: 86400, days: 86400,
};
const TIME_UNITS = { s: 1, m: 60, h: 3600, d: 86400 };
function err(message) {
    return { severity: 'error', code: 'fluentd/invalid-value', message };
}
function loose(message) {
    return { severity: 'warning', code: 'fluentd/loose-value', message };
}
/** Check one value against its type; undefined when fluentd reads it as written. */
function checkValue(type, input) {
    const { name, value: v, quote } = input;
    const shown = quote === 'empty' ? 'an empty value' : JSON.stringify(v);
    switch (type) {
        case 'string':
        case 'regexp':
            return undefined;
        case 'bool': {
            if (v === 'true' || v === 'yes' || v === 'false' || v === 'no' || v === '')
                return undefined;
            if (v.startsWith('#'))
                return loose(`${name}: ${shown} starts with #, which fluentd reads as true; write true or false`);
            return err(`${name}: ${shown} is not a bool: fluentd accepts only true, false, yes or no (True and 1 are invalid) and reads anything else as nil, which fails at start-up or silently means false`);
        }
        case 'integer': {
            if (INT.test(v))
                return undefined;
            return err(`${name}: ${shown} is not an integer: fluentd reads it as ${rubyToI(v)}; write digits only`);
        }
        case 'float': {
            if (FLOAT.test(v))
                return undefined;
            return err(`${name}: ${shown} is not a number: fluentd reads it as ${rubyToF(v)}`);
        }
        case 'size': {
            if (/^\d+[kmgt]?$/i.test(v) || INT.test(v))
                return undefined;
            const read = rubySize(v);
            const m = /^(\d+)\s*([kmgt])i?b$/i.exec(v);
            if (m) {
                const unit = m[2].toLowerCase();
                const meant = Number(m[1]) * 1024 ** ('kmgt'.indexOf(unit) + 1);
                const fix = `write ${m[1]}${unit} (sizes are <number>k|m|g|t, powers of 1024)`;
                // `8MB` happens to read as 8 MiB (types.rb finds `8m`); `10 MB` reads as 10 bytes.
                if (read === meant)
                    return loose(`${name}: ${shown} is read as ${showSize(read)}; ${fix}`);
                return err(`${name}: ${shown} is read as ${showSize(read)}, not ${showSize(meant)}; ${fix}`);
            }
            return err(`${name}: ${shown} is not a size: fluentd reads it as ${showSize(read)}; write <number> or <number>k|m|g|t`);
        }
        case 'time': {
            if (/^-?\d+(\.\d+)?$/.test(v) || /^\d+[smhd]$/.test(v))
                return undefined;
            const read = rubyTime(v);
            const word = /^(\d+)\s*([a-z]+)$/i.exec(v);
            if (word) {
                const mul = TIME_WORDS[word[2].toLowerCase()];
                if (mul !== undefined && Number(word[1]) * mul === read) {
                    return loose(`${name}: ${shown} happens to read as ${read} seconds; write it as <number>s|m|h|d, e.g. ${word[1]}${word[2][0]?.toLowerCase()}`);
                }
            }
            const frac = /^(\d+\.\d+)([smhd])$/.exec(v);
            if (frac) {
                const intended = Number(frac[1]) * TIME_UNITS[frac[2]];
                return err(`${name}: ${shown} is read as ${read} seconds (fluentd takes the digits right before the unit), not ${intended}; write ${intended}`);
            }
            return err(`${name}: ${shown} is not a duration: fluentd reads it as ${read} seconds; write <number>s|m|h|d or seconds`);
        }
        case 'enum': {
            const list = input.list ?? [];
            if (list.includes(v))
                return undefined;
            return err(`${name}: valid options are ${list.join(',')} but got ${quote === 'empty' ? '""' : v}`);
        }
        case 'array': {
            if (quote === 'json' && !v.startsWith('['))
                return err(`${name}: array required but got a JSON hash; write [..] or a,b,c`);
            return undefined;
        }
        case 'hash': {
            if (quote === 'json')
                return v.startsWith('{') ? undefined : err(`${name}: hash required but got a JSON array; write {"k":"v"} or k1:v1,k2:v2`);
            if (v.trim() === '')
                return undefined;
            const bad = v.trim().split(/\s*,\s*/).find((pair) => !pair.includes(':'));
            if (bad !== undefined)
                return err(`${name}: hash required but ${JSON.stringify(bad)} has no ':'; write k1:v1,k2:v2 or a JSON object`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/plugins.ts
/**
 * Known plugins' parameters and sections against their schemas (CONFIG-FACTS E1.3-E1.6): unknown
 * names are warnings with a did-you-mean (fluentd only logs "not used"), values fluentd rejects or
 * silently changes are errors, as are missing required parameters and sections. Third-party
 * plugins without a schema are left alone (the gem check covers whether they exist at all).
 */







const LEGACY = new Set(['type', 'id', 'log_level']);
const DIRECTIVE_KIND = { source: 'input', match: 'output', filter: 'filter' };
/** Parameter names that are near misses of a real one but too far apart for edit distance. */
const HINTS = {
    dd_service: 'service',
    ddsource: 'dd_source',
    ddtags: 'dd_tags',
    apikey: 'api_key',
    hostname: 'dd_hostname',
};
function checkPlugins(model, report) {
    const uses = [];
    for (const d of model.directives) {
        const kind = DIRECTIVE_KIND[d.kind];
        const use = pluginUse(d.el, kind, undefined);
        uses.push(use);
        checkPlugin(use, report, uses);
    }
    if (model.system)
        checkSection(model.system, SYSTEM, { report, uses, where: '<system>', plugin: undefined, isPlugin: false });
    return uses;
}
function pluginUse(el, kind, owner, fallbackType) {
    const t = pluginType(el);
    const type = t ? (t.dynamic ? undefined : t.value) : fallbackType;
    const spec = type !== undefined ? lookupPlugin(kind, type)?.spec : undefined;
    return owner ? { el, kind, type, typeParam: t, spec, owner } : { el, kind, type, typeParam: t, spec };
}
function describe(use) {
    const el = use.el;
    const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
    return use.type ? `${tag} (@type ${use.type})` : tag;
}
function checkPlugin(use, report, uses) {
    if (use.type === undefined || !use.spec) {
        if (use.type !== undefined && !isCorePlugin(use.kind, use.type))
            typoOfCore(use, report);
        return;
    }
    checkSection(use.el, use.spec, { report, uses, where: describe(use), plugin: use, isPlugin: true });
}
/** `@type stdot`: a near miss of a built-in type is almost surely a typo (fluentd: Unknown plugin). */
function typoOfCore(use, report) {
    if (!use.typeParam || use.type === undefined)
        return;
    const hint = (0,suggest/* closest */.kp)(use.type, corePluginNames(use.kind));
    if (hint) {
        report.warning({ file: use.typeParam.file, pos: use.typeParam.valuePos }, 'fluentd/unknown-plugin', `@type ${use.type} is not a built-in ${use.kind} plugin (did you mean "${hint}"?); unless a gem provides it, fluentd fails with "Unknown ${use.kind} plugin '${use.type}'"`);
    }
}
/**
 * Schemas nest a few levels, but `<store>` of `@type copy` may hold another copy: past this depth
 * the rest is not checked, so adversarial nesting costs neither stack nor time.
 */
const MAX_PLUGIN_DEPTH = 32;
const BUFFER_SPECS = new Map();
/** `<buffer>`: output.rb/buffer.rb parameters plus the chosen buffer type's own (open when unknown). */
function bufferSpec(type, specific) {
    let spec = BUFFER_SPECS.get(type);
    if (!spec)
        BUFFER_SPECS.set(type, (spec = { params: { ...BUFFER_PARAMS, ...(specific?.params ?? {}) }, open: !specific }));
    return spec;
}
const REQUIRED = new WeakMap();
function requiredOf(spec) {
    let r = REQUIRED.get(spec);
    if (!r)
        REQUIRED.set(spec, (r = Object.entries(spec.params).filter(([n, p]) => p.required && n !== '@type').map(([n]) => n)));
    return r;
}
function checkSection(el, spec, ctx) {
    const { report } = ctx;
    if (el.depth > MAX_PLUGIN_DEPTH) {
        report.warning(el, 'fluentd/too-deep', `sections are nested more than ${MAX_PLUGIN_DEPTH} levels deep here; this one and those inside it were not checked`);
        return;
    }
    // `Element#[]` falls back from @type/@id/@log_level to the legacy name in every section (element.rb).
    const known = (key) => spec.params[key] ?? (ctx.isPlugin || LEGACY.has(key) ? PLUGIN_COMMON[key] : undefined);
    const seen = new Set();
    for (const p of el.params) {
        seen.add(p.key);
        const ps = known(p.key);
        if (!ps) {
            if (spec.open || spec.compat?.includes(p.key) || p.key.startsWith('@'))
                continue;
            const candidates = [...Object.keys(spec.params), ...(ctx.isPlugin ? Object.keys(PLUGIN_COMMON).filter((k) => k.startsWith('@')) : [])];
            const alias = HINTS[p.key];
            const hint = (0,suggest/* closest */.kp)(p.key, candidates) ?? (alias !== undefined && candidates.includes(alias) ? alias : undefined);
            report.warning(p, 'fluentd/unknown-parameter', `parameter '${p.key}' in ${ctx.where} is not used by fluentd${hint ? ` (did you mean "${hint}"?)` : ''}; remove it or fix the name`);
            continue;
        }
        if (ps.obsoleted) {
            report.error(p, 'fluentd/removed-parameter', `'${p.key}' parameter is already removed: ${ps.obsoleted}`);
            continue;
        }
        if (ps.deprecated)
            report.warning(p, 'fluentd/deprecated-parameter', ps.deprecated.startsWith("'") ? ps.deprecated : `'${p.key}' is deprecated: ${ps.deprecated}`);
        if (p.dynamic)
            continue;
        const problem = checkValue(ps.type, { name: p.key, value: p.value, quote: p.quote, list: ps.list });
        if (problem)
            report.add({ file: p.file, pos: p.valuePos }, problem.severity, problem.code, ps.secret ? redact(problem.message, p.value) : problem.message);
    }
    for (const name of requiredOf(spec)) {
        if (!seen.has(name)) {
            const inSection = ctx.isPlugin ? '' : `, in section ${el.name}`;
            report.error(el, 'fluentd/missing-parameter', `'${name}' parameter is required${inSection}: add ${name} to ${ctx.isPlugin ? ctx.where : `<${el.name}>`}`);
        }
    }
    const byName = new Map();
    for (const child of el.elements) {
        const list = byName.get(child.name);
        if (list)
            list.push(child);
        else
            byName.set(child.name, [child]);
    }
    for (const [name, children] of byName) {
        const ref = spec.sections?.[name];
        if (!ref) {
            if (spec.open)
                continue;
            const hint = (0,suggest/* closest */.kp)(name, Object.keys(spec.sections ?? {}));
            for (const child of children) {
                report.warning(child, 'fluentd/unknown-section', `section <${name}> is not used in ${ctx.where}${hint ? ` (did you mean <${hint}>?)` : ''}; fluentd ignores it`);
            }
            continue;
        }
        if (!ref.multi && children.length > 1) {
            report.error(children[1], 'fluentd/duplicate-section', `'<${name}>' section cannot be written twice or more in ${ctx.where}: merge them`);
        }
        for (const child of children) {
            if (isPluggable(ref))
                checkPluggable(child, ref, ctx);
            else
                checkSection(child, ref.spec, { ...ctx, where: `<${name}> of ${ctx.where}`, isPlugin: false });
        }
    }
    for (const [name, ref] of Object.entries(spec.sections ?? {})) {
        if (ref.required && !byName.has(name)) {
            report.error(el, 'fluentd/missing-section', `'<${name}>' sections are required in ${ctx.where}: add at least one <${name}>`);
        }
    }
}
function checkPluggable(child, ref, ctx) {
    const { report } = ctx;
    const owner = ctx.plugin;
    const typeParam = pluginType(child);
    const where = `<${child.name}> of ${ctx.where}`;
    switch (ref.plug) {
        case 'output': {
            if (!typeParam) {
                report.error(child, 'fluentd/missing-type', `Missing '@type' parameter in <${child.name}> section of ${ctx.where}: add @type <plugin>`);
                return;
            }
            const use = pluginUse(child, 'output', owner);
            ctx.uses.push(use);
            checkPlugin(use, report, ctx.uses);
            return;
        }
        case 'secondary': {
            const use = pluginUse(child, 'output', owner, owner?.type);
            ctx.uses.push(use);
            for (const inner of child.elements) {
                if (inner.name === 'buffer' || inner.name === 'secondary') {
                    report.error(inner, 'fluentd/unknown-section', `<secondary> section cannot have <${inner.name}> section: the secondary uses the primary's buffer`);
                }
            }
            if (use.type === undefined || !use.spec)
                return;
            const spec = { ...use.spec, sections: Object.fromEntries(Object.entries(use.spec.sections ?? {}).filter(([k]) => k !== 'buffer' && k !== 'secondary')) };
            const clean = { ...child, elements: child.elements.filter((e) => e.name !== 'buffer' && e.name !== 'secondary') };
            checkSection(clean, spec, { ...ctx, where: `<secondary> (@type ${use.type}) of ${ctx.where}`, plugin: use, isPlugin: true });
            return;
        }
        case 'buffer': {
            const type = typeParam && !typeParam.dynamic ? typeParam.value : 'memory';
            const specific = lookupPlugin('buffer', type)?.spec;
            const use = { el: child, kind: 'buffer', type, typeParam, spec: specific };
            if (owner)
                use.owner = owner;
            ctx.uses.push(use);
            if (typeParam && !typeParam.dynamic && !specific && !isCorePlugin('buffer', type))
                typoOfCore(use, report);
            checkSection(child, bufferSpec(type, specific), { ...ctx, where, isPlugin: false });
            return;
        }
        case 'parser':
        case 'formatter': {
            const kind = ref.plug;
            if (!typeParam && ref.requireType) {
                report.error(child, 'fluentd/missing-type', `@type is required in <${child.name}> of ${ctx.where}: add e.g. @type json`);
                return;
            }
            const type = typeParam ? (typeParam.dynamic ? undefined : typeParam.value) : ref.defaultType;
            if (type === undefined)
                return;
            const spec = lookupPlugin(kind, type)?.spec;
            const use = { el: child, kind, type, typeParam, spec };
            if (owner)
                use.owner = owner;
            ctx.uses.push(use);
            if (!spec) {
                if (typeParam && !isCorePlugin(kind, type))
                    typoOfCore(use, report);
                return;
            }
            checkSection(child, spec, { ...ctx, where: `<${child.name}> (@type ${type}) of ${ctx.where}`, isPlugin: false });
            return;
        }
    }
}
function redact(message, value) {
    return value.length > 0 ? message.split(JSON.stringify(value)).join('(the value)').split(value).join('(the value)') : message;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/tag-pattern.ts
/**
 * `<match>`/`<filter>` patterns compiled exactly as `lib/fluent/match.rb` `GlobMatchPattern` does
 * (CONFIG-FACTS B6), but into a small automaton instead of a Ruby regex, so that "does every tag
 * this pattern matches also match those earlier ones" can be decided exactly (automaton.ts).
 *
 * The Ruby compiler emits, per character: `\c` -> literal c; `.` -> a deferred `\.`; `*` ->
 * `[^.]*`; `**` -> `.*`, preceded by `(?![^.])` when it follows a `.` and turned into
 * `(?:.*\.|\A)` when a `.` follows it; `{a,b}` -> alternation; `[a-zA-Z0-9_]` literal, anything
 * else escaped. A trailing `.` is dropped (the deferred dot is never written).
 */
/** Split on whitespace as `EventRouter::Rule` does (`pattern.split(/\s+/)`); an empty argument is `**`. */
function splitPattern(arg) {
    if (arg === '')
        return ['**'];
    const parts = arg.split(/\s+/);
    // Ruby's split drops trailing empty strings but keeps a leading one.
    while (parts.length > 1 && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
/** Beyond these, a pattern is treated like a /regex/: used for nothing that would claim shadowing. */
const MAX_BRACE_DEPTH = 32;
const MAX_PATTERN_LENGTH = 4096;
function compileAlternative(text) {
    if (text.startsWith('/')) {
        if (text.length < 2 || !text.endsWith('/'))
            return { kind: 'invalid', text };
        return { kind: 'regex', text, re: rubyRegex(text.slice(1, -1)) };
    }
    // Braces nest; building an automaton for thousands of levels is pointless and would recurse deeply.
    let depth = 0;
    let max = 0;
    for (const c of text) {
        if (c === '{')
            max = Math.max(max, ++depth);
        else if (c === '}' && depth > 0)
            depth--;
    }
    if (max > MAX_BRACE_DEPTH || text.length > MAX_PATTERN_LENGTH)
        return { kind: 'regex', text, re: undefined };
    const seq = compileGlob(text);
    return { kind: 'glob', text, seq, literal: literalOf(seq), parts: partsOf(text), prefix: fixedPrefix(seq) };
}
function partsOf(text) {
    // Braces, escapes and a trailing dot (dropped by the compiler) make the text unreliable.
    if (/[{}\\,]/.test(text) || text.endsWith('.') || text === '')
        return undefined;
    const all = text.split('.');
    const part = (p) => (p.includes('*') ? null : p);
    const first = all.findIndex((p) => p.includes('**'));
    if (first === -1) {
        const fixed = all.map(part);
        return { head: fixed, tail: [...fixed].reverse(), count: all.length };
    }
    let last = all.length - 1;
    while (!all[last].includes('**'))
        last--;
    return { head: all.slice(0, first).map(part), tail: all.slice(last + 1).map(part).reverse(), count: undefined };
}
/** Parts of a concrete tag. */
function tagParts(tag) {
    const all = tag.split('.');
    return { head: all, tail: [...all].reverse(), count: all.length };
}
/** True when the fixed parts prove that no tag matches both. */
function disjointParts(a, b) {
    if (!a || !b)
        return false;
    if (a.count !== undefined && b.count !== undefined && a.count !== b.count)
        return true;
    const differ = (x, y) => {
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
            const p = x[i];
            const q = y[i];
            if (p !== null && q !== null && p !== undefined && q !== undefined && p !== q)
                return true;
        }
        return false;
    };
    return differ(a.head, b.head) || differ(a.tail, b.tail);
}
function compileGlob(pat) {
    const stack = [];
    const regex = [[]];
    const last = () => regex[regex.length - 1];
    let escape = false;
    let dot = false;
    let i = 0;
    while (i < pat.length) {
        const c = pat[i];
        if (escape) {
            last().push({ k: 'char', c });
            escape = false;
            i++;
            continue;
        }
        if (pat.startsWith('**', i)) {
            if (dot) {
                last().push({ k: 'peek' });
                dot = false;
            }
            if (pat[i + 2] === '.') {
                last().push({ k: 'dotpart' });
                i += 3;
            }
            else {
                last().push({ k: 'any' });
                i += 2;
            }
            continue;
        }
        if (dot) {
            last().push({ k: 'char', c: '.' });
            dot = false;
        }
        if (c === '\\')
            escape = true;
        else if (c === '.')
            dot = true;
        else if (c === '*')
            last().push({ k: 'nondot' });
        else if (c === '{') {
            stack.push([]);
            regex.push([]);
        }
        else if (c === '}' && stack.length > 0) {
            const group = stack.pop();
            group.push(regex.pop());
            last().push({ k: 'alt', alts: group });
        }
        else if (c === ',' && stack.length > 0) {
            stack[stack.length - 1].push(regex.pop());
            regex.push([]);
        }
        else
            last().push({ k: 'char', c });
        i++;
    }
    while (stack.length > 0) {
        const group = stack.pop();
        group.push(regex.pop());
        last().push({ k: 'alt', alts: group });
    }
    return regex[0];
}
/** The exact tag when the pattern has no wildcard at all. */
function literalOf(seq) {
    let s = '';
    for (const a of seq) {
        if (a.k !== 'char')
            return undefined;
        s += a.c;
    }
    return s;
}
/** The fixed characters a glob starts with: two patterns can only overlap if one prefix extends the other. */
function fixedPrefix(seq) {
    let s = '';
    for (const a of seq) {
        if (a.k !== 'char')
            break;
        s += a.c;
    }
    return s;
}
/** Ruby `\A...\Z` around a `/regex/` alternative, approximated in JS; undefined when JS cannot read it. */
function rubyRegex(body) {
    try {
        const js = body.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$').replace(/\(\?<([a-zA-Z_]\w*)>/g, '(?<$1>');
        return new RegExp(`^(?:${js})$`, 'u');
    }
    catch {
        return undefined;
    }
}
/* ------------------------------------------------------------------------------------------ */
/* Thompson NFA with the two zero-width conditions the Ruby regexes use.                      */
const ANY = -1; // any character
const NONDOT = -2; // any character except '.'
const EPS = 0;
const PEEK = 1;
const AT_START = 2;
class NfaBuilder {
    edges = [];
    eps = [];
    chars = new Set();
    state() {
        this.edges.push([]);
        this.eps.push([]);
        return this.edges.length - 1;
    }
    edge(from, sym, to) {
        this.edges[from].push([sym, to]);
        if (sym >= 0)
            this.chars.add(sym);
    }
    epsilon(from, to, cond = EPS) {
        this.eps[from].push([cond, to]);
    }
    /** Append `seq` after state `from`; returns the state reached at its end. Iterative over a work list. */
    seq(seq, from) {
        let cur = from;
        for (const a of seq)
            cur = this.atom(a, cur);
        return cur;
    }
    atom(a, from) {
        switch (a.k) {
            case 'char': {
                const to = this.state();
                this.edge(from, a.c.charCodeAt(0), to);
                // Characters outside the BMP are two code units in JS; keep the second one too.
                if (a.c.length > 1) {
                    const to2 = this.state();
                    this.edge(to, a.c.charCodeAt(1), to2);
                    return to2;
                }
                return to;
            }
            case 'nondot':
            case 'any': {
                const loop = this.state();
                this.epsilon(from, loop);
                this.edge(loop, a.k === 'any' ? ANY : NONDOT, loop);
                return loop;
            }
            case 'peek': {
                const to = this.state();
                this.epsilon(from, to, PEEK);
                return to;
            }
            case 'dotpart': {
                const to = this.state();
                const loop = this.state();
                this.epsilon(from, loop);
                this.edge(loop, ANY, loop);
                this.edge(loop, 0x2e, to);
                this.epsilon(from, to, AT_START);
                return to;
            }
            case 'alt': {
                const to = this.state();
                for (const alt of a.alts) {
                    const s = this.state();
                    this.epsilon(from, s);
                    this.epsilon(this.seq(alt, s), to);
                }
                return to;
            }
        }
    }
    build(start, accept) {
        return { edges: this.edges, eps: this.eps, start, accept, chars: this.chars };
    }
}
function globNfa(seq) {
    const b = new NfaBuilder();
    const start = b.state();
    return b.build(start, b.seq(seq, start));
}
function piecesNfa(pieces) {
    const seq = [];
    for (const p of pieces) {
        if ('lit' in p)
            for (const c of p.lit)
                seq.push({ k: 'char', c });
        else
            seq.push('any' in p ? { k: 'any' } : { k: 'nondot' });
    }
    return globNfa(seq);
}

;// CONCATENATED MODULE: ./src/checks/fluentd/automaton.ts
/**
 * Deciding questions about tag patterns exactly: does a tag match, is every tag of A also matched
 * by B (a match fully shadowed by earlier ones), do A and B share any tag (a source some match
 * catches). Subset construction runs lazily over the characters that actually occur in the
 * patterns plus '.' and one stand-in for "any other character", which is exact because every
 * wildcard treats all unlisted characters alike. A state budget keeps it bounded; when it runs out
 * the answer is "unknown" and callers claim nothing.
 */

const END = -3;
const OTHER = -4;
const DOT = 0x2e;
class Runner {
    nfa;
    marks;
    gen = 0;
    constructor(nfa) {
        this.nfa = nfa;
        this.marks = new Int32Array(nfa.edges.length);
    }
    /** States reachable by epsilon moves, given whether we are at the tag start and what comes next. */
    closure(states, atStart, next) {
        this.gen++;
        const out = [];
        const stack = [...states];
        while (stack.length > 0) {
            const s = stack.pop();
            if (this.marks[s] === this.gen)
                continue;
            this.marks[s] = this.gen;
            out.push(s);
            for (const [cond, t] of this.nfa.eps[s]) {
                if (cond === EPS || (cond === PEEK && (next === END || next === DOT)) || (cond === AT_START && atStart))
                    stack.push(t);
            }
        }
        return out;
    }
    step(states, sym) {
        this.gen++;
        const out = [];
        for (const s of states) {
            for (const [e, t] of this.nfa.edges[s]) {
                const hit = e === sym || e === ANY || (e === NONDOT && sym !== DOT);
                if (hit && this.marks[t] !== this.gen) {
                    this.marks[t] = this.gen;
                    out.push(t);
                }
            }
        }
        return out.sort((a, b) => a - b);
    }
    accepts(states, atStart) {
        return this.closure(states, atStart, END).includes(this.nfa.accept);
    }
}
/** Does `nfa` match the whole `tag`? */
function matches(nfa, tag) {
    const r = new Runner(nfa);
    let cur = [nfa.start];
    for (let i = 0; i < tag.length; i++) {
        const c = tag.charCodeAt(i);
        cur = r.step(r.closure(cur, i === 0, c), c);
        if (cur.length === 0)
            return false;
    }
    return r.accepts(cur, tag.length === 0);
}
/** One NFA accepting the union of several. */
function union(nfas) {
    const edges = [[]];
    const eps = [[]];
    const chars = new Set();
    const accept = 1;
    edges.push([]);
    eps.push([]);
    for (const n of nfas) {
        const base = edges.length;
        for (let s = 0; s < n.edges.length; s++) {
            edges.push(n.edges[s].map(([e, t]) => [e, t + base]));
            eps.push(n.eps[s].map(([c, t]) => [c, t + base]));
        }
        eps[0].push([EPS, n.start + base]);
        eps[n.accept + base].push([EPS, accept]);
        for (const c of n.chars)
            chars.add(c);
    }
    return { edges, eps, start: 0, accept, chars };
}
/**
 * How many product states one question, and one whole analysis, may explore. Realistic patterns
 * need a few dozen per question; past the budget answers are "unknown" and nothing is claimed.
 */
class Budget {
    left;
    constructor(left = 1_000_000) {
        this.left = left;
    }
}
const PER_QUESTION = 20_000;
function explore(a, b, stopWhen, budget, needB) {
    const limit = Math.min(PER_QUESTION, budget.left);
    const ra = new Runner(a);
    const rb = new Runner(b);
    const alphabet = [...new Set([...a.chars, ...b.chars, DOT])].concat(OTHER);
    const seen = new Set();
    const queue = [[[a.start], [b.start], true]];
    seen.add(`${a.start}|${b.start}|s`);
    for (let head = 0; head < queue.length; head++) {
        const [sa, sb, atStart] = queue[head];
        if (stopWhen(ra.accepts(sa, atStart), sb.length > 0 && rb.accepts(sb, atStart))) {
            budget.left -= seen.size;
            return true;
        }
        for (const sym of alphabet) {
            const na = ra.step(ra.closure(sa, atStart, sym), sym);
            if (na.length === 0)
                continue;
            const nb = sb.length === 0 ? [] : rb.step(rb.closure(sb, atStart, sym), sym);
            if (needB && nb.length === 0)
                continue;
            const key = `${na.join(',')}|${nb.join(',')}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            if (seen.size > limit) {
                budget.left -= seen.size;
                return undefined;
            }
            queue.push([na, nb, false]);
        }
    }
    budget.left -= seen.size;
    return false;
}
/** Is every tag `a` matches also matched by `b`? undefined when the budget ran out. */
function isSubset(a, b, budget = new Budget()) {
    const counter = explore(a, b, (aAcc, bAcc) => aAcc && !bAcc, budget, false);
    return counter === undefined ? undefined : !counter;
}
/** Is there a tag both match? undefined when the budget ran out. */
function intersects(a, b, budget = new Budget()) {
    return explore(a, b, (aAcc, bAcc) => aAcc && bAcc, budget, true);
}

;// CONCATENATED MODULE: ./src/checks/fluentd/source-tags.ts
/**
 * Which tags a `<source>` emits, when the configuration alone says so (CONFIG-FACTS E1.7):
 * in_tail `tag` (a `*` is replaced by the file path with `/` turned into `.`, dots squeezed and
 * the leading dot dropped: `in_tail.rb` `configure_tag` + TailWatcher#tag, B6), in_forward with
 * `tag`/`add_tag_prefix`, in_sample/in_dummy, in_syslog (`tag.<facility>.<priority>`), and the
 * other inputs with a fixed `tag`. in_forward without an override keeps its senders' tags (C2):
 * they are judged only when the project file declares them (`fluentd.forwardedTags`). Anything
 * else (in_http) is not judged.
 */

const FIXED_TAG_INPUTS = new Set(['sample', 'dummy', 'tcp', 'udp', 'exec', 'object_space', 'gc_stat', 'monitor_agent']);
function sourceTags(el, type, forwarded = []) {
    const tag = lastParam(el, 'tag');
    if (tag?.dynamic)
        return undefined;
    switch (type) {
        case 'tail':
            return tag ? tailTags(el, tag) : undefined;
        case 'forward': {
            const prefix = lastParam(el, 'add_tag_prefix');
            if (prefix?.dynamic)
                return undefined;
            if (tag && tag.value !== '') {
                const t = prefix && prefix.value !== '' ? `${prefix.value}.${tag.value}` : tag.value;
                return { alternatives: [[{ lit: t }]], at: tag, shown: [t] };
            }
            const declared = forwarded.filter((t) => t !== '');
            if (declared.length > 0) {
                // The senders' tags, as declared; add_tag_prefix prepends `<prefix>.` to each (in_forward.rb).
                const full = declared.map((t) => (prefix && prefix.value !== '' ? `${prefix.value}.${t}` : t));
                // Without a prefix the finding points at the source's @type line.
                const at = prefix && prefix.value !== '' ? prefix : (pluginType(el) ?? el.params[0]);
                return at ? { alternatives: full.map((t) => [{ lit: t }]), at, shown: full } : undefined;
            }
            if (prefix && prefix.value !== '')
                return { alternatives: [[{ lit: `${prefix.value}.` }, { any: true }]], at: prefix, shown: [`${prefix.value}.<sender's tag>`] };
            return undefined;
        }
        case 'syslog':
            return tag ? { alternatives: [[{ lit: `${tag.value}.` }, { part: true }, { lit: '.' }, { part: true }]], at: tag, shown: [`${tag.value}.<facility>.<priority>`] } : undefined;
        default:
            if (type !== undefined && FIXED_TAG_INPUTS.has(type) && tag && tag.value !== '')
                return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
            return undefined;
    }
}
function tailTags(el, tag) {
    const star = tag.value.indexOf('*');
    if (star === -1)
        return { alternatives: [[{ lit: tag.value }]], at: tag, shown: [tag.value] };
    const path = lastParam(el, 'path');
    if (!path || path.dynamic)
        return undefined;
    const delimiter = lastParam(el, 'path_delimiter');
    const delim = delimiter && !delimiter.dynamic && delimiter.value !== '' ? delimiter.value : ',';
    // Ruby `tag.split('*')`: prefix is before the first *, suffix between the first and second.
    const parts = tag.value.split('*');
    while (parts.length > 0 && parts[parts.length - 1] === '')
        parts.pop();
    const prefix = parts[0] ?? '';
    const suffix = parts[1] ?? '';
    const alternatives = [];
    const shown = [];
    for (const raw of path.value.split(delim)) {
        const p = raw.trim();
        if (p === '')
            continue;
        const middle = pathPieces(p);
        alternatives.push(normalize([{ lit: prefix }, ...middle, { lit: suffix }]));
        shown.push(prefix + middle.map((m) => ('lit' in m ? m.lit : '*')).join('') + suffix);
    }
    return alternatives.length > 0 ? { alternatives, at: tag, shown } : undefined;
}
/** `path.tr('/', '.').gsub(/\.+/, '.').gsub(/^\./, '')`, with glob and strftime parts as wildcards. */
function pathPieces(path) {
    const pieces = [];
    let lit = '';
    const flush = () => {
        if (lit !== '')
            pieces.push({ lit });
        lit = '';
    };
    for (let i = 0; i < path.length; i++) {
        const c = path[i];
        if (c === '*' || c === '?') {
            flush();
            pieces.push({ any: true });
            while (path[i + 1] === '*')
                i++;
        }
        else if (c === '[' || c === '{') {
            const close = path.indexOf(c === '[' ? ']' : '}', i + 1);
            if (close === -1)
                lit += c;
            else {
                flush();
                pieces.push({ any: true });
                i = close;
            }
        }
        else if (c === '%' && i + 1 < path.length) {
            // strftime directives (in_tail expands them with the current date).
            flush();
            pieces.push({ any: true });
            i++;
        }
        else
            lit += c === '/' ? '.' : c;
    }
    flush();
    for (const p of pieces)
        if ('lit' in p)
            p.lit = p.lit.replace(/\.+/g, '.');
    const first = pieces[0];
    if (first && 'lit' in first && first.lit.startsWith('.'))
        first.lit = first.lit.slice(1);
    return pieces;
}
/** Squeeze dots inside literal runs, drop the leading one, merge neighbours. */
function normalize(pieces) {
    const out = [];
    for (const p of pieces) {
        const prev = out[out.length - 1];
        if ('lit' in p) {
            if (p.lit === '')
                continue;
            if (prev && 'lit' in prev)
                prev.lit += p.lit;
            else
                out.push({ lit: p.lit });
        }
        else if (!(prev && 'any' in prev && 'any' in p))
            out.push(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/fluentd/routing.ts
/**
 * Routing analysis (CONFIG-FACTS B5, E1.7). Per routing context (the root, or one label), rules
 * run in file order and the first matching `<match>` takes the event, so:
 * - a `<match>` whose every pattern is covered by earlier `<match>`es never receives anything;
 * - a `<filter>` whose every pattern is covered by earlier `<match>`es is never applied;
 * - a `<source>` whose tags no `<match>` of its context catches loses its events.
 * Only exact answers are reported: coverage is decided on automata (automaton.ts); `/regex/`
 * patterns and computed ones are never used to claim shadowing, and make "nothing catches this"
 * claims stand down. Rules in different `<worker>` sections are not compared with each other.
 */




/** fluentd's own log events, at the default log level and above (`fluent_log_event_router.rb`). */
const FLUENT_LOG_TAGS = ['fluent.info', 'fluent.warn', 'fluent.error', 'fluent.fatal'];
function checkRouting(model, report, options) {
    const budget = new Budget();
    const nfaCache = new Map();
    const nfaOf = (g) => {
        let n = nfaCache.get(g.text);
        if (!n)
            nfaCache.set(g.text, (n = globNfa(g.seq)));
        return n;
    };
    const rules = [];
    for (const d of model.directives) {
        if (d.kind === 'source')
            continue;
        const dynamic = d.el.argEmbedded.some((e) => e.evaluated);
        const alts = dynamic ? [] : splitPattern(d.el.arg).map(compileAlternative);
        for (const a of alts) {
            if (a.kind === 'invalid') {
                report.error({ file: d.el.file, pos: d.el.argPos }, 'fluentd/invalid-pattern', `invalid match - regex: the pattern ${a.text} starts with / but does not end with / (patterns are split on spaces, so a /regex/ cannot contain one)`);
            }
        }
        rules.push({ d, dynamic, alts });
    }
    const byContext = new Map();
    for (const r of rules) {
        const list = byContext.get(r.d.context);
        if (list)
            list.push(r);
        else
            byContext.set(r.d.context, [r]);
    }
    for (const list of byContext.values())
        checkShadowing(list, report, nfaOf, budget);
    if (!options.complete)
        return;
    for (const d of model.directives) {
        if (d.kind !== 'source')
            continue;
        if (d.context !== '' && !model.labels.has(d.context))
            continue;
        checkSource(d, byContext.get(d.context) ?? [], report, nfaOf, budget, options.forwardedTags ?? []);
    }
    if (!model.labels.has('@FLUENT_LOG'))
        checkFluentLogs(byContext.get('') ?? [], report, nfaOf);
}
function where(el) {
    const tag = el.arg ? `<${el.name} ${el.arg}>` : `<${el.name}>`;
    return `${tag} (${el.file}:${el.pos.line})`;
}
function checkShadowing(rules, report, nfaOf, budget) {
    const earlier = [];
    for (const rule of rules) {
        if (rule.dynamic || rule.alts.length === 0) {
            continue;
        }
        const same = earlier.filter((e) => e.rule.d.scope === rule.d.scope);
        const covered = [];
        for (const alt of rule.alts) {
            const by = coveredBy(alt, same, nfaOf, budget);
            if (by)
                covered.push({ alt, by });
        }
        const el = rule.d.el;
        if (covered.length > 0 && covered.length === rule.alts.length) {
            const by = [...new Set(covered.flatMap((c) => c.by))];
            const culprits = by.slice(0, 3).map((r) => where(r.d.el)).join(', ');
            if (rule.d.kind === 'match') {
                report.error(el, 'fluentd/shadowed-match', `${where(el)} never receives any event: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches first, and fluentd sends an event to the first matching <match> only; move it above or remove it`);
            }
            else {
                report.error(el, 'fluentd/dead-filter', `${where(el)} is never applied: ${culprits} ${by.length > 1 ? 'catch' : 'catches'} every tag it matches before it; a <filter> must come before the <match> it feeds`);
            }
        }
        else if (rule.d.kind === 'match') {
            for (const c of covered) {
                const culprits = c.by.slice(0, 3).map((r) => where(r.d.el)).join(', ');
                report.warning(el, 'fluentd/shadowed-match', `pattern ${c.alt.text} of ${where(el)} never matches anything: ${culprits} ${c.by.length > 1 ? 'catch' : 'catches'} all of its tags first; remove it from the pattern list`);
            }
        }
        if (rule.d.kind === 'match')
            for (const alt of rule.alts)
                earlier.push({ rule, alt });
    }
}
/** The earlier rules that together cover every tag `alt` matches, or undefined when not (or unknown). */
function coveredBy(alt, earlier, nfaOf, budget) {
    if (alt.kind === 'invalid')
        return undefined;
    const globs = earlier.filter((e) => e.alt.kind === 'glob');
    if (alt.kind === 'regex') {
        const all = globs.find((e) => e.alt.text === '**');
        return all ? [all.rule] : undefined;
    }
    const prefix = alt.prefix;
    const cands = globs.filter((e) => {
        const p = e.alt.prefix;
        return (p.startsWith(prefix) || prefix.startsWith(p)) && !disjointParts(alt.parts, e.alt.parts);
    });
    if (cands.length === 0)
        return undefined;
    const byPrefix = cands.find((e) => {
        const p = prefixAll(e.alt);
        return p !== undefined && (p === '' || prefix.startsWith(`${p}.`) || (alt.literal !== undefined && alt.literal === p));
    });
    if (byPrefix)
        return [byPrefix.rule];
    if (alt.literal !== undefined) {
        const lit = alt.literal;
        const hit = cands.find((e) => matches(nfaOf(e.alt), lit));
        return hit ? [hit.rule] : undefined;
    }
    const mine = nfaOf(alt);
    const overlapping = cands.filter((e) => intersects(mine, nfaOf(e.alt), budget) !== false);
    if (overlapping.length === 0)
        return undefined;
    // Name a single earlier rule when one suffices; the whole overlapping set otherwise.
    const alone = overlapping.find((e) => isSubset(mine, nfaOf(e.alt), budget) === true);
    if (alone)
        return [alone.rule];
    if (overlapping.length === 1)
        return undefined;
    const verdict = isSubset(mine, union(overlapping.map((e) => nfaOf(e.alt))), budget);
    return verdict === true ? [...new Set(overlapping.map((e) => e.rule))] : undefined;
}
/**
 * `P.**` (or `**`, P = ''): covers exactly the tag P and every tag starting with `P.`. The cheap
 * exact rule of E1.7, which settles most real configurations without building an automaton.
 */
function prefixAll(g) {
    const seq = g.seq;
    if (seq.length === 1 && seq[0]?.k === 'any')
        return '';
    if (seq.length < 3 || seq[seq.length - 1]?.k !== 'any' || seq[seq.length - 2]?.k !== 'peek')
        return undefined;
    let p = '';
    for (const a of seq.slice(0, -2)) {
        if (a.k !== 'char')
            return undefined;
        p += a.c;
    }
    return p;
}
function coveredByPrefix(pieces, prefixes) {
    const first = pieces[0];
    const lead = first && 'lit' in first ? first.lit : '';
    const literal = pieces.length === 1 && lead !== '';
    return prefixes.some((p) => p === '' || lead.startsWith(`${p}.`) || (literal && lead === p));
}
/** What the pieces of a source's tags fix: whole parts before the first and after the last wildcard. */
function sourceParts(pieces) {
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (pieces.length === 1 && first && 'lit' in first)
        return tagParts(first.lit);
    const head = first && 'lit' in first ? first.lit.split('.').slice(0, -1) : [];
    const tail = last && 'lit' in last ? last.lit.split('.').slice(1).reverse() : [];
    return { head, tail, count: undefined };
}
function checkSource(d, rules, report, nfaOf, budget, forwarded) {
    const tags = sourceTags(d.el, d.type, forwarded);
    if (!tags)
        return;
    const relevant = rules.filter((r) => r.d.kind === 'match' && (d.scope === '' || r.d.scope === '' || r.d.scope === d.scope));
    if (relevant.some((r) => r.dynamic))
        return;
    const alts = relevant.flatMap((r) => r.alts);
    const literal = tags.alternatives.every((a) => a.length === 1 && 'lit' in a[0]);
    const regexes = alts.filter((a) => a.kind === 'regex');
    if (regexes.length > 0 && (!literal || regexes.some((r) => r.re === undefined)))
        return;
    // Only patterns that can share a tag with this source matter (cheap tests first).
    const srcParts = tags.alternatives.map(sourceParts);
    const srcPrefixes = tags.alternatives.map((a) => (a[0] && 'lit' in a[0] ? a[0].lit : ''));
    const globs = alts.filter((a) => {
        if (a.kind !== 'glob')
            return false;
        const p = a.prefix;
        return tags.alternatives.some((_, i) => {
            const sp = srcPrefixes[i];
            return (sp.startsWith(p) || p.startsWith(sp)) && !disjointParts(srcParts[i], a.parts);
        });
    });
    const srcNfa = tags.alternatives.length === 1 ? piecesNfa(tags.alternatives[0]) : union(tags.alternatives.map((a) => piecesNfa(a)));
    const prefixes = globs.map(prefixAll).filter((p) => p !== undefined);
    if (tags.alternatives.every((a) => coveredByPrefix(a, prefixes)))
        return;
    const target = globs.length > 0 ? union(globs.map(nfaOf)) : undefined;
    const regexHit = (tag) => regexes.some((r) => r.re?.test(tag) ?? false);
    const ctx = d.context === '' ? '' : ` in <label ${d.context}>`;
    const at = { file: tags.at.file, pos: tags.at.valuePos };
    const shown = tags.shown.slice(0, 3).join(', ');
    let any;
    let all;
    if (literal) {
        const lits = tags.alternatives.map((a) => a[0].lit);
        const hits = lits.map((t) => regexHit(t) || (target ? matches(target, t) : false));
        any = hits.some(Boolean);
        all = hits.every(Boolean);
    }
    else {
        any = target ? intersects(srcNfa, target, budget) : false;
        all = any === true && target ? isSubset(srcNfa, target, budget) : any === false ? false : undefined;
    }
    if (any === false) {
        report.error(at, 'fluentd/unrouted-source', `events of this <source> (tag ${shown}) match no <match>${ctx}, so fluentd drops them with "no patterns matched"${starHint(alts, srcNfa, budget)}; add a <match> that catches them`);
    }
    else if (any === true && all === false) {
        report.warning(at, 'fluentd/partially-routed-source', `some events of this <source> (tag ${shown}) match no <match>${ctx} and are dropped with "no patterns matched"${starHint(alts, srcNfa, budget)}; widen a <match> pattern`);
    }
}
/** `*` is one tag part (B6): point it out when `**` in its place would have caught the tags. */
function starHint(alts, src, budget) {
    for (const g of alts) {
        if (g.kind !== 'glob')
            continue;
        if (!/(^|[^*])\*($|[^*])/.test(g.text))
            continue;
        const widened = g.text.replace(/(^|[^*])\*(?!\*)/g, '$1**');
        const alt = compileAlternative(widened);
        if (alt.kind === 'glob' && intersects(src, globNfa(alt.seq), budget) === true) {
            return `; note that * in ${g.text} matches exactly one tag part, ${widened} would match these`;
        }
    }
    return '';
}
function checkFluentLogs(rules, report, nfaOf) {
    const receivers = new Map();
    for (const tag of FLUENT_LOG_TAGS) {
        for (const r of rules) {
            if (r.d.kind !== 'match')
                continue;
            if (r.dynamic || r.alts.some((a) => a.kind === 'regex'))
                return;
            if (r.alts.some((a) => a.kind === 'glob' && matches(nfaOf(a), tag))) {
                const list = receivers.get(r);
                if (list)
                    list.push(tag);
                else
                    receivers.set(r, [tag]);
                break;
            }
        }
    }
    for (const [r, tags] of receivers) {
        const t = pluginType(r.d.el);
        if (t?.value === 'null')
            continue;
        report.warning(r.d.el, 'fluentd/captures-fluent-logs', `${where(r.d.el)} also receives fluentd's own log events (${tags.join(', ')}) and sends them on${t ? ` to @type ${t.value}` : ''}; add <label @FLUENT_LOG> with its own <match>, or an earlier <match fluent.**> with @type null`);
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/secrets.ts

/** Set by Docker, Fargate or fluentd itself: present in every task without a task-definition entry. */
const RUNTIME_ENV = new Set([
    'HOSTNAME', 'HOME', 'PATH', 'PWD', 'USER', 'LANG', 'SERVERENGINE_WORKER_ID', 'FLUENTD_CONF', 'FLUENTD_OPT', 'LD_PRELOAD',
    'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'ECS_CONTAINER_METADATA_URI', 'ECS_CONTAINER_METADATA_URI_V4', 'ECS_AGENT_URI',
]);
const SECRET_KEYS = new Set(['api_key', 'shared_key', 'password', 'tls_client_private_key_passphrase', 'private_key_passphrase', 'aws_sec_key', 'aws_secret_access_key', 'secret_key']);
const PLACEHOLDER = /^<.*>$|your|api[_-]?key|x{4,}|changeme|replace|dummy|example|^\*+$/i;
const ENV_REF = /\bENV\s*\[\s*(['"])([^'"]*)\1\s*\]|\bENV\.fetch\s*\(?\s*(['"])([^'"]*)\3\s*(,|\)|\{)?/g;
/** Which embedded Ruby is plain configuration and which runs arbitrary code at start-up (E1.8). */
function isPlainRuby(code) {
    const rest = code
        .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ')
        .replace(/\bENV\s*\[\s*\]/g, ' ')
        .replace(/\bENV\.fetch\s*\(\s*(?:,\s*)?\)/g, ' ')
        .replace(/\bENV\.fetch\b/g, ' ')
        .replace(/\bSocket\.gethostname\b/g, ' ')
        .replace(/\b(hostname|worker_id|use_nil|use_default|nil|true|false)\b/g, ' ')
        .replace(/\|\||\.to_s\b|\.to_i\b|\.strip\b|\.downcase\b|\.upcase\b|[\s()]/g, '');
    return rest === '' || /^\d+$/.test(rest);
}
function envRefs(code) {
    const out = [];
    const alt = /\|\|\s*(\S+)/.exec(code);
    const orFallback = alt ? (alt[1]?.startsWith('use_nil') ? 'nil' : alt[1]?.startsWith('use_default') ? 'default' : 'literal') : undefined;
    for (const m of code.matchAll(ENV_REF)) {
        if (m[2] !== undefined)
            out.push({ name: m[2], fallback: orFallback ?? 'empty' });
        else if (m[4] !== undefined)
            out.push({ name: m[4], fallback: m[5] === ',' || m[5] === '{' ? 'literal' : (orFallback ?? 'raise') });
    }
    return out;
}
/** Walk every element without recursion; `visit` sees each with its nearest plugin `@type`. */
function walk(root, visit) {
    const stack = root.elements.map((e) => [e, undefined]);
    while (stack.length > 0) {
        const [el, inherited] = stack.pop();
        const t = pluginType(el);
        const type = t && !t.dynamic ? t.value : inherited;
        visit(el, type);
        for (const c of el.elements)
            stack.push([c, type]);
    }
}
function checkSecrets(root, includeCode, uses, ctx, report) {
    const refs = [];
    const datadogOutputs = new Set(uses.filter((u) => u.kind === 'output' && u.type === 'datadog').map((u) => u.el));
    const embedded = (codes, param, at) => {
        for (const e of codes) {
            const names = envRefs(e.code);
            if (!e.evaluated) {
                if (names.length > 0) {
                    report.error(at, 'fluentd/unquoted-env', `#{${e.code}} is not evaluated outside double quotes, so fluentd uses that literal text${param ? ` as ${param.key}` : ''}; write ${param ? `${param.key} ` : ''}"#{${e.code}}" with double quotes`);
                }
                else {
                    report.warning(at, 'fluentd/literal-embedded-ruby', `#{${e.code}} is only evaluated inside double quotes; here it is literal text. Use double quotes if it is meant to run`);
                }
                continue;
            }
            for (const n of names)
                refs.push({ ...n, param, at });
            if (!isPlainRuby(e.code)) {
                report.warning(at, 'fluentd/embedded-ruby', `embedded Ruby #{${e.code.length > 40 ? `${e.code.slice(0, 40)}...` : e.code}} runs at start-up with fluentd's privileges; keep to ENV['X'], ENV.fetch, hostname, worker_id, use_nil and use_default`);
            }
        }
    };
    for (const inc of includeCode)
        embedded(inc.embedded, undefined, { file: inc.file, pos: inc.pos });
    walk(root, (el, type) => {
        if (el.argEmbedded.length > 0)
            embedded(el.argEmbedded, undefined, { file: el.file, pos: el.argPos });
        for (const p of el.params) {
            if (p.embedded.length > 0)
                embedded(p.embedded, p, { file: p.file, pos: p.valuePos });
            if (SECRET_KEYS.has(p.key))
                literalSecret(p, type, datadogOutputs.has(el), report);
        }
    });
    checkEnv(refs, ctx, report);
    return [...new Set(refs.map((r) => r.name))].sort();
}
function literalSecret(p, type, datadog, report) {
    if (p.dynamic)
        return;
    const at = { file: p.file, pos: p.valuePos };
    const v = p.value.trim();
    if (p.key === 'api_key' && datadog) {
        if (v === '') {
            report.error(at, 'fluentd/empty-api-key', 'api_key is empty: the plugin starts but Datadog rejects every log; set api_key "#{ENV[\'DD_API_KEY\']}" with the key in the task definition\'s secrets');
            return;
        }
        if (/#\{/.test(v))
            return; // unquoted embedded Ruby: reported as such
        if (/^[0-9a-f]{32}$/i.test(v)) {
            report.error(at, 'fluentd/hardcoded-api-key', 'api_key is a literal Datadog API key: it would be baked into the image and the repository; revoke it, and write api_key "#{ENV[\'DD_API_KEY\']}" with the key in the task definition\'s secrets');
            return;
        }
        if (PLACEHOLDER.test(v)) {
            report.error(at, 'fluentd/placeholder-api-key', 'api_key is a placeholder, not a key: Datadog rejects every log; write api_key "#{ENV[\'DD_API_KEY\']}" with the key in the task definition\'s secrets');
            return;
        }
    }
    if (v === '' || /#\{/.test(v))
        return;
    if (/^[0-9a-f]{32}$/i.test(v) && p.key === 'api_key') {
        report.error(at, 'fluentd/hardcoded-api-key', `api_key of @type ${type ?? '?'} is a literal 32-hex key: it would be baked into the image; read it from the environment with "#{ENV['X']}"`);
        return;
    }
    report.warning(at, 'fluentd/literal-secret', `${p.key} is written literally, so it ends up in the image and the repository; read it from the environment with "#{ENV['X']}" and a task definition secret`);
}
function checkEnv(refs, ctx, report) {
    const env = ctx.env;
    for (const r of refs) {
        if (env) {
            if (env.names.has(r.name) || RUNTIME_ENV.has(r.name) || ctx.image?.env?.has(r.name))
                continue;
            if (r.fallback === 'literal' || (r.fallback === 'default' && !r.param))
                continue;
            const what = r.fallback === 'raise'
                ? 'ENV.fetch raises KeyError and fluentd does not start'
                : r.fallback === 'nil' || r.fallback === 'default'
                    ? `${r.param ? r.param.key : 'the value'} becomes ${r.fallback === 'nil' ? 'nil' : 'its default'}${r.param?.key === 'api_key' ? ' and fluentd refuses to start' : ''}`
                    : `fluentd reads it as ""${r.param ? ` and ${r.param.key} is empty` : ''}`;
            const sev = env.open ? 'warning' : 'error';
            const maybe = env.open ? ' (unless its environmentFiles set it)' : '';
            report.add(r.at, sev, 'fluentd/env-not-provided', `ENV['${r.name}'] is not provided to ${env.where}${maybe}: ${what}; add ${r.name} to its environment or secrets`);
        }
        else if (r.param?.key === 'api_key' && r.fallback === 'empty') {
            report.notice(r.at, 'fluentd/env-without-use-nil', `if ${r.name} is unset, api_key silently becomes ""; write "#{ENV['${r.name}'] || use_nil}" so fluentd --dry-run fails instead`);
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/fluentd/index.ts










/** Check a fluent.conf (entry path as understood by `fs`) and everything it @includes. */
function checkFluentd(entry, fs, ctx) {
    return analyse(loadConfig(entry, fs), ctx);
}
/**
 * Parse one text as fluentd would (includes are listed in the tree's findings but not followed):
 * the element tree with positions, plus parse findings.
 */
function parseFluentd(source) {
    return parseSource(source);
}
/** Check one text without following includes (tests, stdin). */
function checkFluentdSource(source, ctx = {}) {
    return analyse(parseSource(source), ctx);
}
function analyse(parsed, ctx) {
    if (parsed.fatal)
        return { findings: (0,checks_findings/* sortFindings */.Tc)(parsed.findings), files: parsed.files, envNames: [] };
    const report = new Report(parsed.findings);
    const complete = !parsed.incomplete;
    const model = buildModel(parsed.root, report, { complete });
    const uses = checkPlugins(model, report);
    checkDuplicateIds(uses, report);
    checkPluginRules(model, uses, report);
    checkRouting(model, report, { complete, forwardedTags: ctx.fluentd?.forwardedTags ?? [] });
    const envNames = checkSecrets(parsed.root, parsed.includeCode, uses, ctx, report);
    checkGems(uses, ctx.image, report);
    checkDuplicateKeys(parsed.root, report);
    return { findings: (0,checks_findings/* sortFindings */.Tc)(report.findings), files: parsed.files, envNames };
}
/** Cheap content sniff for `check FILE` without --kind: true when the text looks like a Fluentd config. */
function looksLikeFluentd(text) {
    const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
    return (/^[ \t]*<(source|match|filter|label|system|worker)(?:[ \t][^>\n]*)?>[ \t]*(?:#.*)?\r?$/m.test(head) ||
        /^[ \t]*@include[ \t]+\S/m.test(head));
}


/***/ }),

/***/ 8566:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   Pg: () => (/* binding */ DiskFs),
/* harmony export */   Rk: () => (/* binding */ realpathOrSelf),
/* harmony export */   bz: () => (/* binding */ hasGlob),
/* harmony export */   hT: () => (/* binding */ expandGlob)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5784);
/**
 * The file view a checker resolves includes against. On disk for `check FILE`; the image's own
 * layout (from the Dockerfile's COPY lines) for `validate`, because Fluentd resolves `@include`
 * against the including file's directory *inside the container*.
 */




const GLOB_CHARS = /[*?[\]{}]/;
/** Walking a pattern like `/**\/*.conf` from a large directory must stay bounded. */
const MAX_WALK_ENTRIES = 20_000;
/** `abs` is `root` or below it (both absolute). */
function isInside(root, abs) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, abs);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
}
/** `realpath`, or the path itself when it does not resolve (missing, or a dangling link). */
function realpathOrSelf(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function hasGlob(pattern) {
    return GLOB_CHARS.test(pattern);
}
/** Expand `pattern` (absolute, POSIX) against a lister of directory entries. Shared by disk and image views. */
function expandGlob(pattern, list, isFile) {
    if (!hasGlob(pattern))
        return isFile(pattern) ? [pattern] : [];
    const parts = pattern.split('/');
    const baseParts = [];
    for (const p of parts) {
        if (hasGlob(p))
            break;
        baseParts.push(p);
    }
    const base = baseParts.join('/') || '/';
    const deep = parts.slice(baseParts.length).some((p) => p.includes('**'));
    const maxDepth = deep ? 32 : parts.length - baseParts.length;
    const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: false });
    const out = [];
    let seen = 0;
    const walk = (dir, depth) => {
        if (depth > maxDepth || seen > MAX_WALK_ENTRIES)
            return;
        for (const e of list(dir)) {
            if (++seen > MAX_WALK_ENTRIES)
                return;
            const full = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`;
            if (e.dir)
                walk(full, depth + 1);
            else if (isMatch(full))
                out.push(full);
        }
    };
    walk(base, 1);
    return out.sort();
}
/**
 * Files on disk, confined to `root`: nothing outside it is read or listed, through a symlink
 * either. Findings show paths relative to `shownFrom` (default `root`), or absolute outside it.
 */
class DiskFs {
    root;
    realRoot;
    shownFrom;
    constructor(root, shownFrom = root) {
        this.root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root);
        this.realRoot = realpathOrSelf(this.root);
        this.shownFrom = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(shownFrom);
    }
    inside(abs) {
        return isInside(this.realRoot, realpathOrSelf(abs));
    }
    read(file) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, file);
        return (0,_source_js__WEBPACK_IMPORTED_MODULE_2__/* .readSource */ .o$)(this.display(abs), abs);
    }
    glob(pattern, from) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, from)).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/'), pattern);
        return expandGlob(abs, (dir) => {
            if (!this.inside(dir))
                return [];
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
            }
            catch {
                return [];
            }
        }, (p) => {
            if (!this.inside(p))
                return false;
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
            }
            catch {
                return false;
            }
        }).filter((p) => this.inside(p));
    }
    display(file) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.root, file);
        return (isInside(this.shownFrom, abs) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(this.shownFrom, abs) : abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
    }
}


/***/ }),

/***/ 5784:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o$: () => (/* binding */ readSource),
/* harmony export */   ru: () => (/* binding */ templateNotice)
/* harmony export */ });
/* unused harmony exports MAX_CONFIG_BYTES, decode, sourceFromText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(671);
/**
 * Turning bytes into text a checker can trust: encoding (UTF-8 with or without BOM, UTF-16 with
 * BOM), binary junk, oversized files and templates are settled here, once, as findings.
 */


/**
 * Config files this tool reads are kilobytes; the largest realistic one (a 5,000-site http_check)
 * is about 1 MiB. Anything past this limit is reported, not parsed, so a stray 10 MB file costs
 * one stat and one finding instead of seconds of parsing.
 */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
const START = { line: 1, column: 1 };
function tooLarge(file, size) {
    return {
        ok: false,
        findings: [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', 'file/too-large', `file is ${(size / 1024 / 1024).toFixed(1)} MiB; configuration files are read up to ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, so it was not checked`),
        ],
    };
}
function decode(file, bytes) {
    if (bytes.length > MAX_CONFIG_BYTES)
        return tooLarge(file, bytes.length);
    let text;
    let bom;
    try {
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
            bom = 'utf8';
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
        }
        else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
            bom = 'utf16le';
            text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
        }
        else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
            bom = 'utf16be';
            text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
        }
        else {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
    }
    catch {
        return { ok: false, findings: [notText(file, bytes)] };
    }
    const nul = text.indexOf('\0');
    if (nul !== -1) {
        const lines = new _findings_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text);
        return {
            ok: false,
            findings: [
                (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, lines.position(nul), 'error', 'file/binary', 'file contains NUL bytes: this is binary data, not a text configuration file'),
            ],
        };
    }
    return { ok: true, source: { file, text, lines: new _findings_js__WEBPACK_IMPORTED_MODULE_1__/* .LineIndex */ .rr(text), bom } };
}
/** Locate the first byte that is not valid UTF-8, so the finding points at it. */
function notText(file, bytes) {
    let line = 1;
    let col = 1;
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
        let valid = len > 0 && i + len <= bytes.length;
        for (let k = 1; valid && k < len; k++)
            valid = (bytes[i + k] & 0xc0) === 0x80;
        if (!valid)
            break;
        if (b === 0x0a) {
            line += 1;
            col = 1;
        }
        else
            col += 1;
        i += len;
    }
    return (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, { line, column: col }, 'error', 'file/not-utf8', 'file is not valid UTF-8 (nor UTF-16 with a byte order mark): save it as UTF-8');
}
/** Read and decode a file from disk; an unreadable or oversized file is a finding, never a throw. */
function readSource(file, absPath) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absPath);
        if (st.isDirectory()) {
            return { ok: false, findings: [(0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', 'file/unreadable', 'is a directory, not a file')] };
        }
        if (st.size > MAX_CONFIG_BYTES)
            return tooLarge(file, st.size); // neither read nor buffered
        return decode(file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(absPath));
    }
    catch (err) {
        const code = err.code;
        const what = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(err)})`;
        return { ok: false, findings: [(0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(file, START, 'error', code === 'ENOENT' ? 'file/missing' : 'file/unreadable', what)] };
    }
}
/** Build a SourceText from a string (tests, stdin, in-memory renders). */
function sourceFromText(file, text) {
    return { file, text, lines: new LineIndex(text), bom: undefined };
}
const TEMPLATE_MARKERS = [
    [/\{\{[^\n]*?\}\}/, 'Jinja/Go template'],
    [/\{%-?\s*[a-z]+[^\n]*?%\}/, 'Jinja template'],
    [/<%[=\-#]?[^\n]*?%>/, 'ERB template'],
];
/**
 * Templated files (Ansible/Jinja, ERB) are not what the engine reads: they get one notice instead
 * of a cascade of syntax errors. `{{ }}` inside a Fluentd double-quoted string or a Datadog
 * `%%env_X%%` is not a template marker, and `"#{...}"` is Fluentd's own embedded Ruby.
 */
function templateNotice(source) {
    for (const [re, kind] of TEMPLATE_MARKERS) {
        const m = re.exec(source.text);
        if (m) {
            return (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(source.file, source.lines.position(m.index), 'notice', 'file/template', `template: rendered before it can be checked (${kind} syntax found); check the rendered file instead`);
        }
    }
    return undefined;
}


/***/ }),

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   kp: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export editDistance */
/** Did-you-mean: the nearest known name within a small edit distance. */
function editDistance(a, b, limit = Infinity) {
    if (a === b)
        return 0;
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let prev = new Array(b.length + 1);
    let cur = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            cur[j] = v;
            if (v < rowMin)
                rowMin = v;
        }
        if (rowMin > limit)
            return limit + 1;
        [prev, cur] = [cur, prev];
    }
    return prev[b.length];
}
/**
 * The closest candidate to `name`, or undefined when nothing is close enough.
 * Close enough: distance <= 2 for names of 5+ characters, <= 1 for shorter ones, or the same
 * name with `-`/`_` swapped or a different case (`init-config` -> `init_config`).
 */
function closest(name, candidates) {
    const norm = (s) => s.toLowerCase().replace(/-/g, '_');
    const n = norm(name);
    const limit = name.length >= 5 ? 2 : 1;
    let best;
    let bestD = Infinity;
    for (const c of candidates) {
        if (c === name)
            continue;
        const d = norm(c) === n ? 0 : editDistance(n, norm(c), limit);
        if (d <= limit && d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return best;
}
/** ` (did you mean "x"?)` or the empty string. */
function didYouMean(name, candidates) {
    const c = closest(name, candidates);
    return c === undefined ? '' : ` (did you mean "${c}"?)`;
}


/***/ }),

/***/ 3528:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  y8: () => (/* reexport */ checkSecretRef),
  T8: () => (/* binding */ checkTaskDefinition),
  jY: () => (/* binding */ containerEnv),
  Id: () => (/* binding */ parseTaskDefinition),
  nR: () => (/* reexport */ plainSecretKind),
  V0: () => (/* binding */ records)
});

// UNUSED EXPORTS: cpuUnits, fargateSizeProblem, isImagePlaceholder, memoryMiB, parseTaskDefinitionTree, taskDefObject

// EXTERNAL MODULE: ./src/checks/findings.ts
var checks_findings = __nccwpck_require__(671);
// EXTERNAL MODULE: ./src/checks/yaml/ast.ts
var ast = __nccwpck_require__(6353);
// EXTERNAL MODULE: ./src/checks/suggest.ts
var suggest = __nccwpck_require__(5111);
;// CONCATENATED MODULE: ./src/checks/taskdef/check-shape.ts
/**
 * The task definition tree against the RegisterTaskDefinition shape: unknown members (with a
 * did-you-mean), wrong types, values outside an enum, missing required members. Severity follows
 * the project rule: what the API rejects is an error; an unknown member is dropped by the SDK's
 * serializer, which is accepted but smells, so a warning.
 */



const asField = (f) => (typeof f === 'object' && 'shape' in f ? f : { shape: f });
function at(ctx, node, severity, code, message) {
    ctx.out.push((0,checks_findings/* finding */.gk)(ctx.source.file, ctx.source.lines.position(node.range[0]), severity, code, message));
}
function describeShape(shape) {
    if (shape === 'string')
        return 'a string';
    if (shape === 'int')
        return 'an integer';
    if (shape === 'bool')
        return 'true or false';
    if (shape === 'stringMap')
        return 'a mapping of strings';
    if (shape === 'size')
        return 'a size such as "512"';
    if ('enum' in shape)
        return `one of ${shape.enum.join(', ')}`;
    if ('obj' in shape)
        return 'an object';
    return 'a list';
}
function checkNode(ctx, node, shape, path, depth) {
    if (depth > 64)
        return;
    if (node.kind === 'scalar' && node.value === null)
        return; // YAML `key:` — absent, as the deploy treats it
    if (shape === 'string') {
        if (node.kind !== 'scalar')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a string, not ${(0,ast/* typeName */.go)(node)}`);
        if (typeof node.value !== 'string') {
            // RegisterTaskDefinition types these members as strings; the AWS CLI refuses a number or a
            // boolean there ("Invalid type for parameter"), and the SDK would send it as JSON of the wrong type.
            at(ctx, node, 'error', 'taskdef/expected-string', `${path} is ${(0,ast/* typeName */.go)(node)}, but RegisterTaskDefinition takes a string: quote it ("${node.text}")`);
        }
        return;
    }
    if (shape === 'size') {
        if (node.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
            at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a string such as "512" or "1 GB", not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'int') {
        if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be an integer, not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'bool') {
        if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be true or false, not ${(0,ast/* typeName */.go)(node)}`);
        }
        return;
    }
    if (shape === 'stringMap') {
        if (node.kind !== 'map')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a mapping of strings, not ${(0,ast/* typeName */.go)(node)}`);
        for (const p of node.pairs)
            checkNode(ctx, p.value, 'string', `${path}.${(0,ast/* keyName */.xT)(p)}`, depth + 1);
        return;
    }
    if ('enum' in shape) {
        if (node.kind !== 'scalar' || typeof node.value !== 'string') {
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be one of ${shape.enum.join(', ')}, not ${(0,ast/* typeName */.go)(node)}`);
        }
        if (!shape.enum.includes(node.value)) {
            const v = node.value;
            const ci = shape.enum.find((e) => e.toLowerCase() === v.toLowerCase());
            const hint = ci ?? (0,suggest/* closest */.kp)(v, shape.enum);
            at(ctx, node, 'error', 'taskdef/invalid-value', `${path} "${v}" is not one of ${shape.enum.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
        return;
    }
    if ('list' in shape) {
        if (node.kind !== 'seq')
            return at(ctx, node, 'error', 'taskdef/wrong-type', `${path} must be a list, not ${(0,ast/* typeName */.go)(node)}`);
        node.items.forEach((item, i) => checkNode(ctx, item, shape.list, `${path}[${i}]`, depth + 1));
        return;
    }
    checkObject(ctx, node, shape.obj, path, depth);
}
function checkObject(ctx, node, fields, path, depth = 0) {
    if (node.kind !== 'map') {
        at(ctx, node, 'error', 'taskdef/wrong-type', `${path || 'the task definition'} must be an object, not ${(0,ast/* typeName */.go)(node)}`);
        return;
    }
    const names = Object.keys(fields);
    for (const p of node.pairs) {
        const k = (0,ast/* keyName */.xT)(p);
        if (depth === 0 && ctx.skipTop.has(k))
            continue;
        const f = fields[k];
        const childPath = path ? `${path}.${k}` : k;
        if (!f) {
            at(ctx, p.key, 'warning', 'taskdef/unknown-key', `"${k}" is not a member of ${path || 'a task definition'} and is dropped when registering${(0,suggest/* didYouMean */.au)(k, names)}`);
            continue;
        }
        checkNode(ctx, p.value, asField(f).shape, childPath, depth + 1);
    }
    for (const [k, f] of Object.entries(fields)) {
        const field = asField(f);
        // The last of duplicated keys is the one registered.
        const value = (0,ast/* getPair */.xf)(node, k)?.value;
        const missing = value === undefined || (value.kind === 'scalar' && value.value === null);
        if (field.required && missing) {
            at(ctx, node, 'error', 'taskdef/missing-field', `${path || 'the task definition'} needs "${k}" (${describeShape(field.shape)})`);
        }
    }
}
function checkShape(source, root, fields, skipTop) {
    const ctx = { source, out: [], skipTop };
    checkObject(ctx, root, fields, '');
    return ctx.out;
}

// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __nccwpck_require__(5784);
// EXTERNAL MODULE: ./src/checks/yaml/load.ts + 2 modules
var load = __nccwpck_require__(7112);
;// CONCATENATED MODULE: ./src/checks/taskdef/json-reader.ts
/**
 * A position-keeping JSON reader (RFC 8259, as `JSON.parse` and the AWS CLI accept it) that builds
 * the same tree as our YAML loader, so task definitions in JSON and YAML are checked by one walker
 * and every finding has a line and column. A syntax error stops at the exact offending character.
 * Iterative-safe: nesting deeper than MAX_DEPTH is a finding, never a stack overflow.
 */

const MAX_DEPTH = 500;
class JsonSyntax extends Error {
    offset;
    code;
    constructor(offset, message, code = 'json/syntax') {
        super(message);
        this.offset = offset;
        this.code = code;
    }
}
const describe = (c) => c === undefined ? 'end of file' : c === '\n' ? 'end of line' : /\s/.test(c) ? 'whitespace' : `"${c}"`;
function readJson(source) {
    const out = { source, root: null, findings: [], duplicates: [] };
    const t = source.text;
    let i = 0;
    const ws = () => {
        for (;;) {
            const c = t.charCodeAt(i);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
                i++;
            else
                break;
        }
    };
    const fail = (msg, at = i) => {
        throw new JsonSyntax(at, msg);
    };
    const str = () => {
        const start = i;
        i++; // opening quote
        let v = '';
        for (;;) {
            if (i >= t.length)
                fail('unterminated string: close it with "', start);
            const c = t[i];
            const code = c.charCodeAt(0);
            if (c === '"') {
                i++;
                break;
            }
            if (code < 0x20)
                fail(`control character inside a string (${code === 0x0a ? 'a line break' : `U+${code.toString(16).padStart(4, '0')}`}): escape it`);
            if (c === '\\') {
                const e = t[i + 1];
                const map = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
                if (e !== undefined && e in map) {
                    v += map[e];
                    i += 2;
                }
                else if (e === 'u') {
                    const hex = t.slice(i + 2, i + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        fail('bad \\u escape: four hex digits must follow \\u', i);
                    v += String.fromCharCode(parseInt(hex, 16));
                    i += 6;
                }
                else
                    fail(`bad escape \\${e ?? ''} in a string`, i);
            }
            else {
                v += c;
                i++;
            }
        }
        return { kind: 'scalar', value: v, style: 'double', text: v, range: [start, i] };
    };
    const num = () => {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(t.slice(i, i + 400));
        if (!m)
            fail(`unexpected ${describe(t[i])}: expected a value`);
        const text = m[0];
        const start = i;
        i += text.length;
        if (/[0-9.eE+-]/.test(t[i] ?? ''))
            fail(`bad number: ${describe(t[i])} after ${text}`);
        return { kind: 'scalar', value: Number(text), style: 'plain', text, range: [start, i] };
    };
    const word = () => {
        const start = i;
        for (const [w, v] of [['true', true], ['false', false], ['null', null]]) {
            if (t.startsWith(w, i)) {
                i += w.length;
                return { kind: 'scalar', value: v, style: 'plain', text: w, range: [start, i] };
            }
        }
        const c = t[i];
        if (c === "'")
            return fail('strings take double quotes in JSON, not single quotes');
        if (c === '/' && (t[i + 1] === '/' || t[i + 1] === '*'))
            return fail('comments are not allowed in JSON');
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(i, i + 100));
        if (m)
            return fail(`unexpected word "${m[0]}": strings need double quotes`);
        return fail(`unexpected ${describe(c)}: expected a value`);
    };
    const stack = [];
    let root = null;
    const attach = (node) => {
        const top = stack[stack.length - 1];
        if (!top) {
            root = node;
            return;
        }
        if (top.node.kind === 'seq')
            top.node.items.push(node);
        else {
            const f = top;
            const key = f.key;
            const pair = { key, value: node };
            const k = String(key.value);
            const prev = f.seen.get(k);
            if (prev)
                out.duplicates.push({ key: k, map: f.node, path: f.path, first: prev, dup: pair });
            f.seen.set(k, pair);
            f.node.pairs.push(pair);
            delete f.key;
        }
    };
    const open = () => {
        // Reads a value at i; returns true when it opened a container (pushed a frame).
        const c = t[i];
        if (c === '{' || c === '[') {
            if (stack.length >= MAX_DEPTH)
                throw new JsonSyntax(i, `JSON nested more than ${MAX_DEPTH} levels deep: not a task definition`, 'json/too-deep');
            const top = stack[stack.length - 1];
            const parentPath = top ? (top.node.kind === 'seq' ? `${top.path}[${top.node.items.length}]` : `${top.path ? `${top.path}.` : ''}${String(top.key.value)}`) : '';
            const node = c === '{' ? { kind: 'map', pairs: [], flow: true, range: [i, i] } : { kind: 'seq', items: [], flow: true, range: [i, i] };
            i++;
            stack.push(node.kind === 'map' ? { node, path: parentPath, seen: new Map() } : { node, path: parentPath });
            return true;
        }
        let v;
        if (c === '"')
            v = str();
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            v = num();
        else
            v = word();
        attach(v);
        return false;
    };
    try {
        ws();
        if (i >= t.length)
            fail('the file is empty: expected a JSON object');
        open();
        while (stack.length) {
            const top = stack[stack.length - 1];
            ws();
            const c = t[i];
            if (top.node.kind === 'map') {
                const f = top;
                const empty = f.node.pairs.length === 0;
                if (c === '}') {
                    i++;
                    f.node.range[1] = i;
                    stack.pop();
                    attach(f.node);
                    continue;
                }
                if (!empty) {
                    if (c !== ',')
                        fail(`unexpected ${describe(c)}: expected "," or "}" after an object member`);
                    const comma = i++;
                    ws();
                    if (t[i] === '}')
                        fail('trailing comma: JSON allows no "," before "}"', comma);
                }
                if (t[i] !== '"') {
                    if (t[i] === undefined)
                        fail('unexpected end of file: the object is never closed with "}"');
                    if (t[i] === "'")
                        fail('property names take double quotes in JSON, not single quotes');
                    if (t[i] === '/' && (t[i + 1] === '/' || t[i + 1] === '*'))
                        fail('comments are not allowed in JSON');
                    fail(`unexpected ${describe(t[i])}: expected a property name in double quotes`);
                }
                f.key = str();
                ws();
                if (t[i] !== ':')
                    fail(`unexpected ${describe(t[i])}: expected ":" after the property name`);
                i++;
                ws();
                open();
            }
            else {
                const s = top.node;
                if (c === ']') {
                    i++;
                    s.range[1] = i;
                    stack.pop();
                    attach(s);
                    continue;
                }
                if (s.items.length > 0) {
                    if (c !== ',')
                        fail(`unexpected ${describe(c)}: expected "," or "]" after a list item`);
                    const comma = i++;
                    ws();
                    if (t[i] === ']')
                        fail('trailing comma: JSON allows no "," before "]"', comma);
                }
                if (t[i] === undefined)
                    fail('unexpected end of file: the list is never closed with "]"');
                open();
            }
        }
        ws();
        if (i < t.length)
            fail(`unexpected ${describe(t[i])} after the end of the JSON value`);
        out.root = root;
    }
    catch (err) {
        if (!(err instanceof JsonSyntax))
            throw err;
        out.findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(err.offset), 'error', err.code, err.message));
    }
    return out;
}

// EXTERNAL MODULE: ./src/checks/taskdef/schema.ts
var schema = __nccwpck_require__(9279);
;// CONCATENATED MODULE: ./src/checks/taskdef/parse.ts
/**
 * Task definition text (JSON or YAML; UTF-8 with or without BOM and UTF-16 with BOM are decoded
 * by source.ts) -> a tree with positions, unwrapped from `aws ecs describe-task-definition`
 * output (`{"taskDefinition": {...}, "tags": [...]}`) when pasted as-is.
 */






/** JSON by extension, else by the first character; YAML otherwise (a superset, but JSON errors are sharper). */
function taskDefFormat(source) {
    const f = source.file.toLowerCase();
    if (f.endsWith('.json'))
        return 'json';
    if (f.endsWith('.yaml') || f.endsWith('.yml'))
        return 'yaml';
    return /^\s*[{[]/.test(source.text) ? 'json' : 'yaml';
}
function parseTaskDefinitionTree(source) {
    const format = taskDefFormat(source);
    const out = { source, format, wrapped: false, duplicates: [], findings: [], readOnlyFields: [] };
    const loaded = format === 'json' ? readJson(source) : (0,load/* loadYaml */.yv)(source, 'core');
    if (loaded.findings.some((f) => f.severity === 'error')) {
        const tpl = (0,checks_source/* templateNotice */.ru)(source);
        out.findings.push(...(tpl ? [tpl] : loaded.findings));
        return out;
    }
    out.findings.push(...loaded.findings);
    out.duplicates = loaded.duplicates;
    const root = loaded.root;
    if (!(0,ast/* isMap */.jh)(root)) {
        const pos = root ? source.lines.position(root.range[0]) : { line: 1, column: 1 };
        out.findings.push((0,checks_findings/* finding */.gk)(source.file, pos, 'error', 'taskdef/not-an-object', 'a task definition is an object: {"family": ..., "containerDefinitions": [...]}'));
        return out;
    }
    const inner = (0,ast/* get */.Jt)(root, 'taskDefinition');
    if ((0,ast/* isMap */.jh)(inner) && !(0,ast/* getPair */.xf)(root, 'containerDefinitions')) {
        out.wrapped = true;
        out.root = inner;
        const tags = (0,ast/* get */.Jt)(root, 'tags');
        if (tags)
            out.outerTags = tags;
        for (const p of root.pairs) {
            const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
            if (k !== 'taskDefinition' && k !== 'tags') {
                out.findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(p.key.range[0]), 'warning', 'taskdef/unknown-key', `"${k}" beside "taskDefinition" in describe-task-definition output is ignored`));
            }
        }
    }
    else
        out.root = root;
    for (const p of out.root.pairs) {
        const k = p.key.kind === 'scalar' ? String(p.key.value) : '';
        if (schema/* READ_ONLY_FIELDS */.O6.includes(k))
            out.readOnlyFields.push(k);
    }
    return out;
}
/** The plain task definition object (describe output unwrapped, its outer `tags` moved in). */
function taskDefObject(parsed) {
    if (!parsed.root)
        return undefined;
    const o = (0,ast/* toJS */.HO)(parsed.root);
    if (parsed.outerTags && !('tags' in o)) {
        const tags = (0,ast/* toJS */.HO)(parsed.outerTags);
        if (Array.isArray(tags) && tags.length > 0)
            o.tags = tags;
    }
    return o;
}

;// CONCATENATED MODULE: ./src/checks/taskdef/fargate.ts
/**
 * Fargate task sizes. Source: ECS API reference, RegisterTaskDefinition `memory` member, and the
 * ECS Developer Guide "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"
 * (RegisterTaskDefinition answers "Invalid 'cpu' setting for task" / "No Fargate configuration
 * exists for given values"). 8 and 16 vCPU need Linux platform version 1.4.0 or later.
 */
const FARGATE_SIZES = [
    { cpu: 256, from: 512, to: 2048, step: 512, only: [512, 1024, 2048] },
    { cpu: 512, from: 1024, to: 4096, step: 1024 },
    { cpu: 1024, from: 2048, to: 8192, step: 1024 },
    { cpu: 2048, from: 4096, to: 16384, step: 1024 },
    { cpu: 4096, from: 8192, to: 30720, step: 1024 },
    { cpu: 8192, from: 16384, to: 61440, step: 4096 },
    { cpu: 16384, from: 32768, to: 122880, step: 8192 },
];
/** A whole number, or a string of one, or of a number with the large unit (1024 of the small one). */
function wholeUnits(v, withLargeUnit) {
    if (typeof v === 'number')
        return Number.isInteger(v) ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const m = withLargeUnit.exec(v);
    if (!m)
        return undefined;
    const n = m[2] ? Number(m[1]) * 1024 : Number(m[1]);
    return Number.isInteger(n) ? n : undefined;
}
/** "256", 256, "0.25 vCPU", "1 vcpu" -> CPU units; undefined when unreadable. */
function cpuUnits(v) {
    return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i);
}
/** "512", 512, "1GB", "1 GB" -> MiB; undefined when unreadable. */
function memoryMiB(v) {
    return wholeUnits(v, /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i);
}
function memoryChoices(row) {
    if (row.only)
        return [...row.only];
    const out = [];
    for (let m = row.from; m <= row.to; m += row.step)
        out.push(m);
    return out;
}
function gb(mib) {
    return `${mib / 1024} GB`;
}
/** Undefined when the pair is valid on Fargate, else a one-line reason with what to write instead. */
function fargateSizeProblem(cpu, memory) {
    const row = FARGATE_SIZES.find((r) => r.cpu === cpu);
    if (!row) {
        return `cpu ${cpu} is not a Fargate task size: use one of ${FARGATE_SIZES.map((r) => r.cpu).join(', ')}`;
    }
    const choices = memoryChoices(row);
    if (choices.includes(memory))
        return undefined;
    const range = row.only ? choices.join(', ') : `${row.from} to ${row.to} in steps of ${row.step} (${gb(row.from)} to ${gb(row.to)})`;
    const cpus = FARGATE_SIZES.filter((r) => memoryChoices(r).includes(memory)).map((r) => r.cpu);
    const alt = cpus.length ? `; memory ${memory} goes with cpu ${cpus.join(' or ')}` : '';
    return `memory ${memory} does not go with cpu ${cpu} on Fargate: use ${range}${alt}`;
}

;// CONCATENATED MODULE: ./src/checks/taskdef/secret-ref.ts
/**
 * `secrets[].valueFrom` forms ECS accepts (ECS API `Secret` object; CONFIG-FACTS A2):
 * - an SSM parameter name (`apikey`) or path (`/datadog/apikey`), same Region as the task only;
 * - an SSM parameter ARN `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` (`parameter/` then the name
 *   without its leading slash);
 * - a Secrets Manager ARN `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-6RANDOM`, optionally
 *   followed by `:json-key:version-stage:version-id` (all three fields, any may be empty:
 *   `...:secret:db-AbCdEf:password::`), which needs Fargate platform 1.4.0 or later.
 * SSM names: letters, digits, `_.-` and `/` between hierarchy levels, at most 15 levels.
 */
const PARTITION = '(aws|aws-cn|aws-us-gov)';
const SSM_ARN = new RegExp(`^arn:${PARTITION}:ssm:([a-z0-9-]+):(\\d{12}):parameter(/.*)$`);
const SM_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:([a-z0-9-]+):(\\d{12}):secret:([^:]*)((?::[^:]*)*)$`);
const SSM_NAME = /^\/?[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
function ssmNameProblem(name) {
    if (!SSM_NAME.test(name))
        return 'an SSM parameter name has only letters, digits, "_", ".", "-" and "/" between levels';
    if (name.includes('/') && !name.startsWith('/'))
        return `an SSM parameter path begins with "/": write "/${name}"`;
    if (name.split('/').filter(Boolean).length > 15)
        return 'an SSM parameter path has at most 15 levels';
    if (name.length > 1011)
        return 'an SSM parameter name is at most 1011 characters';
    return undefined;
}
function checkSecretRef(value) {
    if (value === '')
        return { ok: false, problem: 'it is empty' };
    if (value.trim() !== value)
        return { ok: false, problem: 'it has surrounding spaces' };
    if (value.startsWith('arn:')) {
        const ssm = SSM_ARN.exec(value);
        if (ssm) {
            const rest = ssm[4]; // "/name" or "//name"
            const name = rest.slice(1);
            if (name.startsWith('/'))
                return { ok: false, problem: `the ARN has "parameter//": write "parameter/${name.replace(/^\/+/, '')}" (no slash of its own after "parameter/")` };
            const p = ssmNameProblem(`/${name}`);
            if (p || name === '')
                return { ok: false, problem: p ?? 'the parameter name is missing after "parameter/"' };
            return { ok: true, kind: 'ssm-arn', region: ssm[2], account: ssm[3] };
        }
        const sm = SM_ARN.exec(value);
        if (sm) {
            const name = sm[4];
            const extra = sm[5].split(':').slice(1);
            if (!/^[A-Za-z0-9/_+=.@-]+$/.test(name))
                return { ok: false, problem: 'the secret name after "secret:" is missing or has characters Secrets Manager does not allow' };
            if (extra.length !== 0 && extra.length !== 3) {
                const [key = '', stage = '', id = ''] = extra;
                return {
                    ok: false,
                    problem: `after the secret name ECS expects exactly ":json-key:version-stage:version-id" (empty fields allowed): write "...:secret:${name}:${key}:${stage}:${id}"`,
                };
            }
            return { ok: true, kind: 'secretsmanager-arn', region: sm[2], account: sm[3] };
        }
        if (/^arn:[^:]*:ssm:/.test(value) || /^arn:[^:]*:secretsmanager:/.test(value)) {
            return {
                ok: false,
                problem: 'it is not a well-formed ARN: write arn:aws:ssm:REGION:ACCOUNT:parameter/NAME or arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf',
            };
        }
        const svc = value.split(':')[2] ?? '';
        return { ok: false, problem: `ECS secrets come from SSM Parameter Store or Secrets Manager, not from "${svc}"` };
    }
    const p = ssmNameProblem(value);
    if (p)
        return { ok: false, problem: `${p}; a Secrets Manager secret needs its full ARN` };
    return { ok: true, kind: 'ssm-name' };
}

;// CONCATENATED MODULE: ./src/checks/taskdef/rules.ts
/**
 * What RegisterTaskDefinition or the first task launch would reject, and what would put a secret in
 * plain sight, checked on the tree so each finding points at its line. The shape (types, enums,
 * unknown members) is check-shape.ts; this file is the meaning.
 */





/** `family` and container names: up to 255 letters, digits, hyphens and underscores (ECS API). */
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** A Datadog API key is 32 hex characters (CONFIG-FACTS part E: a secret in plain sight). */
const DD_KEY_VALUE = /^[0-9a-f]{32}$/i;
const SECRET_NAME = /(?:API_?KEY|APP_?KEY|PASSWORD|PASSWD|TOKEN|SECRET|SECRET_?KEY|ACCESS_?KEY|PRIVATE_?KEY)$/i;
/** Values that refer to a secret rather than hold one. */
const REFERENCE = /^(?:ENC\[.*\]|.*%%env_[A-Za-z0-9_]+%%.*|\$\{[^}]+\}|<[^>]*>)$/;
/** Fargate log drivers (ECS Developer Guide, "Fargate task definitions": awslogs, splunk, awsfirelens). */
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
/**
 * A plain environment value that should have been a secret: the Datadog API key (by name, or a
 * 32-hex value: error) or a credential-like name with a literal value (warning). References such
 * as `ENC[...]` and `%%env_X%%` are not secrets.
 */
function plainSecretKind(name, value) {
    if (value === '' || REFERENCE.test(value))
        return undefined;
    if (name === 'DD_API_KEY' || DD_KEY_VALUE.test(value))
        return 'api-key';
    if (SECRET_NAME.test(name))
        return 'credential';
    return undefined;
}
function isImagePlaceholder(image) {
    if (image === undefined || image === null)
        return true;
    if (typeof image !== 'string')
        return false;
    const s = image.trim();
    return s === '' || /^<[^>]*>$/.test(s) || /^\$\{[^}]*\}$/.test(s) || /^\{\{[^}]*\}\}$/.test(s) || /^__[A-Za-z0-9_]+__$/.test(s) || /placeholder/i.test(s);
}
const strOf = (n) => ((0,ast/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined);
const scalarOf = (n) => ((0,ast/* isScalar */.jn)(n) ? n.value : undefined);
const mapsOf = (n) => ((0,ast/* isSeq */.oP)(n) ? n.items.filter(ast/* isMap */.jh) : []);
function checkRules(input) {
    const { source, root, service } = input;
    const out = [];
    const add = (node, severity, code, message) => {
        out.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(node.range[0]), severity, code, message));
    };
    const keyOf = (map, key) => (0,ast/* getPair */.xf)(map, key)?.key ?? map;
    const family = (0,ast/* get */.Jt)(root, 'family');
    const fam = strOf(family);
    if (family && fam !== undefined && !NAME.test(fam)) {
        add(family, 'error', 'taskdef/invalid-name', `family "${fam}" may hold only letters, digits, "-" and "_" (up to 255)`);
    }
    const comps = (0,ast/* get */.Jt)(root, 'requiresCompatibilities');
    const compatList = (0,ast/* isSeq */.oP)(comps) ? comps.items.map((n) => scalarOf(n)) : [];
    const fargate = compatList.includes('FARGATE');
    if (!(0,ast/* getPair */.xf)(root, 'requiresCompatibilities')) {
        add(root, 'error', 'taskdef/no-requires-compatibilities', 'requiresCompatibilities is not set, so a Fargate service refuses this task definition: add "requiresCompatibilities": ["FARGATE"]');
    }
    const networkMode = (0,ast/* get */.Jt)(root, 'networkMode');
    const awsvpc = scalarOf(networkMode) === 'awsvpc';
    if (fargate && !awsvpc) {
        if (networkMode && scalarOf(networkMode) !== null)
            add(networkMode, 'error', 'taskdef/fargate-network-mode', `Fargate supports only networkMode "awsvpc", not "${String(scalarOf(networkMode))}"`);
        else
            add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-network-mode', 'Fargate needs "networkMode": "awsvpc"');
    }
    // Task size.
    const cpuNode = (0,ast/* get */.Jt)(root, 'cpu');
    const memNode = (0,ast/* get */.Jt)(root, 'memory');
    const cpu = cpuNode ? cpuUnits(scalarOf(cpuNode)) : undefined;
    const mem = memNode ? memoryMiB(scalarOf(memNode)) : undefined;
    if (cpuNode && scalarOf(cpuNode) !== null && cpu === undefined) {
        add(cpuNode, 'error', 'taskdef/invalid-size', 'cpu must be CPU units ("256") or vCPUs ("0.25 vCPU")');
    }
    if (memNode && scalarOf(memNode) !== null && mem === undefined) {
        add(memNode, 'error', 'taskdef/invalid-size', 'memory must be MiB ("512") or GB ("0.5 GB")');
    }
    if (fargate) {
        if (!cpuNode || !memNode) {
            add(keyOf(root, 'requiresCompatibilities'), 'error', 'taskdef/fargate-size', `Fargate needs task-level ${!cpuNode && !memNode ? '"cpu" and "memory"' : !cpuNode ? '"cpu"' : '"memory"'}, e.g. "cpu": "256", "memory": "512"`);
        }
        else if (cpu !== undefined && mem !== undefined) {
            const problem = fargateSizeProblem(cpu, mem);
            if (problem)
                add(memNode, 'error', 'taskdef/fargate-size', problem);
        }
    }
    // Roles.
    const execNode = (0,ast/* get */.Jt)(root, 'executionRoleArn');
    const exec = strOf(execNode);
    if (execNode && exec !== undefined && !ROLE_ARN.test(exec)) {
        add(execNode, 'error', 'taskdef/invalid-role-arn', 'executionRoleArn must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME');
    }
    const taskRoleNode = (0,ast/* get */.Jt)(root, 'taskRoleArn');
    const taskRole = strOf(taskRoleNode);
    if (taskRoleNode && taskRole !== undefined && !ROLE_ARN.test(taskRole) && !ROLE_NAME.test(taskRole)) {
        add(taskRoleNode, 'error', 'taskdef/invalid-role-arn', 'taskRoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) or a role name');
    }
    if (fargate) {
        const pid = (0,ast/* get */.Jt)(root, 'pidMode');
        if (scalarOf(pid) === 'host')
            add(pid, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support pidMode "host": use "task" or leave it out');
        const ipc = (0,ast/* get */.Jt)(root, 'ipcMode');
        if (ipc && scalarOf(ipc) !== null)
            add(ipc, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support ipcMode: leave it out');
        for (const v of mapsOf((0,ast/* get */.Jt)(root, 'volumes'))) {
            const dv = (0,ast/* getPair */.xf)(v, 'dockerVolumeConfiguration');
            if (dv)
                add(dv.key, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support dockerVolumeConfiguration: use a bind mount (no "host") or EFS');
            const host = (0,ast/* get */.Jt)(v, 'host');
            if ((0,ast/* isMap */.jh)(host) && strOf((0,ast/* get */.Jt)(host, 'sourcePath')))
                add(host, 'error', 'taskdef/fargate-unsupported', 'Fargate does not support host.sourcePath: leave "host" out for an ephemeral bind mount');
        }
    }
    // Containers.
    const defsNode = (0,ast/* get */.Jt)(root, 'containerDefinitions');
    const defs = mapsOf(defsNode);
    if ((0,ast/* isSeq */.oP)(defsNode) && defsNode.items.length === 0) {
        add(defsNode, 'error', 'taskdef/missing-field', 'containerDefinitions is empty: a task definition needs at least one container');
    }
    const names = defs.map((c) => strOf((0,ast/* get */.Jt)(c, 'name'))).filter((n) => n !== undefined);
    const volumeNames = new Set(mapsOf((0,ast/* get */.Jt)(root, 'volumes')).map((v) => strOf((0,ast/* get */.Jt)(v, 'name'))).filter(Boolean));
    const mapped = new Set(Object.keys(service?.containers ?? {}));
    const serviceSecretNames = new Set(Object.keys(service?.secrets ?? {}));
    const seenNames = new Map();
    let anyEssential = false;
    let anySecret = serviceSecretNames.size > 0 && mapped.size > 0;
    let anyAwslogs = false;
    let cpuSum = 0;
    for (const c of defs) {
        const nameNode = (0,ast/* get */.Jt)(c, 'name');
        const name = strOf(nameNode);
        const label = name ? `container "${name}"` : 'a container';
        if (!name) {
            add(nameNode ?? c, 'error', 'taskdef/missing-field', 'every container definition needs a "name"');
        }
        else {
            if (!NAME.test(name))
                add(nameNode, 'error', 'taskdef/invalid-name', `container name "${name}" may hold only letters, digits, "-" and "_" (up to 255)`);
            const prev = seenNames.get(name);
            if (prev)
                add(nameNode, 'error', 'taskdef/duplicate-container', `container name "${name}" is used twice (line ${source.lines.position(prev.range[0]).line}): names must be unique`);
            else
                seenNames.set(name, nameNode);
        }
        const isMapped = name !== undefined && mapped.has(name);
        // Image.
        const imageNode = (0,ast/* get */.Jt)(c, 'image');
        const image = scalarOf(imageNode);
        if (service) {
            if (isMapped && !isImagePlaceholder(image) && imageNode) {
                add(imageNode, 'notice', 'taskdef/image-replaced', `${label}'s image is replaced at deploy by the image built for "${service.containers[name]}"; write a placeholder like "<${service.containers[name]}>" to make that plain`);
            }
            else if (!isMapped && isImagePlaceholder(image)) {
                const hint = name ? (0,suggest/* didYouMean */.au)(name, [...mapped].filter((m) => !names.includes(m))) : '';
                const msg = imageNode && image !== null
                    ? `${label} has the placeholder image "${String(image)}", but services.${service.key}.containers maps no image to it: map it (${name ?? 'NAME'}: IMAGE_KEY) or write a real image${hint}`
                    : `${label} has no image and services.${service.key}.containers maps none to it: add "image" or map it${hint}`;
                add(imageNode ?? nameNode ?? c, 'error', 'taskdef/image-missing', msg);
            }
        }
        else if (!imageNode || scalarOf(imageNode) === null || image === '') {
            add(nameNode ?? c, 'notice', 'taskdef/image-missing', `${label} has no image: registering fails unless the project maps a built image to it`);
        }
        // Essential, dependencies, volumes.
        const essential = scalarOf((0,ast/* get */.Jt)(c, 'essential'));
        if (essential !== false)
            anyEssential = true;
        for (const d of mapsOf((0,ast/* get */.Jt)(c, 'dependsOn'))) {
            const dn = (0,ast/* get */.Jt)(d, 'containerName');
            const target = strOf(dn);
            if (dn && target !== undefined && !names.includes(target)) {
                add(dn, 'error', 'taskdef/unknown-container', `dependsOn names container "${target}", which this task definition does not define${(0,suggest/* didYouMean */.au)(target, names)}`);
            }
            else if (target !== undefined && target === name) {
                add(dn, 'error', 'taskdef/unknown-container', `${label} cannot depend on itself`);
            }
        }
        for (const v of mapsOf((0,ast/* get */.Jt)(c, 'volumesFrom'))) {
            const sc = (0,ast/* get */.Jt)(v, 'sourceContainer');
            const target = strOf(sc);
            if (sc && target !== undefined && !names.includes(target)) {
                add(sc, 'error', 'taskdef/unknown-container', `volumesFrom names container "${target}", which this task definition does not define${(0,suggest/* didYouMean */.au)(target, names)}`);
            }
        }
        for (const m of mapsOf((0,ast/* get */.Jt)(c, 'mountPoints'))) {
            const sv = (0,ast/* get */.Jt)(m, 'sourceVolume');
            const vol = strOf(sv);
            if (sv && vol !== undefined && !volumeNames.has(vol)) {
                add(sv, 'error', 'taskdef/unknown-volume', `mountPoints names volume "${vol}", which "volumes" does not define${(0,suggest/* didYouMean */.au)(vol, [...volumeNames])}`);
            }
        }
        // Ports and links under awsvpc (ECS: "host ports and container ports in port mappings must match").
        if (awsvpc) {
            for (const pm of mapsOf((0,ast/* get */.Jt)(c, 'portMappings'))) {
                const hp = (0,ast/* get */.Jt)(pm, 'hostPort');
                const cp = scalarOf((0,ast/* get */.Jt)(pm, 'containerPort'));
                const h = scalarOf(hp);
                if (hp && typeof h === 'number' && typeof cp === 'number' && h !== cp) {
                    add(hp, 'error', 'taskdef/awsvpc-host-port', `with networkMode "awsvpc" hostPort must equal containerPort (${cp}) or be left out`);
                }
            }
            const links = (0,ast/* getPair */.xf)(c, 'links');
            if (links && (0,ast/* isSeq */.oP)(links.value) && links.value.items.length)
                add(links.key, 'error', 'taskdef/awsvpc-links', 'links are not supported with networkMode "awsvpc": containers of a task reach each other on localhost');
        }
        // Sizes.
        const cCpu = scalarOf((0,ast/* get */.Jt)(c, 'cpu'));
        if (typeof cCpu === 'number')
            cpuSum += cCpu;
        for (const k of ['memory', 'memoryReservation']) {
            const n = (0,ast/* get */.Jt)(c, k);
            const v = scalarOf(n);
            if (n && typeof v === 'number' && mem !== undefined && v > mem) {
                add(n, 'error', 'taskdef/container-size', `${label}'s ${k} ${v} MiB is more than the task's memory ${mem} MiB`);
            }
        }
        if (!fargate && mem === undefined && !(0,ast/* getPair */.xf)(c, 'memory') && !(0,ast/* getPair */.xf)(c, 'memoryReservation') && compatList.includes('EC2')) {
            add(nameNode ?? c, 'error', 'taskdef/container-size', `${label} needs "memory" or "memoryReservation" when the task sets no memory`);
        }
        if (fargate && scalarOf((0,ast/* get */.Jt)(c, 'privileged')) === true) {
            add((0,ast/* getPair */.xf)(c, 'privileged')?.key, 'error', 'taskdef/fargate-unsupported', `${label}: Fargate does not run privileged containers`);
        }
        // Logging.
        const log = (0,ast/* get */.Jt)(c, 'logConfiguration');
        if ((0,ast/* isMap */.jh)(log)) {
            const driverNode = (0,ast/* get */.Jt)(log, 'logDriver');
            const driver = strOf(driverNode);
            if (driver === 'awslogs')
                anyAwslogs = true;
            if (fargate && driver !== undefined && driverNode && !FARGATE_LOG_DRIVERS.includes(driver)) {
                add(driverNode, 'error', 'taskdef/fargate-log-driver', `Fargate supports the log drivers ${FARGATE_LOG_DRIVERS.join(', ')}, not "${driver}"`);
            }
            for (const s of mapsOf((0,ast/* get */.Jt)(log, 'secretOptions'))) {
                anySecret = true;
                checkValueFrom(s, add);
            }
            plainSecrets((0,ast/* get */.Jt)(log, 'options'), `${label}'s logConfiguration.options`, add);
        }
        const fl = (0,ast/* get */.Jt)(c, 'firelensConfiguration');
        if ((0,ast/* isMap */.jh)(fl))
            plainSecrets((0,ast/* get */.Jt)(fl, 'options'), `${label}'s firelensConfiguration.options`, add);
        if ((0,ast/* getPair */.xf)(c, 'repositoryCredentials'))
            anySecret = true;
        // Environment and secrets.
        const secretNames = new Map();
        for (const s of mapsOf((0,ast/* get */.Jt)(c, 'secrets'))) {
            anySecret = true;
            checkValueFrom(s, add);
            const sn = strOf((0,ast/* get */.Jt)(s, 'name'));
            if (sn !== undefined) {
                if (secretNames.has(sn))
                    add((0,ast/* get */.Jt)(s, 'name'), 'warning', 'taskdef/duplicate-env', `${label} lists secret ${sn} twice: the container gets only one`);
                secretNames.set(sn, (0,ast/* get */.Jt)(s, 'name'));
            }
        }
        const envNames = new Set();
        for (const e of mapsOf((0,ast/* get */.Jt)(c, 'environment'))) {
            const nNode = (0,ast/* get */.Jt)(e, 'name');
            const en = strOf(nNode);
            const vNode = (0,ast/* get */.Jt)(e, 'value');
            const value = scalarOf(vNode);
            if (en === undefined || !nNode)
                continue;
            if (envNames.has(en))
                add(nNode, 'warning', 'taskdef/duplicate-env', `${label} sets ${en} twice in "environment": the container gets only one value`);
            envNames.add(en);
            const fromService = isMapped && serviceSecretNames.has(en);
            if (secretNames.has(en) || fromService) {
                add(nNode, 'error', 'taskdef/secret-and-environment', `${label} sets ${en} both as a plain "environment" value and as a secret${fromService ? ` (services.${service?.key}.secrets)` : ''}: remove the plain value`);
                continue;
            }
            const v = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
            const kind = plainSecretKind(en, v);
            if (kind === 'api-key') {
                add(vNode ?? nNode, 'error', 'taskdef/secret-in-environment', `${label}: ${en} holds ${en === 'DD_API_KEY' ? 'the Datadog API key' : 'what looks like a Datadog API key'} as a plain environment value; move it to "secrets" with valueFrom an SSM parameter (e.g. /datadog/apikey)`);
            }
            else if (kind === 'credential') {
                add(vNode ?? nNode, 'warning', 'taskdef/secret-like-environment', `${label}: ${en} looks like a credential set as a plain environment value; move it to "secrets"`);
            }
        }
    }
    if (defs.length && !anyEssential) {
        add(defsNode, 'error', 'taskdef/no-essential-container', 'every container has "essential": false; a task needs at least one essential container');
    }
    if (fargate && cpu !== undefined && cpuSum > cpu) {
        add(cpuNode, 'error', 'taskdef/container-size', `the containers' cpu adds up to ${cpuSum}, more than the task's cpu ${cpu}`);
    }
    if (!exec) {
        const why = anySecret
            ? 'containers take "secrets" (or private registry credentials), which ECS fetches with the execution role'
            : fargate && mapped.size > 0
                ? 'Fargate pulls the built images from private ECR with the execution role'
                : fargate && anyAwslogs
                    ? 'Fargate sends awslogs logs with the execution role'
                    : undefined;
        if (why)
            add(execNode ?? root, 'error', 'taskdef/execution-role-missing', `no executionRoleArn, but ${why}: add "executionRoleArn": "arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole"`);
    }
    return out;
}
function checkValueFrom(s, add) {
    const vNode = (0,ast/* get */.Jt)(s, 'valueFrom');
    const v = strOf(vNode);
    if (!vNode || v === undefined)
        return;
    const r = checkSecretRef(v);
    if (!r.ok)
        add(vNode, 'error', 'taskdef/secret-value-from', `secret ${strOf((0,ast/* get */.Jt)(s, 'name')) ?? ''} valueFrom is not usable: ${r.problem}`);
}
/** Option maps (log drivers, FireLens) sometimes carry an API key: flag a literal one. */
function plainSecrets(node, where, add) {
    if (!(0,ast/* isMap */.jh)(node))
        return;
    for (const p of node.pairs) {
        const k = (0,ast/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
        const v = scalarOf(p.value);
        if (typeof v !== 'string' || v === '' || REFERENCE.test(v))
            continue;
        if (DD_KEY_VALUE.test(v) || /^(?:api_?key|apikey|dd_api_key)$/i.test(k)) {
            add(p.value, 'error', 'taskdef/secret-in-environment', `${where} hold ${k} as plain text: pass it through logConfiguration.secretOptions from SSM or Secrets Manager`);
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/taskdef/index.ts
/**
 * Task definition checker: public API. A template is JSON or YAML, a RegisterTaskDefinition
 * request or pasted `describe-task-definition` output (its read-only members noted). Findings use
 * codes `taskdef/*` (and `json/*`, `yaml/*` for syntax).
 */










/** Parse only: the plain task definition (describe output unwrapped), syntax findings, read-only members present. */
function parseTaskDefinition(source) {
    const parsed = parseTaskDefinitionTree(source);
    const taskDef = taskDefObject(parsed);
    return { ...(taskDef ? { taskDef } : {}), findings: parsed.findings, readOnlyFields: parsed.readOnlyFields };
}
/**
 * Everything about one task definition file. With `service`, the containers it maps get their
 * images (and its secrets/environment) at deploy, which changes what is missing and what clashes.
 */
function checkTaskDefinition(source, opts) {
    const parsed = parseTaskDefinitionTree(source);
    const findings = [...parsed.findings];
    const root = parsed.root;
    if (!root)
        return { findings };
    for (const p of root.pairs) {
        const k = (0,ast/* keyName */.xT)(p);
        if (schema/* READ_ONLY_FIELDS */.O6.includes(k)) {
            findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(p.key.range[0]), 'notice', 'taskdef/read-only-field', `"${k}" is describe-task-definition output that RegisterTaskDefinition rejects; the deploy drops it (you can delete it)`));
        }
    }
    for (const d of parsed.duplicates) {
        findings.push((0,checks_findings/* finding */.gk)(source.file, source.lines.position(d.dup.key.range[0]), 'warning', 'taskdef/duplicate-key', `"${d.key}" appears twice${d.path ? ` in ${d.path}` : ''} (first on line ${source.lines.position(d.first.key.range[0]).line}): the last one wins`));
    }
    findings.push(...checkShape(source, root, schema/* TASK_DEFINITION */.ML, new Set(schema/* READ_ONLY_FIELDS */.O6)));
    findings.push(...checkRules({ source, root, ...(opts.service ? { service: opts.service } : {}) }));
    const taskDef = taskDefObject(parsed);
    return { findings, ...(taskDef ? { taskDef } : {}) };
}
/** The objects of a JSON array (anything else: none). */
const records = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
/**
 * The environment a container gets: its `environment` and `secrets` names, plus the project's
 * `secrets`/`environment` when the service maps an image to this container (the deploy renders
 * them there). `environmentFiles` make the set open: a missing name is then not certain.
 */
function containerEnv(taskDef, containerName, service) {
    const names = new Set();
    const secretNames = new Set();
    let open = false;
    const c = records(taskDef.containerDefinitions).find((d) => d.name === containerName);
    if (c) {
        for (const e of records(c.environment))
            if (typeof e.name === 'string')
                names.add(e.name);
        for (const s of records(c.secrets)) {
            if (typeof s.name === 'string') {
                names.add(s.name);
                secretNames.add(s.name);
            }
        }
        open = records(c.environmentFiles).length > 0;
    }
    if (service && containerName in service.containers) {
        for (const n of Object.keys(service.environment))
            names.add(n);
        for (const n of Object.keys(service.secrets)) {
            names.add(n);
            secretNames.add(n);
        }
    }
    const file = service?.taskDefinition ?? '';
    return { names, secretNames, open, where: `container "${containerName}"${file ? ` in ${file}` : ''}`, taskDefinitionFile: file };
}


/***/ }),

/***/ 9279:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ TASK_DEFINITION),
/* harmony export */   O6: () => (/* binding */ READ_ONLY_FIELDS)
/* harmony export */ });
/* unused harmony exports NETWORK_MODES, COMPATIBILITIES, LOG_DRIVERS */
/**
 * The RegisterTaskDefinition request shape, from the SDK's own model (@aws-sdk/client-ecs 3.1164,
 * dist-types/models: RegisterTaskDefinitionRequest, ContainerDefinition and what they reference)
 * and the ECS API reference "RegisterTaskDefinition - Request Syntax". Enum values are the SDK's.
 */
const S = 'string';
const I = 'int';
const B = 'bool';
const list = (shape) => ({ list: shape });
const obj = (fields) => ({ obj: fields });
const oneOf = (...values) => ({ enum: values });
const req = (shape) => ({ shape, required: true });
const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'];
const COMPATIBILITIES = ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES'];
const LOG_DRIVERS = ['awsfirelens', 'awslogs', 'fluentd', 'gelf', 'journald', 'json-file', 'splunk', 'syslog'];
const keyValue = obj({ name: S, value: S });
const secret = obj({ name: req(S), valueFrom: req(S) });
const containerDefinition = {
    name: S,
    image: S,
    repositoryCredentials: obj({ credentialsParameter: req(S) }),
    cpu: I,
    memory: I,
    memoryReservation: I,
    links: list(S),
    portMappings: list(obj({
        containerPort: I,
        hostPort: I,
        protocol: oneOf('tcp', 'udp'),
        name: S,
        appProtocol: oneOf('grpc', 'http', 'http2'),
        containerPortRange: S,
    })),
    essential: B,
    restartPolicy: obj({ enabled: req(B), ignoredExitCodes: list(I), restartAttemptPeriod: I }),
    entryPoint: list(S),
    command: list(S),
    environment: list(keyValue),
    environmentFiles: list(obj({ value: req(S), type: req(oneOf('s3')) })),
    mountPoints: list(obj({ sourceVolume: S, containerPath: S, readOnly: B })),
    volumesFrom: list(obj({ sourceContainer: S, readOnly: B })),
    linuxParameters: obj({
        capabilities: obj({ add: list(S), drop: list(S) }),
        devices: list(obj({ hostPath: req(S), containerPath: S, permissions: list(oneOf('mknod', 'read', 'write')) })),
        initProcessEnabled: B,
        sharedMemorySize: I,
        tmpfs: list(obj({ containerPath: req(S), size: req(I), mountOptions: list(S) })),
        maxSwap: I,
        swappiness: I,
    }),
    secrets: list(secret),
    dependsOn: list(obj({ containerName: req(S), condition: req(oneOf('COMPLETE', 'HEALTHY', 'START', 'SUCCESS')) })),
    startTimeout: I,
    stopTimeout: I,
    versionConsistency: oneOf('disabled', 'enabled'),
    hostname: S,
    user: S,
    workingDirectory: S,
    disableNetworking: B,
    privileged: B,
    readonlyRootFilesystem: B,
    dnsServers: list(S),
    dnsSearchDomains: list(S),
    extraHosts: list(obj({ hostname: req(S), ipAddress: req(S) })),
    dockerSecurityOptions: list(S),
    interactive: B,
    pseudoTerminal: B,
    dockerLabels: 'stringMap',
    ulimits: list(obj({
        name: req(oneOf('core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack')),
        softLimit: req(I),
        hardLimit: req(I),
    })),
    logConfiguration: obj({ logDriver: req(oneOf(...LOG_DRIVERS)), options: 'stringMap', secretOptions: list(secret) }),
    healthCheck: obj({ command: req(list(S)), interval: I, timeout: I, retries: I, startPeriod: I }),
    systemControls: list(obj({ namespace: S, value: S })),
    resourceRequirements: list(obj({ value: S, type: req(oneOf('GPU', 'InferenceAccelerator')), sharingStrategy: oneOf('none', 'shared') })),
    firelensConfiguration: obj({ type: req(oneOf('fluentbit', 'fluentd')), options: 'stringMap' }),
    credentialSpecs: list(S),
};
const volume = {
    name: S,
    host: obj({ sourcePath: S }),
    dockerVolumeConfiguration: obj({ scope: oneOf('task', 'shared'), autoprovision: B, driver: S, driverOpts: 'stringMap', labels: 'stringMap' }),
    efsVolumeConfiguration: obj({
        fileSystemId: req(S),
        rootDirectory: S,
        transitEncryption: oneOf('ENABLED', 'DISABLED'),
        transitEncryptionPort: I,
        authorizationConfig: obj({ accessPointId: S, iam: oneOf('ENABLED', 'DISABLED') }),
    }),
    s3filesVolumeConfiguration: obj({ fileSystemArn: req(S), rootDirectory: S, transitEncryptionPort: I, accessPointArn: S }),
    fsxWindowsFileServerVolumeConfiguration: obj({
        fileSystemId: req(S),
        rootDirectory: req(S),
        authorizationConfig: req(obj({ credentialsParameter: req(S), domain: req(S) })),
    }),
    configuredAtLaunch: B,
};
/** RegisterTaskDefinitionRequest. */
const TASK_DEFINITION = {
    family: req(S),
    taskRoleArn: S,
    executionRoleArn: S,
    networkMode: oneOf(...NETWORK_MODES),
    containerDefinitions: req(list(obj(containerDefinition))),
    volumes: list(obj(volume)),
    placementConstraints: list(obj({ type: oneOf('memberOf'), expression: S })),
    requiresCompatibilities: list(oneOf(...COMPATIBILITIES)),
    // Task-level cpu and memory are strings in the API ("256", "1 vCPU", "2 GB").
    cpu: 'size',
    memory: 'size',
    tags: list(obj({ key: S, value: S })),
    pidMode: oneOf('host', 'task'),
    ipcMode: oneOf('host', 'none', 'task'),
    proxyConfiguration: obj({ type: oneOf('APPMESH'), containerName: req(S), properties: list(keyValue) }),
    inferenceAccelerators: list(obj({ deviceName: req(S), deviceType: req(S) })),
    ephemeralStorage: obj({ sizeInGiB: req(I) }),
    runtimePlatform: obj({
        cpuArchitecture: oneOf('ARM64', 'X86_64'),
        operatingSystemFamily: oneOf('LINUX', 'WINDOWS_SERVER_2004_CORE', 'WINDOWS_SERVER_2016_FULL', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2022_CORE', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2025_CORE', 'WINDOWS_SERVER_2025_FULL', 'WINDOWS_SERVER_20H2_CORE'),
    }),
    enableFaultInjection: B,
};
/**
 * Members only DescribeTaskDefinition returns (the SDK's TaskDefinition minus the request):
 * RegisterTaskDefinition rejects them ("Unexpected key"); the deploy strips them.
 */
const READ_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];


/***/ }),

/***/ 6353:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HO: () => (/* binding */ toJS),
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   P5: () => (/* binding */ setOwn),
/* harmony export */   go: () => (/* binding */ typeName),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   oP: () => (/* binding */ isSeq),
/* harmony export */   xT: () => (/* binding */ keyName),
/* harmony export */   xf: () => (/* binding */ getPair)
/* harmony export */ });
/**
 * The one YAML tree every checker walks: maps, sequences and already-resolved scalars, each with
 * its source range, so a finding can point at the exact key or value.
 */
function isMap(n) {
    return n?.kind === 'map';
}
function isSeq(n) {
    return n?.kind === 'seq';
}
function isScalar(n) {
    return n?.kind === 'scalar';
}
/** The key of a pair as a string, the way Go and Python map keys compare (`1` and `"1"` differ in type, not here). */
function keyName(pair) {
    return pair.key.kind === 'scalar' ? String(pair.key.value) : '<complex key>';
}
/** The last pair with this key (YAML loaders keep the last duplicate). */
function getPair(map, key) {
    for (let i = map.pairs.length - 1; i >= 0; i--) {
        const p = map.pairs[i];
        if (p.key.kind !== 'scalar')
            continue;
        const v = p.key.value;
        // Most keys are strings: compare them without building a new string per lookup.
        if (typeof v === 'string' ? v === key : String(v) === key)
            return p;
    }
    return undefined;
}
function get(map, key) {
    return getPair(map, key)?.value;
}
/** Set an own data property, even for a `__proto__` key (plain assignment would set the prototype). */
function setOwn(o, k, v) {
    if (k === '__proto__')
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else
        o[k] = v;
}
/** Plain JavaScript value of a node (maps become objects; last duplicate wins). Bounded: aliases are shared, not copied. */
function toJS(node, depth = 0) {
    if (!node)
        return undefined;
    if (depth > 200)
        return undefined;
    switch (node.kind) {
        case 'scalar':
            return node.value;
        case 'seq':
            return node.items.map((n) => toJS(n, depth + 1));
        case 'map': {
            const o = {};
            for (const p of node.pairs)
                setOwn(o, keyName(p), toJS(p.value, depth + 1));
            return o;
        }
    }
}
function typeName(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null)
        return 'empty (null)';
    if (typeof v === 'boolean')
        return `the boolean ${v}`;
    if (typeof v === 'number')
        return `the number ${node.text}`;
    return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
}


/***/ }),

/***/ 7112:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  yv: () => (/* binding */ loadYaml)
});

// UNUSED EXPORTS: MAX_DEPTH, loadYamlWithLibrary

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __nccwpck_require__(671);
;// CONCATENATED MODULE: ./src/checks/yaml/resolve.ts
const V2_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const V2_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const V2_INT = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/;
const V2_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
function v2Int(s) {
    if (!V2_INT.test(s))
        return undefined;
    let t = s.replace(/_/g, '');
    let sign = 1;
    if (t[0] === '-' || t[0] === '+') {
        if (t[0] === '-')
            sign = -1;
        t = t.slice(1);
    }
    if (t === '')
        return undefined;
    let n;
    if (t.startsWith('0b'))
        n = parseInt(t.slice(2), 2);
    else if (t.startsWith('0x'))
        n = parseInt(t.slice(2), 16);
    else if (t.startsWith('0o'))
        n = parseInt(t.slice(2), 8);
    else if (t.length > 1 && t.startsWith('0'))
        n = parseInt(t.slice(1), 8);
    else
        n = parseInt(t, 10);
    return Number.isNaN(n) ? undefined : sign * n;
}
/**
 * First characters of every string resolveAgent turns into something other than itself: digits,
 * signs, `.` (.5, .inf, .nan), `_` (`_1` is 1), `~`, and the first letters of the null and
 * boolean words. Anything else is a string, decided without running the regular expressions
 * (test/yaml/resolve.test.ts checks the shortcut against the full path).
 */
const MAY_BE_TYPED = new Set([...'0123456789+-._~yYnNtTfFoO'].map((c) => c.charCodeAt(0)));
function resolveAgent(s) {
    if (s.length > 0 && !MAY_BE_TYPED.has(s.charCodeAt(0)))
        return s;
    return resolveAgentFull(s);
}
/** Exported for the test of the shortcut above. */
function resolveAgentFull(s) {
    if (NULLS.has(s))
        return null;
    if (V2_TRUE.has(s))
        return true;
    if (V2_FALSE.has(s))
        return false;
    const i = v2Int(s);
    if (i !== undefined)
        return i;
    if (/[0-9]/.test(s) && V2_FLOAT.test(s)) {
        const f = Number(s.replace(/_/g, ''));
        if (!Number.isNaN(f))
            return f; // 1.0 -> 1 in JS already, matching the agent's round trip
    }
    if (INF.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (NAN.test(s))
        return NaN;
    return s;
}
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
function resolveCore(s) {
    if (NULLS.has(s))
        return null;
    if (s === 'true' || s === 'True' || s === 'TRUE')
        return true;
    if (s === 'false' || s === 'False' || s === 'FALSE')
        return false;
    if (CORE_INT.test(s))
        return parseInt(s, 10);
    if (CORE_OCT.test(s))
        return parseInt(s.slice(2), 8);
    if (CORE_HEX.test(s))
        return parseInt(s.slice(2), 16);
    if (CORE_FLOAT.test(s))
        return Number(s);
    if (INF.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (NAN.test(s))
        return NaN;
    return s;
}
function resolvePlain(s, flavor) {
    return flavor === 'agent' ? resolveAgent(s) : resolveCore(s);
}

;// CONCATENATED MODULE: ./src/checks/yaml/fast-block.ts

/** Thrown inside the parser to fall back; never escapes fastLoadBlock. */
class Unsupported extends Error {
}
/** Characters the subset does not handle (tabs, CR, C0/C1 controls, line/paragraph separators, BOM). */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Directives and document markers: multi-document handling stays with the library. */
const DOC_MARKERS = /^(?:---|\.\.\.|%)/m;
/** The library rejects implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY = 1000;
/** Deeper configs are rare; the library path (with its own depth guard) handles them. */
const MAX_DEPTH = 64;
const SP = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SQ = 0x27;
const DQ = 0x22;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
/** First characters a plain scalar may not start with here (indicators, or too subtle to replay). */
const BAD_PLAIN_START = new Set([...'[]{}#&*!|>\'"%@`,?:'].map((c) => c.charCodeAt(0)));
/** Characters that end or complicate a plain scalar inside a flow sequence. */
const BAD_FLOW_PLAIN = new Set([...'[]{}#:"\''].map((c) => c.charCodeAt(0)));
const ESCAPES = {
    '0': '\0',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
};
function fastLoadBlock(text, flavor) {
    if (UNSUPPORTED_CHARS.test(text) || DOC_MARKERS.test(text))
        return undefined;
    try {
        return new BlockParser(text, flavor).parse();
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
}
class BlockParser {
    text;
    flavor;
    starts = [];
    ends = [];
    /** Index of the first non-space character of each line (== end for blank lines). */
    firsts = [];
    count;
    /** The line the parser is looking at (always a content line, or `count`). */
    line = 0;
    duplicates = [];
    constructor(text, flavor) {
        this.text = text;
        this.flavor = flavor;
        let start = 0;
        const n = text.length;
        while (start <= n) {
            let nl = text.indexOf('\n', start);
            if (nl === -1)
                nl = n;
            let first = start;
            while (first < nl && text.charCodeAt(first) === SP)
                first++;
            this.starts.push(start);
            this.ends.push(nl);
            this.firsts.push(first);
            start = nl + 1;
        }
        this.count = this.starts.length;
    }
    parse() {
        this.line = this.nextContent(0);
        if (this.line >= this.count)
            return { root: null, duplicates: [] };
        const root = this.blockNode('', 0);
        if (this.line < this.count)
            throw new Unsupported();
        return { root, duplicates: this.duplicates };
    }
    /** First line at or after `from` with something other than spaces or a comment. */
    nextContent(from) {
        let i = from;
        while (i < this.count) {
            const f = this.firsts[i];
            if (f < this.ends[i] && this.text.charCodeAt(f) !== HASH)
                return i;
            i++;
        }
        return i;
    }
    indentOf(line) {
        return this.firsts[line] - this.starts[line];
    }
    /** `-` followed by a space or the end of the line, at position p. */
    isDashAt(p, end) {
        return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SP);
    }
    isDashLine(line) {
        return this.isDashAt(this.firsts[line], this.ends[line]);
    }
    skipSpaces(p, end) {
        while (p < end && this.text.charCodeAt(p) === SP)
            p++;
        return p;
    }
    /** A block collection starting at the current line's first character. */
    blockNode(path, depth) {
        if (depth > MAX_DEPTH)
            throw new Unsupported();
        const line = this.line;
        const indent = this.indentOf(line);
        const first = this.firsts[line];
        if (this.isDashLine(line))
            return this.blockSeq(indent, path, depth);
        return this.blockMap(indent, first, path, depth);
    }
    blockSeq(indent, path, depth) {
        const items = [];
        const start = this.firsts[this.line];
        for (;;) {
            const line = this.line;
            const end = this.ends[line];
            const dash = this.firsts[line];
            const q = this.skipSpaces(dash + 1, end);
            const itemPath = `${path}[${items.length}]`;
            let item;
            if (q === end || this.text.charCodeAt(q) === HASH) {
                const next = this.nextContent(line + 1);
                if (next < this.count && this.indentOf(next) > indent) {
                    this.line = next;
                    item = this.blockNode(itemPath, depth + 1);
                }
                else {
                    item = this.nullScalar(q);
                    this.line = next;
                }
            }
            else if (this.isDashAt(q, end)) {
                throw new Unsupported(); // `- - x`: compact nested sequence
            }
            else if (this.keyEnd(q, end) !== undefined) {
                item = this.blockMap(q - this.starts[line], q, itemPath, depth + 1);
            }
            else {
                item = this.inlineValue(q, end);
                this.afterInline(line, indent);
            }
            items.push(item);
            if (this.line >= this.count)
                break;
            const ind = this.indentOf(this.line);
            if (ind > indent)
                throw new Unsupported();
            if (ind < indent || !this.isDashLine(this.line))
                break;
        }
        const last = items[items.length - 1];
        return { kind: 'seq', items, flow: false, range: [start, last.range[1]] };
    }
    blockMap(indent, firstKey, path, depth) {
        const map = { kind: 'map', pairs: [], flow: false, range: [firstKey, firstKey] };
        const seen = new Map();
        let keyPos = firstKey;
        for (;;) {
            const line = this.line;
            const end = this.ends[line];
            const colon = this.keyEnd(keyPos, end);
            if (colon === undefined)
                throw new Unsupported();
            const key = this.keyScalar(keyPos, colon);
            const keyStr = String(key.value);
            const childPath = path ? `${path}.${keyStr}` : keyStr;
            const q = this.skipSpaces(colon + 1, end);
            let value;
            if (q === end || this.text.charCodeAt(q) === HASH) {
                const next = this.nextContent(line + 1);
                if (next < this.count && this.indentOf(next) > indent) {
                    this.line = next;
                    value = this.blockNode(childPath, depth + 1);
                }
                else if (next < this.count && this.indentOf(next) === indent && this.isDashLine(next)) {
                    this.line = next;
                    value = this.blockSeq(indent, childPath, depth + 1);
                }
                else {
                    value = this.nullScalar(q);
                    this.line = next;
                }
            }
            else {
                value = this.inlineValue(q, end);
                this.afterInline(line, indent);
            }
            const pair = { key, value };
            const prev = seen.get(keyStr);
            if (prev)
                this.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
            seen.set(keyStr, pair);
            map.pairs.push(pair);
            if (this.line >= this.count)
                break;
            const ind = this.indentOf(this.line);
            if (ind > indent)
                throw new Unsupported();
            if (ind < indent || this.isDashLine(this.line))
                break;
            keyPos = this.firsts[this.line];
        }
        map.range = [firstKey, map.pairs[map.pairs.length - 1].value.range[1]];
        return map;
    }
    /** After a value that fits on its line: the next content line may not be a continuation. */
    afterInline(line, indent) {
        const next = this.nextContent(line + 1);
        if (next < this.count && this.indentOf(next) > indent)
            throw new Unsupported();
        this.line = next;
    }
    /**
     * If an implicit key starts at p on this line, the position of its `:` (followed by a space or
     * the end of the line); undefined when the line holds no key. Throws on anything ambiguous.
     */
    keyEnd(p, end) {
        const t = this.text;
        const c = t.charCodeAt(p);
        if (c === DQ || c === SQ) {
            const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
            if (close === undefined || close - p > MAX_KEY)
                throw new Unsupported();
            if (close < end && t.charCodeAt(close) === COLON) {
                if (close + 1 === end || t.charCodeAt(close + 1) === SP)
                    return close;
                throw new Unsupported();
            }
            return undefined;
        }
        for (let i = p; i < end; i++) {
            const ch = t.charCodeAt(i);
            if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP)) {
                if (i === p || i - p > MAX_KEY || t.charCodeAt(i - 1) === SP)
                    throw new Unsupported();
                this.checkPlainStart(p, end);
                return i;
            }
            if (ch === HASH && i > p && t.charCodeAt(i - 1) === SP)
                return undefined;
        }
        return undefined;
    }
    keyScalar(p, colon) {
        const c = this.text.charCodeAt(p);
        if (c === DQ)
            return this.doubleScalar(p, colon);
        if (c === SQ)
            return this.singleScalar(p, colon);
        return this.plainScalar(p, colon);
    }
    /** A value that starts at p and ends on this line (plain, quoted, or a flow sequence of scalars). */
    inlineValue(p, end) {
        const t = this.text;
        const c = t.charCodeAt(p);
        let node;
        let after;
        if (c === LBRACKET) {
            node = this.flowSeq(p, end);
            after = node.range[1];
        }
        else if (c === DQ || c === SQ) {
            const close = c === DQ ? this.doubleEnd(p, end) : this.singleEnd(p, end);
            if (close === undefined)
                throw new Unsupported();
            node = c === DQ ? this.doubleScalar(p, close) : this.singleScalar(p, close);
            after = close;
        }
        else {
            this.checkPlainStart(p, end);
            let stop = end;
            for (let i = p; i < end; i++) {
                const ch = t.charCodeAt(i);
                if (ch === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SP))
                    throw new Unsupported();
                if (ch === HASH && t.charCodeAt(i - 1) === SP) {
                    stop = i;
                    break;
                }
            }
            let e = stop;
            while (e > p && t.charCodeAt(e - 1) === SP)
                e--;
            return this.plainScalar(p, e);
        }
        // After a quoted scalar or a flow sequence: spaces, then a comment or the end of the line.
        const rest = this.skipSpaces(after, end);
        if (rest < end && !(t.charCodeAt(rest) === HASH && rest > after))
            throw new Unsupported();
        return node;
    }
    checkPlainStart(p, end) {
        const c = this.text.charCodeAt(p);
        if (BAD_PLAIN_START.has(c))
            throw new Unsupported();
        if (c === DASH) {
            // `-x` is a plain scalar; `- ` would be a sequence entry. Keep to the obvious cases.
            const n = p + 1 < end ? this.text.charCodeAt(p + 1) : SP;
            const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x2e;
            if (!ok)
                throw new Unsupported();
        }
    }
    /** `[a, "b", 'c']` on one line; nested collections, pairs and comments inside fall back. */
    flowSeq(p, end) {
        const t = this.text;
        const items = [];
        let i = this.skipSpaces(p + 1, end);
        if (i < end && t.charCodeAt(i) === RBRACKET)
            return { kind: 'seq', items, flow: true, range: [p, i + 1] };
        for (;;) {
            if (i >= end)
                throw new Unsupported();
            const c = t.charCodeAt(i);
            let itemEnd;
            if (c === DQ || c === SQ) {
                const close = c === DQ ? this.doubleEnd(i, end) : this.singleEnd(i, end);
                if (close === undefined)
                    throw new Unsupported();
                items.push(c === DQ ? this.doubleScalar(i, close) : this.singleScalar(i, close));
                itemEnd = close;
            }
            else {
                if (BAD_FLOW_PLAIN.has(c) || BAD_PLAIN_START.has(c) || c === COMMA || c === DASH)
                    throw new Unsupported();
                let j = i;
                for (; j < end; j++) {
                    const ch = t.charCodeAt(j);
                    if (ch === COMMA || ch === RBRACKET)
                        break;
                    if (BAD_FLOW_PLAIN.has(ch))
                        throw new Unsupported();
                }
                let e = j;
                while (e > i && t.charCodeAt(e - 1) === SP)
                    e--;
                items.push(this.plainScalar(i, e));
                itemEnd = e;
            }
            i = this.skipSpaces(itemEnd, end);
            if (i >= end)
                throw new Unsupported();
            const sep = t.charCodeAt(i);
            if (sep === RBRACKET)
                return { kind: 'seq', items, flow: true, range: [p, i + 1] };
            if (sep !== COMMA)
                throw new Unsupported();
            i = this.skipSpaces(i + 1, end);
            if (i < end && (t.charCodeAt(i) === RBRACKET || t.charCodeAt(i) === COMMA))
                throw new Unsupported();
        }
    }
    /** Position just past the closing `'` of a one-line single-quoted scalar, or undefined. */
    singleEnd(p, end) {
        const t = this.text;
        for (let i = p + 1; i < end; i++) {
            if (t.charCodeAt(i) === SQ) {
                if (i + 1 < end && t.charCodeAt(i + 1) === SQ) {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return undefined;
    }
    /** Position just past the closing `"` of a one-line double-quoted scalar, or undefined. */
    doubleEnd(p, end) {
        const t = this.text;
        for (let i = p + 1; i < end; i++) {
            const c = t.charCodeAt(i);
            if (c === BACKSLASH) {
                if (i + 1 >= end)
                    return undefined; // escaped line break: multi-line
                i++;
                continue;
            }
            if (c === DQ)
                return i + 1;
        }
        return undefined;
    }
    plainScalar(start, end) {
        const text = this.text.slice(start, end);
        return this.scalar(text, resolvePlain(text, this.flavor), 'plain', start, end);
    }
    singleScalar(start, end) {
        const text = this.text.slice(start + 1, end - 1).replace(/''/g, "'");
        return this.scalar(text, text, 'single', start, end);
    }
    doubleScalar(start, end) {
        const raw = this.text.slice(start + 1, end - 1);
        let text = raw;
        if (raw.includes('\\')) {
            text = '';
            for (let i = 0; i < raw.length; i++) {
                const ch = raw[i];
                if (ch !== '\\') {
                    text += ch;
                    continue;
                }
                const next = raw[++i];
                const simple = ESCAPES[next];
                if (simple !== undefined)
                    text += simple;
                else if (next === 'x' || next === 'u' || next === 'U') {
                    const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                    const hex = raw.substr(i + 1, len);
                    if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
                        throw new Unsupported();
                    const code = parseInt(hex, 16);
                    if (code > 0x10ffff)
                        throw new Unsupported();
                    text += String.fromCodePoint(code);
                    i += len;
                }
                else
                    throw new Unsupported(); // the library reports an invalid escape
            }
        }
        return this.scalar(text, text, 'double', start, end);
    }
    scalar(text, value, style, start, end) {
        return { kind: 'scalar', value, style, text, range: [start, end] };
    }
    nullScalar(p) {
        return { kind: 'scalar', value: resolvePlain('', this.flavor), style: 'plain', text: '', range: [p, p] };
    }
}

;// CONCATENATED MODULE: ./src/checks/yaml/load.ts
/**
 * YAML text -> our tree (ast.ts) plus findings for what a YAML loader rejects or silently drops.
 * Parsing is the `yaml` library's (it keeps source ranges), with a fast path for plain block YAML
 * that builds the same tree (fast-block.ts); typing is ours (resolve.ts), because the agent does
 * not read YAML the way YAML 1.2 says.
 */




/** Deeper than this the tree is not built: such a file is junk or an attack, and recursion must stay bounded. */
const load_MAX_DEPTH = 500;
const STYLE = {
    PLAIN: 'plain',
    QUOTE_SINGLE: 'single',
    QUOTE_DOUBLE: 'double',
    BLOCK_LITERAL: 'literal',
    BLOCK_FOLDED: 'folded',
};
class TooDeep extends Error {
}
/** Nesting depth by brackets and indentation, without parsing: refuses 10,000-deep input before any recursion. */
function nestingTooDeep(text) {
    // Character codes rather than one-character strings: this runs over every byte of every file.
    let depth = 0;
    let quote = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (quote) {
            if (c === quote || c === 0x0a)
                quote = 0;
            continue;
        }
        if (c === 0x5b || c === 0x7b) {
            if (++depth > load_MAX_DEPTH)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth = Math.max(0, depth - 1);
        else if (c === 0x22 || c === 0x27)
            quote = c;
        else if (c === 0x23) {
            const nl = text.indexOf('\n', i);
            if (nl === -1)
                break;
            i = nl;
        }
    }
    // Indentation: a block structure deeper than MAX_DEPTH levels needs at least that many columns.
    const m = new RegExp(`^ {${load_MAX_DEPTH * 2},}\\S`, 'm').exec(text);
    return m ? m.index : undefined;
}
function loadYaml(source, flavor) {
    const tooDeep = tooDeepFile(source);
    if (tooDeep)
        return tooDeep;
    // Most check configs are plain block YAML: read those directly (fast-block.ts), and everything
    // else, including every file with a syntax error, with the library.
    const fast = fastLoadBlock(source.text, flavor);
    if (fast)
        return { source, root: fast.root, findings: [], duplicates: fast.duplicates };
    return parseWithLibrary(source, flavor);
}
/**
 * The library path alone, without the fast path: what `loadYaml` must agree with
 * (test/yaml/fast-path.test.ts compares the two).
 */
function loadYamlWithLibrary(source, flavor) {
    return tooDeepFile(source) ?? parseWithLibrary(source, flavor);
}
function tooDeepFile(source) {
    const deepAt = nestingTooDeep(source.text);
    if (deepAt === undefined)
        return undefined;
    const f = (0,findings/* finding */.gk)(source.file, source.lines.position(deepAt), 'error', 'yaml/too-deep', `YAML nested more than ${load_MAX_DEPTH} levels deep: not a configuration file`);
    return { source, root: null, findings: [f], duplicates: [] };
}
function parseWithLibrary(source, flavor) {
    const out = { source, root: null, findings: [], duplicates: [] };
    let docs;
    try {
        const all = (0,dist/* parseAllDocuments */.hR)(source.text, { schema: 'failsafe', uniqueKeys: false, version: '1.1', prettyErrors: false, strict: false });
        docs = Array.isArray(all) ? all : [];
    }
    catch (err) {
        // The library recurses per nesting level; `- - - - …` thousands deep on one line exhausts the stack.
        const deep = err instanceof RangeError;
        out.findings.push((0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', deep ? 'yaml/too-deep' : 'yaml/syntax', deep ? `YAML nested too deep to read: not a configuration file` : `YAML could not be parsed: ${err.message.split('\n')[0]}`));
        return out;
    }
    const doc = docs[0];
    if (!doc)
        return out;
    for (const e of doc.errors) {
        const msg = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'YAML syntax error';
        const deep = /call stack/i.test(msg);
        const code = e.code === 'TAB_AS_INDENT' ? 'yaml/tab-indent' : deep ? 'yaml/too-deep' : 'yaml/syntax';
        const text = e.code === 'TAB_AS_INDENT'
            ? 'tab used for indentation: YAML allows only spaces there'
            : deep
                ? 'YAML nested too deep to read: not a configuration file'
                : msg;
        out.findings.push((0,findings/* finding */.gk)(source.file, source.lines.position(e.pos[0]), 'error', code, text));
    }
    if (out.findings.length)
        return out;
    if (docs.length > 1) {
        const second = docs[1];
        out.findings.push((0,findings/* finding */.gk)(source.file, source.lines.position(second.range[0]), 'warning', 'yaml/multiple-documents', 'a second YAML document (after `---`) is ignored by the reader: only the first document counts'));
    }
    const anchors = new Map();
    try {
        out.root = doc.contents ? convert(doc.contents, doc, flavor, out, '', 0, anchors) : null;
    }
    catch (err) {
        if (!(err instanceof TooDeep))
            throw err;
        out.findings.push((0,findings/* finding */.gk)(source.file, { line: 1, column: 1 }, 'error', 'yaml/too-deep', `YAML nested more than ${load_MAX_DEPTH} levels deep: not a configuration file`));
        out.root = null;
    }
    return out;
}
function rangeOf(n) {
    const r = n.range;
    return r ? [r[0], r[1]] : [0, 0];
}
function convert(node, doc, flavor, out, path, depth, anchors) {
    if (depth > load_MAX_DEPTH)
        throw new TooDeep();
    if ((0,dist/* isAlias */.Vj)(node)) {
        const target = node.resolve(doc);
        const known = target ? anchors.get(target) : undefined;
        if (known)
            return known;
        return { kind: 'scalar', value: null, style: 'plain', text: '', range: rangeOf(node) };
    }
    let result;
    if ((0,dist/* isScalar */.jn)(node)) {
        const s = node;
        const text = typeof s.value === 'string' ? s.value : String(s.value ?? '');
        const style = STYLE[s.type ?? 'PLAIN'] ?? 'plain';
        const tag = s.tag;
        let value;
        if (style !== 'plain')
            value = text;
        else if (tag === 'tag:yaml.org,2002:str')
            value = text;
        else
            value = resolvePlain(text, flavor);
        result = { kind: 'scalar', value, style, text, range: rangeOf(s) };
    }
    else if ((0,dist/* isMap */.jh)(node)) {
        const map = { kind: 'map', pairs: [], flow: Boolean(node.flow), range: rangeOf(node) };
        anchors.set(node, map);
        const seen = new Map();
        for (const item of node.items) {
            if (!(0,dist/* isPair */.tO)(item))
                continue;
            const keyNode = item.key;
            const key = keyNode
                ? convert(keyNode, doc, flavor, out, path, depth + 1, anchors)
                : { kind: 'scalar', value: null, style: 'plain', text: '', range: [map.range[0], map.range[0]] };
            const keyStr = key.kind === 'scalar' ? String(key.value) : '';
            const childPath = path ? `${path}.${keyStr}` : keyStr;
            const valNode = item.value;
            const value = valNode
                ? convert(valNode, doc, flavor, out, childPath, depth + 1, anchors)
                : { kind: 'scalar', value: null, style: 'plain', text: '', range: [key.range[1], key.range[1]] };
            const pair = { key, value };
            if (key.kind === 'scalar') {
                const prev = seen.get(keyStr);
                if (prev)
                    out.duplicates.push({ key: keyStr, map, path, first: prev, dup: pair });
                seen.set(keyStr, pair);
            }
            map.pairs.push(pair);
        }
        if (!map.flow)
            endAtLastChild(map, map.pairs[map.pairs.length - 1]?.value);
        result = map;
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        const seq = { kind: 'seq', items: [], flow: Boolean(node.flow), range: rangeOf(node) };
        anchors.set(node, seq);
        node.items.forEach((item, i) => {
            if (item === null || item === undefined) {
                seq.items.push({ kind: 'scalar', value: null, style: 'plain', text: '', range: seq.range });
            }
            else {
                seq.items.push(convert(item, doc, flavor, out, `${path}[${i}]`, depth + 1, anchors));
            }
        });
        if (!seq.flow)
            endAtLastChild(seq, seq.items[seq.items.length - 1]);
        result = seq;
    }
    else {
        result = { kind: 'scalar', value: null, style: 'plain', text: '', range: rangeOf(node) };
    }
    anchors.set(node, result);
    return result;
}
/**
 * A block collection ends where its last value ends. The library's own end also swallows the
 * trailing comment and blank lines that follow (up to the next token), which says nothing about
 * the collection and would make the fast path (fast-block.ts) replay the library's comment
 * attribution rules to agree with it.
 */
function endAtLastChild(coll, last) {
    if (last)
        coll.range = [coll.range[0], last.range[1]];
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(33);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 33:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main),
  c2: () => (/* binding */ printFindings)
});

// UNUSED EXPORTS: VERSION

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/agent/index.ts + 19 modules
var agent = __nccwpck_require__(9503);
// EXTERNAL MODULE: ./src/checks/findings.ts
var findings = __nccwpck_require__(671);
// EXTERNAL MODULE: ./src/checks/fluentd/index.ts + 27 modules
var fluentd = __nccwpck_require__(9648);
// EXTERNAL MODULE: ./src/checks/fs.ts
var checks_fs = __nccwpck_require__(8566);
// EXTERNAL MODULE: ./src/checks/source.ts
var checks_source = __nccwpck_require__(5784);
// EXTERNAL MODULE: ./src/checks/taskdef/index.ts + 6 modules
var taskdef = __nccwpck_require__(3528);
;// CONCATENATED MODULE: ./src/checks/check-file.ts
/**
 * `check FILE...`: one standalone file, its kind given or inferred from the path and then the
 * content, dispatched to its checker. No project, no image, no task definition: cross-checks that
 * need them are skipped by the checkers themselves.
 */







/** Kind from the path alone, the way the agent and Fluentd images lay files out. */
function kindFromPath(file) {
    const p = file.split((external_node_path_default()).sep).join('/').toLowerCase();
    if (/(^|\/)http_check\.d\/[^/]+$/.test(p) || /(^|\/)http_check\.ya?ml/.test(p))
        return 'http_check';
    if (/(^|\/)mysql\.d\/[^/]+$/.test(p) || /(^|\/)mysql\.ya?ml/.test(p))
        return 'mysql';
    if (/\.conf$/.test(p) || /(^|\/)fluent[^/]*\.conf/.test(p) || /(^|\/)td-agent[^/]*\.conf/.test(p))
        return 'fluentd';
    if (/(taskdef|task-?definition)[^/]*\.(json|ya?ml)$/.test(p))
        return 'taskdef';
    return undefined;
}
/** Kind from the content, when the path says nothing. */
function kindFromContent(source) {
    const t = source.text;
    if (/"containerDefinitions"\s*:/.test(t) || /^\s*containerDefinitions\s*:/m.test(t))
        return 'taskdef';
    if ((0,fluentd/* looksLikeFluentd */.ki)(t))
        return 'fluentd';
    return (0,agent/* detectAgentKind */.dg)(source);
}
function checkStandaloneFile(file, opts = {}) {
    const cwd = external_node_path_default().resolve(opts.cwd ?? process.cwd());
    const abs = external_node_path_default().resolve(cwd, file);
    // Includes resolve on disk, confined to the working directory (or the file's own folder when it
    // lies outside); every path is shown relative to the working directory, or absolute outside it.
    const fs = new checks_fs/* DiskFs */.Pg((0,checks_fs/* isInside */.FK)(cwd, abs) ? cwd : external_node_path_default().dirname(abs), cwd);
    const display = fs.display(abs);
    const decoded = (0,checks_source/* readSource */.o$)(display, abs);
    if (!decoded.ok)
        return { path: display, kind: opts.kind ?? kindFromPath(display) ?? 'unknown', findings: decoded.findings };
    const source = decoded.source;
    const kind = opts.kind ?? kindFromPath(display) ?? kindFromContent(source);
    switch (kind) {
        case 'http_check':
        case 'mysql':
            return { path: display, kind, findings: (0,agent/* checkAgentFile */.G9)(source, kind, {}).findings };
        case 'fluentd': {
            // The entry is already read: the loader gets it from here rather than from the disk again.
            const entryRead = {
                read: (f) => (f === abs ? decoded : fs.read(f)),
                glob: (p, from) => fs.glob(p, from),
                display: (f) => fs.display(f),
            };
            return { path: display, kind, findings: (0,fluentd/* checkFluentd */.FB)(abs, entryRead, {}).findings };
        }
        case 'taskdef':
            return { path: display, kind, findings: (0,taskdef/* checkTaskDefinition */.T8)(source, {}).findings };
        default:
            return {
                path: display,
                kind: 'unknown',
                findings: [
                    (0,findings/* finding */.gk)(display, { line: 1, column: 1 }, 'error', 'file/unknown-kind', 'cannot tell what kind of file this is: pass --kind http_check, mysql, fluentd or taskdef'),
                ],
            };
    }
}

// EXTERNAL MODULE: ./src/report/findings.ts
var report_findings = __nccwpck_require__(9334);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Command-line parsing with node:util parseArgs (no dependency): one typed structure per command,
 * usage errors as exceptions the entry turns into exit status 2.
 */

class UsageError extends Error {
}
const CHECK_KINDS = ['http_check', 'mysql', 'fluentd', 'taskdef'];
const DEFAULT_CONFIG = 'dd-ecs-monitor.yml';
const USAGE = `Usage: dd-ecs-monitor <command> [options]

Commands:
  validate [--config FILE] [--format text|json] [--fail-on error|warning]
      Check everything the project file references: the project file, Dockerfiles,
      http_check and mysql configs, Fluentd configs, task definitions.
  check FILE... [--kind http_check|mysql|fluentd|taskdef] [--format text|json] [--fail-on error|warning]
      Check standalone files; the kind is inferred from the path and content when not given.
  plan [--config FILE] [--offline] [--only SERVICE,...] [--base REV [--head REV]] [--format text|json]
      Show what a deploy would do; --offline needs no AWS. With --base, images whose inputs
      changed since REV (up to --head, or the working tree) are marked as changed.
  deploy [--config FILE] [--dry-run] [--force-new-deployment] [--rebuild] [--only SERVICE,...]
         [--base REV [--head REV]] [--no-rollback] [--wait-timeout SECONDS] [--poll-interval SECONDS]
      Build and push changed images, register changed task definitions, update services,
      follow the rollout to COMPLETED (roll back on failure).

Options:
  --config FILE   the project file (default: ${DEFAULT_CONFIG})
  -h, --help      this help;  --version  the version

Exit status: 0 fine; 1 error findings or a failed deploy; 2 bad usage or an unreadable project file.`;
function format(v) {
    if (v === undefined || v === 'text' || v === 'json')
        return v ?? 'text';
    throw new UsageError(`--format must be text or json, not "${v}"`);
}
function failOn(v) {
    if (v === undefined || v === 'error' || v === 'warning')
        return v ?? 'error';
    throw new UsageError(`--fail-on must be error or warning, not "${v}"`);
}
function list(v) {
    return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
function seconds(name, v) {
    if (v === undefined)
        return undefined;
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
        throw new UsageError(`--${name} must be a positive number of seconds, not "${v}"`);
    return Number(v);
}
function revs(values) {
    const base = values.base;
    const head = values.head;
    if (head !== undefined && base === undefined)
        throw new UsageError('--head needs --base');
    for (const [name, v] of [['base', base], ['head', head]]) {
        // Revisions go to git as argv, never through a shell; still refuse what git would read as an option.
        if (v !== undefined && (v === '' || v.startsWith('-')))
            throw new UsageError(`--${name} must be a commit or branch name, not "${v}"`);
    }
    return { ...(base !== undefined ? { base } : {}), ...(head !== undefined ? { head } : {}) };
}
function parseCommand(argv) {
    const [cmd, ...rest] = argv;
    if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help')
        return { command: 'help', topic: rest[0] };
    if (cmd === '--version' || cmd === '-v')
        return { command: 'version' };
    const common = {
        config: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    };
    const parse = (options, positionals = false) => {
        try {
            return (0,external_node_util_.parseArgs)({ args: [...rest], options, allowPositionals: positionals, strict: true });
        }
        catch (err) {
            throw new UsageError(`${cmd}: ${err.message.replace(/\. To specify a positional argument.*$/, '')}`);
        }
    };
    switch (cmd) {
        case 'validate': {
            const { values } = parse({ ...common, 'fail-on': { type: 'string' } });
            if (values.help)
                return { command: 'help', topic: cmd };
            return { command: 'validate', config: values.config ?? DEFAULT_CONFIG, format: format(values.format), failOn: failOn(values['fail-on']) };
        }
        case 'check': {
            const { values, positionals } = parse({ ...common, kind: { type: 'string' }, 'fail-on': { type: 'string' } }, true);
            if (values.help)
                return { command: 'help', topic: cmd };
            if (values.config !== undefined)
                throw new UsageError('check: --config is for validate/plan/deploy; check takes files');
            const kind = values.kind;
            if (kind !== undefined && !CHECK_KINDS.includes(kind)) {
                throw new UsageError(`check: --kind must be one of ${CHECK_KINDS.join(', ')}, not "${kind}"`);
            }
            if (positionals.length === 0)
                throw new UsageError('check: name at least one file');
            return { command: 'check', files: positionals, kind: kind, format: format(values.format), failOn: failOn(values['fail-on']) };
        }
        case 'plan': {
            const { values } = parse({ ...common, offline: { type: 'boolean' }, only: { type: 'string' }, base: { type: 'string' }, head: { type: 'string' } });
            if (values.help)
                return { command: 'help', topic: cmd };
            return {
                command: 'plan',
                config: values.config ?? DEFAULT_CONFIG,
                offline: Boolean(values.offline),
                format: format(values.format),
                only: list(values.only),
                ...revs(values),
            };
        }
        case 'deploy': {
            const { values } = parse({
                config: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                'dry-run': { type: 'boolean' },
                'force-new-deployment': { type: 'boolean' },
                rebuild: { type: 'boolean' },
                only: { type: 'string' },
                'no-rollback': { type: 'boolean' },
                'wait-timeout': { type: 'string' },
                'poll-interval': { type: 'string' },
                base: { type: 'string' },
                head: { type: 'string' },
            });
            if (values.help)
                return { command: 'help', topic: cmd };
            return {
                command: 'deploy',
                config: values.config ?? DEFAULT_CONFIG,
                dryRun: Boolean(values['dry-run']),
                forceNewDeployment: Boolean(values['force-new-deployment']),
                rebuild: Boolean(values.rebuild),
                only: list(values.only),
                ...revs(values),
                rollback: !values['no-rollback'],
                waitTimeoutSeconds: seconds('wait-timeout', values['wait-timeout']),
                pollIntervalSeconds: seconds('poll-interval', values['poll-interval']),
            };
        }
        default:
            throw new UsageError(`unknown command "${cmd}"`);
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI's core: parse, run the command against the same core the action uses, print, and
 * return the exit status (0 fine, 1 findings or a failed deploy, 2 bad usage or an unreadable
 * project file). Nothing here throws to the entry: unexpected errors become one line and status 2.
 */



const defaultIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    cwd: process.cwd(),
    env: process.env,
};
const VERSION = '0.1.0';
async function main(argv, io = defaultIo) {
    let cmd;
    try {
        cmd = parseCommand(argv);
    }
    catch (err) {
        if (err instanceof UsageError) {
            io.err(`dd-ecs-monitor: ${err.message}\nRun "dd-ecs-monitor --help" for usage.`);
            return 2;
        }
        throw err;
    }
    try {
        switch (cmd.command) {
            case 'help':
                io.out(USAGE);
                return 0;
            case 'version':
                io.out(VERSION);
                return 0;
            case 'check':
                return runCheck(cmd, io);
            case 'validate': {
                const { runValidate } = await Promise.all(/* import() */[__nccwpck_require__.e(90), __nccwpck_require__.e(158)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5158));
                return await runValidate(cmd, io);
            }
            case 'plan': {
                const { runPlan } = await Promise.all(/* import() */[__nccwpck_require__.e(916), __nccwpck_require__.e(90), __nccwpck_require__.e(167)]).then(__nccwpck_require__.bind(__nccwpck_require__, 167));
                return await runPlan(cmd, io);
            }
            case 'deploy': {
                const { runDeploy } = await Promise.all(/* import() */[__nccwpck_require__.e(916), __nccwpck_require__.e(90), __nccwpck_require__.e(167), __nccwpck_require__.e(107)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1107));
                return await runDeploy(cmd, io);
            }
        }
    }
    catch (err) {
        // A bad --only, a --base git does not have, an unusable project file: the user's input, status 2.
        // Matched by name: importing those modules here would load the deploy code on every `check`.
        if (err instanceof UsageError || (err instanceof Error && (err.name === 'PlanError' || err.name === 'GitHistoryError'))) {
            io.err(`dd-ecs-monitor: ${err.message}`);
            return 2;
        }
        io.err(`dd-ecs-monitor: ${cmd.command} failed: ${err instanceof Error ? err.message : String(err)}`);
        // AWS or docker failing under plan or deploy is a failed run (1); anything else escaping validate/check is not the user's files (2).
        return cmd.command === 'deploy' || cmd.command === 'plan' ? 1 : 2;
    }
}
function runCheck(cmd, io) {
    const findings = [];
    const files = [];
    for (const file of cmd.files) {
        const r = checkStandaloneFile(file, { kind: cmd.kind, cwd: io.cwd });
        findings.push(...r.findings);
        files.push({ path: r.path, kind: r.kind });
    }
    printFindings(io, cmd.format, findings, files);
    return (0,report_findings/* exitCodeFor */.Rr)(findings, cmd.failOn);
}
function printFindings(io, format, findings, files, rebaseFrom) {
    const shown = rebaseFrom ? (0,report_findings/* rebase */.RU)(findings, rebaseFrom, io.cwd) : [...findings];
    if (format === 'json') {
        io.out((0,report_findings/* formatJson */.IB)(shown, files));
        return;
    }
    const text = (0,report_findings/* formatText */.vX)(shown);
    if (text)
        io.out(text);
    // plan and deploy pass no file list: they print findings only when there are some.
    if (files.length || shown.length)
        io.err((0,report_findings/* summaryLine */.dC)(shown, files.length));
}


/***/ }),

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ formatJson),
/* harmony export */   RU: () => (/* binding */ rebase),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   vX: () => (/* binding */ formatText)
/* harmony export */ });
/* unused harmony export plural */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(671);
/**
 * Findings as the CLI prints them: `path:line:col: severity CODE message` (text) or one JSON
 * document (DESIGN.md, "The external contract"). Paths are re-based from the project root to the
 * directory the user runs from, so they open in editors and terminals as printed.
 */


/** Re-base repository-relative finding paths onto `toDir` (both absolute). */
function rebase(findings, fromRoot, toDir) {
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(fromRoot) === node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(toDir))
        return [...findings];
    return findings.map((f) => {
        if (node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(f.file))
            return f;
        const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(toDir, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(fromRoot, f.file)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
        return { ...f, file: rel };
    });
}
/** One line per finding; control characters from user files are escaped so a finding is always one line. */
function formatText(findings) {
    return (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFindings */ .Tc)(findings)
        .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${oneLine(f.message)}`)
        .join('\n');
}
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function summaryLine(findings, fileCount) {
    const c = (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(findings);
    const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
    if (c.notice)
        parts.push(plural(c.notice, 'notice'));
    return `${parts.join(', ')} in ${plural(fileCount, 'file')} checked`;
}
function formatJson(findings, files) {
    const report = {
        findings: (0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFindings */ .Tc)(findings).map((f) => ({
            file: f.file,
            line: f.line,
            column: f.column,
            severity: f.severity,
            code: f.code,
            message: f.message,
        })),
        summary: { ...(0,_checks_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .countBySeverity */ .Ot)(findings), files: files.length },
        files: [...files],
    };
    return JSON.stringify(report, null, 2);
}
/** Exit status for findings: 1 when any finding is at or above the failing severity. */
function exitCodeFor(findings, failOn = 'error') {
    return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')) ? 1 : 0;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
