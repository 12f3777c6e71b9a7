/**
 * The Dockerfile model: stages, their COPY/ADD lines (where each repo file lands in the image),
 * RUN commands (which gems get installed), ENV, USER and WORKDIR. It is how `validate` learns that
 * `datadog/etc/.../http_check.d/conf.yaml` is an http_check config and that the Fluentd image has
 * fluent-plugin-datadog. Parsing never throws: what Docker would reject is a finding.
 */
import { type Finding, type Position, finding } from '../checks/findings.js';
import type { SourceText } from '../checks/source.js';
import { closest, didYouMean } from '../checks/suggest.js';
import { lexDockerfile, type RawInstruction } from './dockerfile-lexer.js';
import { cleanPath } from './patterns.js';
import { expandWord, splitWords, type Word } from './shell-words.js';
import { gemsFromCommand, mkdirsFromCommand } from './run-commands.js';

export interface CopyInstruction {
  line: number;
  column: number;
  add: boolean;
  /** Sources after ARG/ENV expansion, cleaned and context-relative (`.` for the whole context); may be globs. */
  sources: string[];
  /** Where each source was written (same order as `sources`). */
  sourcePositions: Position[];
  /** Absolute image path, WORKDIR applied, cleaned (no trailing slash except `/`). */
  dest: string;
  /** The destination is certainly a directory: written with a trailing slash, `.` or `/`. */
  destDir: boolean;
  /** `--from=stage|index|image` as written (expanded). */
  from?: string;
  /** Index of the stage `from` names, when it names a stage of this Dockerfile. */
  fromStage?: number;
  chown?: string;
  chmod?: string;
  /** `--parents`: the source's path is kept under the destination. */
  parents: boolean;
  /** `--exclude=` patterns. */
  excludes: string[];
  /** ADD sources that are URLs or git repositories (not from the context). */
  urls: string[];
  /** Heredoc sources (`COPY <<EOF /dest`): inline files, not from the context. */
  heredocs: string[];
}

export interface Stage {
  index: number;
  /** `AS name`, lowercased as Docker compares it. */
  name?: string;
  /** ARG-substituted base image (or the name of an earlier stage). */
  baseImage: string;
  /** Index of the stage this one is built `FROM`, when it is a stage of this Dockerfile. */
  baseStage?: number;
  platform?: string;
  line: number;
  copies: CopyInstruction[];
  runs: Array<{ line: number; command: string }>;
  env: Record<string, string>;
  user?: string;
  /** WORKDIR at the end of the stage (`/` when never set). */
  workdir: string;
  /** WORKDIR was set in this stage or a stage it builds on (else the base image's is unknown). */
  workdirKnown: boolean;
  /** Directories created by `RUN mkdir` (absolute), so `COPY x /that/dir` is known to copy into it. */
  mkdirs: string[];
}

export interface Dockerfile {
  file: string;
  stages: Stage[];
  /** ARGs declared before the first FROM, with their values (build args applied). */
  args: Record<string, string | undefined>;
  findings: Finding[];
  /** Parser directives (`syntax`, `escape`, `check`). */
  directives: Record<string, string>;
}

const KNOWN = [
  'add',
  'arg',
  'cmd',
  'copy',
  'entrypoint',
  'env',
  'expose',
  'from',
  'healthcheck',
  'label',
  'maintainer',
  'onbuild',
  'run',
  'shell',
  'stopsignal',
  'user',
  'volume',
  'workdir',
];

const FLAGS: Record<string, readonly string[]> = {
  from: ['platform'],
  copy: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  add: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'parents'],
  run: ['mount', 'network', 'security', 'device'],
};
const BOOL_FLAGS = new Set(['link', 'parents', 'keep-git-dir']);
/** BuildKit: `^[a-z][a-z0-9-_.]*$` (instructions/parse.go validateStageName). */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;
const URL_SOURCE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

interface Flag {
  name: string;
  value: string | undefined;
  word: Word;
}

class Parser {
  readonly df: Dockerfile;
  private readonly escape: string;
  private readonly globals = new Map<string, string | undefined>();
  private stage: Stage | undefined;
  private scope = new Map<string, string | undefined>();
  private readonly stageNames = new Map<string, number>();
  private readonly stageLines: number[] = [];

