/**
 * Just enough shell reading for RUN lines: split into simple commands (`&&`, `||`, `;`, `|`,
 * newlines), drop `sudo`/`env`/assignments in front, and read `gem install` and `mkdir` argv.
 * Anything cleverer (`sh -c "..."`, `$(...)`) is not followed: callers treat the result as a
 * lower bound.
 */

const OPERATORS = ['&&', '||', ';', '|', '&', '\n', '(', ')'];

/** Shell-ish tokens; operators are their own tokens. Bounded: one pass over the text. */
export function shellTokens(command: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  const flush = (): void => {
    if (has) out.push(cur);
    cur = '';
    has = false;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      const stop = end === -1 ? command.length : end;
      cur += command.slice(i + 1, stop);
      has = true;
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '\\' && j + 1 < command.length) j++;
        cur += command[j];
      }
      has = true;
      i = j;
    } else if (c === '\\' && i + 1 < command.length) {
      // Backslash-newline is a continuation; otherwise it escapes the next character.
      if (command[i + 1] !== '\n') {
        cur += command[i + 1];
        has = true;
      }
      i++;
    } else if (c === '#' && !has && (i === 0 || /\s/.test(command[i - 1] as string))) {
      const nl = command.indexOf('\n', i);
      i = (nl === -1 ? command.length : nl) - 1;
    } else if (c === '\n' || /[;&|()]/.test(c)) {
      flush();
      const two = command.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        out.push(two);
        i++;
      } else out.push(c);
    } else if (/\s/.test(c)) flush();
    else {
      cur += c;
      has = true;
    }
  }
  flush();
  return out;
}

/** argv of each simple command, with leading `sudo`, `env`, `exec` and `NAME=value` dropped. */
export function simpleCommands(command: string): string[][] {
  const cmds: string[][] = [];
  let argv: string[] = [];
  for (const t of shellTokens(command)) {
    if (OPERATORS.includes(t)) {
      if (argv.length) cmds.push(argv);
      argv = [];
    } else argv.push(t);
  }
  if (argv.length) cmds.push(argv);
  return cmds.map(stripPrefixes).filter((a) => a.length > 0);
}

function stripPrefixes(argv: string[]): string[] {
  let k = 0;
  for (;;) {
    const t = argv[k];
    if (t === undefined) break;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) k++;
    else if (t === 'sudo' || t === 'env' || t === 'exec' || t === 'command' || t === 'time' || t === 'nice') {
      k++;
      while (argv[k]?.startsWith('-')) k += argv[k] === '-u' || argv[k] === '-g' ? 2 : 1;
    } else break;
  }
  return argv.slice(k);
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** `gem install` options that take a separate value. */
const GEM_VALUE_OPTS = new Set([
  '-v',
  '--version',
  '-s',
  '--source',
  '-i',
  '--install-dir',
  '-n',
  '--bindir',
  '--platform',
  '-p',
  '--http-proxy',
  '--build-root',
  '-g',
  '--file',
  '-P',
  '--trust-policy',
  '--target-rbconfig',
]);

/** Gem names installed by `gem install` / `fluent-gem install` in a RUN command (`name:version` -> `name`). */
export function gemsFromCommand(command: string): string[] {
  const out: string[] = [];
  for (const argv of simpleCommands(command)) {
    const prog = base(argv[0] as string);
    if (prog !== 'gem' && prog !== 'fluent-gem') continue;
    if (argv[1] !== 'install' && argv[1] !== 'i') continue;
    for (let k = 2; k < argv.length; k++) {
      const a = argv[k] as string;
      if (a === '--') break;
      if (a.startsWith('-')) {
        if (GEM_VALUE_OPTS.has(a)) k++;
        continue;
      }
      const name = a.split(':')[0] as string;
      if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) out.push(name);
    }
  }
  return out;
}

/** Directories a RUN command creates with `mkdir` (as written; relative ones are resolved by the caller). */
export function mkdirsFromCommand(command: string): string[] {
  const out: string[] = [];
  for (const argv of simpleCommands(command)) {
    if (base(argv[0] as string) !== 'mkdir') continue;
    for (let k = 1; k < argv.length; k++) {
      const a = argv[k] as string;
      if (a === '-m' || a === '--mode') k++;
      else if (!a.startsWith('-') && !a.includes('$')) out.push(a);
    }
  }
  return out;
}
