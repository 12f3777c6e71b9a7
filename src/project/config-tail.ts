/**
 * An image is its base plus its config tail. The tail is the run of trailing instructions of the
 * built stage after which nothing runs: COPY/ADD of local files and the metadata instructions
 * around them (USER, ENV, LABEL, WORKDIR, EXPOSE, ENTRYPOINT, CMD, ARG). Everything before it
 * is the base, built by docker only when its own inputs change; the tail can then be appended
 * through the registry API as layers and config fields, without a Docker daemon.
 *
 * A Dockerfile whose tail cannot be appended faithfully keeps the plain docker build, and the
 * split says why (`reason`): appending must give what `docker build` gives, or not be done.
 */
import type { SourceText } from '../checks/source.js';
import { lexDockerfile, type RawInstruction } from './dockerfile-lexer.js';
import { type CopyInstruction, type Dockerfile, finalStage, type Stage } from './dockerfile.js';
import { expandWord } from './shell-words.js';

/** Metadata instructions the tail may hold: they change config fields, never files (except WORKDIR). */
const TAIL_META = new Set(['user', 'env', 'label', 'workdir', 'expose', 'entrypoint', 'cmd', 'arg']);

export type TailStep =
  | { kind: 'copy'; line: number; copy: CopyInstruction; text: string }
  | { kind: 'meta'; line: number; keyword: string; args: string; text: string };

export interface ConfigTail {
  ok: true;
  /** The Dockerfile up to the tail: what docker builds and pushes as the base image. */
  baseText: string;
  /** 1-based line where the tail starts. */
  line: number;
  steps: TailStep[];
  /** CMD was set in the built stage before the tail (ENTRYPOINT then keeps it, as docker does). */
  cmdSetInBase: boolean;
  /** ARG values in scope in the built stage (build args applied), for expanding tail metadata. */
  args: Record<string, string>;
  /** Escape character of the Dockerfile. */
  escape: string;
}

export type TailSplit = ConfigTail | { ok: false; reason: string; line?: number };

interface StageRange {
  stage: Stage;
  /** Instructions of the stage after its FROM. */
  body: RawInstruction[];
}

function stageRange(ins: readonly RawInstruction[], df: Dockerfile, target?: string): StageRange | undefined {
  const stage = finalStage(df, target);
  if (!stage) return undefined;
  const fromIdx = ins.findIndex((i) => i.keyword.toLowerCase() === 'from' && i.pos.line === stage.line);
  if (fromIdx === -1) return undefined;
  let end = fromIdx + 1;
  while (end < ins.length && (ins[end] as RawInstruction).keyword.toLowerCase() !== 'from') end++;
  return { stage, body: ins.slice(fromIdx + 1, end) };
}

/** Why a COPY/ADD in the tail cannot be appended, or undefined when it can. */
export function copyProblem(copy: CopyInstruction, relativeDest: boolean): string | undefined {
  const what = `${copy.add ? 'ADD' : 'COPY'} on line ${copy.line}`;
  if (copy.from !== undefined) return `${what} copies --from=${copy.from}, which only docker can read`;
  if (copy.urls.length) return `${what} fetches ${copy.urls[0]}: a remote ADD is left to docker`;
  if (copy.heredocs.length) return `${what} writes a heredoc: left to docker`;
  if (copy.parents || copy.excludes.length)
    return `${what} uses --parents/--exclude, which layer append does not model`;
  if (copy.add && copy.sources.some((s) => /\.(?:tar|tgz|tbz2?|txz|gz|bz2|xz|zst)$/i.test(s))) {
    return `${what} may unpack a local archive: left to docker`;
  }
  if (copy.chown !== undefined && !/^\d+(?::\d+)?$/.test(copy.chown)) {
    return `${what} has --chown=${copy.chown}: a user name needs the base image's /etc/passwd; write numeric uid:gid`;
  }
  if (copy.chmod !== undefined && !/^[0-7]{3,4}$/.test(copy.chmod))
    return `${what} has --chmod=${copy.chmod}: only octal modes are appended`;
  if (relativeDest)
    return `${what} has a relative destination under the base image's WORKDIR, which is unknown without the base`;
  return undefined;
}

/** Names a word uses that neither the Dockerfile's ARGs nor its ENVs define (the base image might). */
function unknownNames(raw: string, known: ReadonlyMap<string, string | undefined>, escape: string): string[] {
  return expandWord(raw, known, escape).undefinedNames;
}

function argScope(
  body: readonly RawInstruction[],
  df: Dockerfile,
  buildArgs: Readonly<Record<string, string>>,
  escape: string,
): Map<string, string> {
  const scope = new Map<string, string>();
  for (const ins of body) {
    if (ins.keyword.toLowerCase() !== 'arg') continue;
    for (const w of ins.args.trim().split(/\s+/)) {
      if (!w) continue;
      const eq = w.indexOf('=');
      const name = eq === -1 ? w : w.slice(0, eq);
      const value =
        name in buildArgs
          ? buildArgs[name]
          : eq !== -1
            ? expandWord(w.slice(eq + 1), scope, escape).value
            : df.args[name];
      if (value !== undefined) scope.set(name, value);
    }
  }
  return scope;
}

/**
 * The config tail of the built stage (the last, or `target`). `buildArgs` as in `parseDockerfile`;
 * `df` must come from the same source and build args.
 */