  constructor(
    private readonly source: SourceText,
    private readonly buildArgs: Record<string, string>,
  ) {
    const lexed = lexDockerfile(source);
    this.escape = lexed.escape;
    this.df = { file: source.file, stages: [], args: {}, findings: [], directives: lexed.directives };
    for (const p of lexed.problems) this.add(p.pos, 'error', p.code, p.message);
    for (const ins of lexed.instructions) this.instruction(ins);
    if (this.df.stages.length === 0) {
      this.add(
        { line: 1, column: 1 },
        'error',
        'dockerfile/no-from',
        'no FROM instruction: a Dockerfile needs at least one build stage',
      );
    }
    for (const [k, v] of this.globals) this.df.args[k] = v;
  }

  private add(pos: Position, severity: Finding['severity'], code: string, message: string): void {
    this.df.findings.push(finding(this.source.file, pos, severity, code, message));
  }

  private instruction(ins: RawInstruction): void {
    const kw = ins.keyword.toLowerCase();
    if (!KNOWN.includes(kw)) {
      const hint = closest(kw, KNOWN);
      this.add(
        ins.pos,
        'error',
        'dockerfile/unknown-instruction',
        `unknown instruction ${ins.keyword}${hint ? ` (did you mean ${hint.toUpperCase()}?)` : ''}`,
      );
      return;
    }
    if (kw === 'from') return this.from(ins);
    if (kw === 'arg') return this.arg(ins);
    if (!this.stage) {
      this.add(
        ins.pos,
        'error',
        'dockerfile/no-stage',
        `${kw.toUpperCase()} before the first FROM: only ARG may come before FROM`,
      );
      return;
    }
    switch (kw) {
      case 'copy':
      case 'add':
        return this.copy(ins, this.stage, kw === 'add');
      case 'run':
        return this.run(ins, this.stage);
      case 'env':
        return this.env(ins, this.stage);
      case 'workdir':
        return this.workdir(ins, this.stage);
      case 'user': {
        const v = this.expand(ins.args.trim());
        if (v) this.stage.user = v;
        else this.missingArgs(ins, 'USER needs a user name or id');
        return;
      }
      default:
        return;
    }
  }

  private missingArgs(ins: RawInstruction, message: string): void {
    this.add(ins.pos, 'error', 'dockerfile/missing-arguments', message);
  }

  private expand(word: string, scope: ReadonlyMap<string, string | undefined> = this.scope): string {
    return expandWord(word, scope, this.escape).value;
  }

  /** Leading `--name[=value]` words. */
  private flags(ins: RawInstruction, kw: string, words: Word[]): { flags: Flag[]; rest: Word[] } {
    const flags: Flag[] = [];
    let k = 0;
    for (; k < words.length; k++) {
      const w = words[k] as Word;
      if (!w.raw.startsWith('--')) break;
      const eq = w.raw.indexOf('=');
      const name = (eq === -1 ? w.raw.slice(2) : w.raw.slice(2, eq)).toLowerCase();
      const value = eq === -1 ? undefined : this.expand(w.raw.slice(eq + 1));
      const allowed = FLAGS[kw] ?? [];
      const pos = ins.at(ins.argsOffset + w.offset);
      if (!allowed.includes(name)) {
        this.add(
          pos,
          'error',
          'dockerfile/unknown-flag',
          `unknown flag --${name} for ${kw.toUpperCase()}${didYouMean(name, allowed)}`,
        );
        continue;
      }
      if (value === undefined && !BOOL_FLAGS.has(name)) {
        this.add(pos, 'error', 'dockerfile/flag-value', `--${name} needs a value: write --${name}=VALUE`);
        continue;
      }
      flags.push({ name, value, word: w });
    }
    return { flags, rest: words.slice(k) };
  }

