/**
 * The grammar of GitHub Actions workflow commands, to check `--format github` line by line:
 * `::error|warning|notice[ key=value(,key=value)*]::message`, the properties and the message
 * escaped as the runner unescapes them (% CR LF; and : , in properties).
 */
/** A workflow command line, parsed: its command, its properties and its message, unescaped. */
export function parseCommand(line: string) {
  const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  const unescape = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const props: Record<string, string> = {};
  for (const p of m[2] ? m[2].split(',') : []) {
    const kv = /^(file|line|col|endLine|endColumn|title)=(.*)$/.exec(p);
    if (!kv) throw new Error(`bad property ${p}`);
    if (/[%](?!25|0D|0A|3A|2C)/.test(kv[2]!)) throw new Error(`a bare % in ${p}`);
    props[kv[1]!] = unescape(kv[2]!);
  }
  if (/%(?!25|0D|0A)/.test(m[3]!)) throw new Error(`a bare % in the message: ${m[3]}`);
  return { level: m[1]!, props, message: m[3]!.replace(/%(25|0D|0A)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
}

/** A whole output: every line a workflow command, each ended by a newline. */
export function parseCommands(out: string) {
  if (!out.endsWith('\n')) throw new Error('output not ended by a newline');
  return out.slice(0, -1).split('\n').map(parseCommand);
}