export function splitConfigTail(
  source: SourceText,
  df: Dockerfile,
  buildArgs: Readonly<Record<string, string>> = {},
  target?: string,
): TailSplit {
  if (df.findings.some((f) => f.severity === 'error')) return { ok: false, reason: 'the Dockerfile has errors' };
  const lexed = lexDockerfile(source);
  const range = stageRange(lexed.instructions, df, target);
  if (!range) return { ok: false, reason: 'no build stage found' };
  const { stage, body } = range;
  let start = body.length;
  while (start > 0 && isTailKeyword((body[start - 1] as RawInstruction).keyword)) start--;
  const tail = body.slice(start);
  const before = body.slice(0, start);
  if (!tail.some((i) => isCopy(i.keyword))) {
    const last = body
      .slice()
      .reverse()
      .find((i) => !TAIL_META.has(i.keyword.toLowerCase()));
    return last
      ? {
          ok: false,
          reason: `${last.keyword.toUpperCase()} on line ${last.pos.line} comes after the last COPY: nothing to append`,
          line: last.pos.line,
        }
      : { ok: false, reason: 'the built stage copies no files: nothing to append' };
  }
  const onbuild = before.find((i) => i.keyword.toLowerCase() === 'onbuild');
  if (onbuild)
    return {
      ok: false,
      reason: `ONBUILD on line ${onbuild.pos.line} in the base: left to docker`,
      line: onbuild.pos.line,
    };
  const args = argScope(body, df, buildArgs, lexed.escape);
  const steps: TailStep[] = [];
  for (const ins of tail) {
    const relative = df.findings.some((f) => f.code === 'dockerfile/relative-dest' && f.line === ins.pos.line);
    const step = tailStep(ins, stage, source, relative);
    if ('reason' in step) return { ok: false, reason: step.reason, line: ins.pos.line };
    if (step.kind === 'copy') {
      const names = [...step.copy.sources, step.copy.dest].length
        ? copyUnknownNames(ins, args, stage, lexed.escape)
        : [];
      if (names.length) {
        return {
          ok: false,
          reason: `COPY on line ${ins.pos.line} uses $${names[0]}, which the Dockerfile does not define (the base image may): left to docker`,
          line: ins.pos.line,
        };
      }
    }
    steps.push(step);
  }
  const workdirProblem = workdirsProblem(steps, args, stage, lexed.escape);
  if (workdirProblem) return { ok: false, reason: workdirProblem };
  const firstTail = tail[0] as RawInstruction;
  // Comments and blank lines just above the tail belong to it: editing them must not rebuild the base.
  const lines = source.text.split('\n').slice(0, firstTail.pos.line - 1);
  while (lines.length && /^\s*(#.*)?$/.test(lines[lines.length - 1] as string)) lines.pop();
  const baseText = `${lines.join('\n')}\n`;
  const cmdSetInBase = before.some((i) => i.keyword.toLowerCase() === 'cmd');
  return {
    ok: true,
    baseText,
    line: firstTail.pos.line,
    steps,
    cmdSetInBase,
    args: Object.fromEntries(args),
    escape: lexed.escape,
  };
}

function isCopy(keyword: string): boolean {
  const k = keyword.toLowerCase();
  return k === 'copy' || k === 'add';
}

function isTailKeyword(keyword: string): boolean {
  return isCopy(keyword) || TAIL_META.has(keyword.toLowerCase());
}

function lineText(source: SourceText, line: number): string {
  return (source.text.split('\n')[line - 1] ?? '').trim();
}

function tailStep(
  ins: RawInstruction,
  stage: Stage,
  source: SourceText,
  relativeDest: boolean,
): TailStep | { reason: string } {
  const text = lineText(source, ins.pos.line);
  if (!isCopy(ins.keyword))
    return { kind: 'meta', line: ins.pos.line, keyword: ins.keyword.toLowerCase(), args: ins.args, text };
  const copy = stage.copies.find((c) => c.line === ins.pos.line);
  if (!copy) return { reason: `${ins.keyword.toUpperCase()} on line ${ins.pos.line} could not be read` };
  if (ins.heredocs.length)
    return { reason: `${ins.keyword.toUpperCase()} on line ${ins.pos.line} writes a heredoc: left to docker` };
  const problem = copyProblem(copy, relativeDest);
  return problem ? { reason: problem } : { kind: 'copy', line: ins.pos.line, copy, text };
}

/** Variables in a COPY's words that only the base image could define (ENV of the base). */
function copyUnknownNames(
  ins: RawInstruction,
  args: ReadonlyMap<string, string>,
  stage: Stage,
  escape: string,
): string[] {
  const known = new Map<string, string | undefined>([...args, ...Object.entries(stage.env)]);
  return unknownNames(ins.args, known, escape);
}

/**
 * WORKDIR creates its directory when missing ("If the WORKDIR doesn't exist, it will be created",
 * Dockerfile reference). A tail WORKDIR is appended only where a tail COPY lands under it, so the
 * directory exists either way and nothing about an existing one is overwritten.
 */
function workdirsProblem(
  steps: readonly TailStep[],
  args: ReadonlyMap<string, string>,
  stage: Stage,
  escape: string,
): string | undefined {
  const dests = steps.flatMap((s) => (s.kind === 'copy' ? [s.copy.dest] : []));
  for (const s of steps) {
    if (s.kind !== 'meta' || s.keyword !== 'workdir') continue;
    const scope = new Map<string, string | undefined>([...args, ...Object.entries(stage.env)]);
    const dir = expandWord(s.args.trim(), scope, escape).value.replace(/\/+$/, '') || '/';
    if (!dir.startsWith('/'))
      return `WORKDIR on line ${s.line} is relative to the base image's WORKDIR: left to docker`;
    if (dir !== '/' && !dests.some((d) => d === dir || d.startsWith(`${dir}/`))) {
      return `WORKDIR ${dir} on line ${s.line}: docker creates it when missing, and whether the base has it is unknown without its layers`;
    }
  }
  return undefined;
}