  private from(ins: RawInstruction): void {
    const words = splitWords(ins.args, this.escape, false);
    const { flags, rest } = this.flags(ins, 'from', words);
    const valid = rest.length === 1 || (rest.length === 3 && (rest[1] as Word).raw.toLowerCase() === 'as');
    const index = this.df.stages.length;
    const stage: Stage = {
      index,
      baseImage: '',
      line: ins.pos.line,
      copies: [],
      runs: [],
      env: {},
      workdir: '/',
      workdirKnown: false,
      mkdirs: [],
    };
    if (!valid) {
      this.add(
        ins.pos,
        'error',
        'dockerfile/bad-from',
        'FROM takes an image and an optional `AS name`: FROM image[:tag] [AS name]',
      );
    }
    const imageWord = rest[0];
    if (imageWord) {
      const res = expandWord(imageWord.raw, this.globals, this.escape);
      const pos = ins.at(ins.argsOffset + imageWord.offset);
      for (const name of res.undefinedNames) {
        this.add(
          pos,
          'warning',
          'dockerfile/undefined-arg',
          `FROM uses \${${name}}, which no ARG before the first FROM declares: declare ARG ${name}=default above it`,
        );
      }
      stage.baseImage = res.value;
      if (res.value === '') {
        this.add(
          pos,
          'error',
          'dockerfile/empty-from',
          'FROM image expands to an empty string: give the ARG a default or pass it as a build arg',
        );
      }
    }
    const platform = flags.find((f) => f.name === 'platform')?.value;
    if (platform) stage.platform = platform;
    const nameWord = valid && rest.length === 3 ? (rest[2] as Word) : undefined;
    if (nameWord) {
      const name = nameWord.raw.toLowerCase();
      const pos = ins.at(ins.argsOffset + nameWord.offset);
      if (!STAGE_NAME.test(name)) {
        this.add(
          pos,
          'error',
          'dockerfile/invalid-stage-name',
          `stage name "${nameWord.raw}" is invalid: start with a letter, then letters, digits, "-", "_" or "."`,
        );
      } else if (this.stageNames.has(name)) {
        const prev = this.stageLines[this.stageNames.get(name) as number];
        this.add(
          pos,
          'error',
          'dockerfile/duplicate-stage',
          `stage name "${name}" is already used on line ${prev}: give each stage its own name`,
        );
      } else {
        this.stageNames.set(name, index);
        stage.name = name;
      }
    }
    const base = this.stageNames.get(stage.baseImage.toLowerCase());
    if (base !== undefined && base !== index) {
      const parent = this.df.stages[base] as Stage;
      stage.baseStage = base;
      stage.env = { ...parent.env };
      stage.workdir = parent.workdir;
      stage.workdirKnown = parent.workdirKnown;
      stage.mkdirs = [...parent.mkdirs];
      if (parent.user !== undefined) stage.user = parent.user;
    }
    this.df.stages.push(stage);
    this.stageLines.push(ins.pos.line);
    this.stage = stage;
    this.scope = new Map(Object.entries(stage.env));
  }

  private arg(ins: RawInstruction): void {
    const words = splitWords(ins.args, this.escape, true);
    if (words.length === 0) return this.missingArgs(ins, 'ARG needs a name: ARG NAME[=default]');
    for (const w of words) {
      const eq = w.raw.indexOf('=');
      const name = eq === -1 ? w.raw : w.raw.slice(0, eq);
      const scope = this.stage ? this.scope : this.globals;
      let value: string | undefined;
      if (name in this.buildArgs) value = this.buildArgs[name];
      else if (eq !== -1) value = this.expand(w.raw.slice(eq + 1), scope);
      else if (this.stage && this.globals.has(name)) value = this.globals.get(name);
      if (this.stage) {
        // ENV wins over ARG of the same name.
        if (!(name in this.stage.env)) this.scope.set(name, value);
      } else this.globals.set(name, value);
    }
  }

  private env(ins: RawInstruction, stage: Stage): void {
    const words = splitWords(ins.args, this.escape, true);
    if (words.length === 0) return this.missingArgs(ins, 'ENV needs a name and a value: ENV NAME=value');
    const set = (name: string, raw: string): void => {
      const v = this.expand(raw);
      stage.env[name] = v;
      this.scope.set(name, v);
    };
    if (!(words[0] as Word).raw.includes('=')) {
      // Legacy form `ENV NAME value with spaces`.
      const first = words[0] as Word;
      set(first.raw, ins.args.slice(first.offset + first.raw.length).trim());
      return;
    }
    for (const w of words) {
      const eq = w.raw.indexOf('=');
      if (eq <= 0) {
        this.add(
          ins.at(ins.argsOffset + w.offset),
          'error',
          'dockerfile/bad-env',
          `ENV expects NAME=value pairs, found "${w.raw}"`,
        );
        continue;
      }
      set(w.raw.slice(0, eq), w.raw.slice(eq + 1));
    }
  }

  private workdir(ins: RawInstruction, stage: Stage): void {
    const v = this.expand(ins.args.trim());
    if (!v) return this.missingArgs(ins, 'WORKDIR needs a path');
    stage.workdir = cleanPath(v.startsWith('/') ? v : `${stage.workdir}/${v}`);
    stage.workdirKnown = stage.workdirKnown || v.startsWith('/');
  }

  private run(ins: RawInstruction, stage: Stage): void {
    const words = splitWords(ins.args, this.escape, true);
    const { rest } = this.flags(ins, 'run', words);
    const start = rest[0] ? rest[0].offset : ins.args.length;
    let command = ins.args.slice(start);
    const json = parseJsonArray(command);
    if (json) command = json.join(' ');
    for (const h of ins.heredocs) command += `\n${h.body}`;
    stage.runs.push({ line: ins.pos.line, command });
    for (const d of mkdirsFromCommand(command))
      stage.mkdirs.push(d.startsWith('/') ? cleanPath(d) : cleanPath(`${stage.workdir}/${d}`));
  }

  private copy(ins: RawInstruction, stage: Stage, add: boolean): void {
    const kw = add ? 'add' : 'copy';
    const words = splitWords(ins.args, this.escape, false);
    const { flags, rest } = this.flags(ins, kw, words);
    const restText = rest[0] ? ins.args.slice(rest[0].offset) : '';
    let items: Array<{ raw: string; pos: Position }>;
    const json = parseJsonArray(restText);
    if (json) {
      const pos = ins.at(ins.argsOffset + (rest[0] as Word).offset);
      items = json.map((raw) => ({ raw, pos }));
    } else {
      items = rest.map((w) => ({ raw: w.raw, pos: ins.at(ins.argsOffset + w.offset) }));
    }
    const KW = kw.toUpperCase();
    if (items.length < 2) {
      return this.missingArgs(ins, `${KW} needs at least one source and a destination: ${KW} SRC... DEST`);
    }
    const destItem = items[items.length - 1] as { raw: string; pos: Position };
    const destRaw = this.expand(destItem.raw);
    const destDir = destRaw.endsWith('/') || destRaw === '.' || destRaw.endsWith('/.') || destRaw === '';
    if (!destRaw.startsWith('/') && !stage.workdirKnown && stage.baseStage === undefined) {
      this.add(
        destItem.pos,
        'notice',
        'dockerfile/relative-dest',
        `relative destination "${destRaw}" lands under the base image's WORKDIR, which this Dockerfile does not set: write an absolute path`,
      );
    }
    const dest = cleanPath(destRaw.startsWith('/') ? destRaw : `${stage.workdir}/${destRaw}`);
    const copy: CopyInstruction = {
      line: ins.pos.line,
      column: ins.pos.column,
      add,
      sources: [],
      sourcePositions: [],
      dest,
      destDir,
      parents: false,
      excludes: [],
      urls: [],
      heredocs: [],
    };
    for (const f of flags) {
      if (f.name === 'from' && f.value !== undefined) this.copyFrom(ins, stage, copy, f);
      else if (f.name === 'chown' && f.value !== undefined) copy.chown = f.value;
      else if (f.name === 'chmod' && f.value !== undefined) copy.chmod = f.value;
      else if (f.name === 'parents') copy.parents = f.value === undefined || f.value === 'true';
      else if (f.name === 'exclude' && f.value !== undefined) copy.excludes.push(f.value);
    }
    const heredocNames = new Set(ins.heredocs.map((h) => h.name));
    const srcItems = items.slice(0, -1);
    for (const item of srcItems) {
      const hd = /^<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(item.raw);
      if (hd && heredocNames.has(hd[2] as string)) {
        copy.heredocs.push(hd[2] as string);
        continue;
      }
      const raw = this.expand(item.raw);
      if (URL_SOURCE.test(raw) && copy.from === undefined) {
        if (add) copy.urls.push(raw);
        else
          this.add(
            item.pos,
            'error',
            'dockerfile/copy-url',
            `COPY cannot fetch "${raw}": use ADD for URLs, or download in a RUN step`,
          );
        continue;
      }
      // Absolute sources are relative to the context root (or the other stage's root for --from).
      const rooted = raw.startsWith('/') || copy.from !== undefined;
      const cleaned = rooted ? cleanPath(`/${raw}`).slice(1) || '.' : cleanPath(raw || '.');
      if (cleaned === '..' || cleaned.startsWith('../')) {
        this.add(
          item.pos,
          'error',
          'dockerfile/source-outside-context',
          `source "${raw}" is outside the build context: move the file into the context or widen the image's context`,
        );
        continue;
      }
      copy.sources.push(cleaned);
      copy.sourcePositions.push(item.pos);
    }
    if (srcItems.length > 1 && !destDir) {
      this.add(
        destItem.pos,
        'error',
        'dockerfile/copy-dest-not-dir',
        `${KW} with more than one source needs a directory destination ending in "/": write "${destRaw}/"`,
      );
    }
    stage.copies.push(copy);
  }

  private copyFrom(ins: RawInstruction, stage: Stage, copy: CopyInstruction, f: Flag): void {
    const from = f.value as string;
    copy.from = from;
    const pos = ins.at(ins.argsOffset + f.word.offset);
    const lower = from.toLowerCase();
    let target: number | undefined;
    if (/^\d+$/.test(from)) {
      target = Number(from);
      if (target >= this.df.stages.length) {
        this.add(
          pos,
          'error',
          'dockerfile/copy-from-unknown-stage',
          `--from=${from}: there is no stage ${from} before this one (stages are numbered from 0)`,
        );
        return;
      }
    } else target = this.stageNames.get(lower);
    if (target === stage.index) {
      this.add(
        pos,
        'error',
        'dockerfile/copy-from-self',
        `--from=${from} names the stage this COPY is in: a stage cannot copy from itself`,
      );
      return;
    }
    if (target !== undefined) {
      copy.fromStage = target;
      return;
    }
    // Not a stage: Docker pulls it as an image. A near-miss of a stage name is almost surely a typo.
    const hint = closest(lower, this.stageNames.keys());
    if (hint) {
      this.add(
        pos,
        'warning',
        'dockerfile/copy-from-unknown-stage',
        `--from=${from} is not a stage of this Dockerfile, so Docker pulls it as an image (did you mean "${hint}"?)`,
      );
    }
  }
}

/** The JSON (exec) form of an instruction's arguments, or undefined for the shell form. */
export function parseJsonArray(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Parse a Dockerfile. `buildArgs` override ARG defaults as `--build-arg` does. Never throws. */
export function parseDockerfile(source: SourceText, buildArgs: Record<string, string> = {}): Dockerfile {
  try {
    return new Parser(source, buildArgs).df;
  } catch (err) {
    // Defensive: a parser bug must surface as a finding, not crash `validate`.
    return {
      file: source.file,
      stages: [],
      args: {},
      directives: {},
      findings: [
        finding(
          source.file,
          { line: 1, column: 1 },
          'error',
          'dockerfile/internal',
          `Dockerfile could not be read: ${(err as Error).message}`,
        ),
      ],
    };
  }
}

/** The stage that gets built: `target` when given and known, else the last one. */
export function finalStage(df: Dockerfile, target?: string): Stage | undefined {
  if (target !== undefined) {
    const t = target.toLowerCase();
    const s = df.stages.find((st) => st.name === t);
    if (s) return s;
  }
  return df.stages[df.stages.length - 1];
}

/** The stage and the stages it is built FROM, nearest first. */
export function stageChain(df: Dockerfile, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  for (
    let s: Stage | undefined = stage;
    s && !seen.has(s.index);
    s = s.baseStage === undefined ? undefined : df.stages[s.baseStage]
  ) {
    seen.add(s.index);
    chain.push(s);
  }
  return chain;
}

/** Gems installed by `gem install` / `fluent-gem install` lines in the final stage and the stages it builds on. */
export function installedGems(df: Dockerfile, target?: string): Set<string> {
  const out = new Set<string>();
  const last = finalStage(df, target);
  if (!last) return out;
  for (const s of stageChain(df, last)) for (const r of s.runs) for (const g of gemsFromCommand(r.command)) out.add(g);
  return out;
}

export { contextInputs, imageFiles, copySourceFindings } from './copy-expand.js';
