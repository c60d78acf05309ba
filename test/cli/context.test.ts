/**
 * What a run writes and how: renderer output (text, bytes, chunks, at a slow reader's pace), the
 * exit code told before the output, colors and progress decided by the run's Io, not the process.
 */
import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import { colorLevel, makeCli, writeOutput, type OutStream } from '../../src/cli/context.js';
import type { Formats } from '../../src/report/render.js';
import { ccch, fakeIo, sink } from '../helpers.js';
import { run } from '../../src/cli/main.js';

const HAND = ['fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv'];

/** A stream whose reader takes `room` chunks, then is behind until drain() is called. */
function slowStream(room: number) {
  const events = new EventEmitter();
  const chunks: unknown[] = [];
  const stream: OutStream & { chunks: unknown[]; drain(): void } = {
    chunks,
    write(chunk) {
      chunks.push(chunk);
      return chunks.length < room;
    },
    once: (event, listener) => events.once(event, listener),
    drain: () => events.emit('drain'),
  };
  return stream;
}

describe('writeOutput', () => {
  it('writes text and bytes whole, and chunks in order, sync or async', async () => {
    const out = sink();
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff]);
    await writeOutput(out, 'a');
    await writeOutput(out, bytes);
    await writeOutput(out, ['b', 'c']);
    await writeOutput(
      out,
      (async function* () {
        yield 'd';
        yield new Uint8Array([0x65]);
      })(),
    );
    expect(out.chunks).toEqual(['a', bytes, 'b', 'c', 'd', new Uint8Array([0x65])]);
  });

  it('waits for the reader before writing the next chunk', async () => {
    const s = slowStream(1);
    const done = writeOutput(s, ['one', 'two', 'three']);
    await new Promise((r) => setTimeout(r, 10));
    expect(s.chunks).toEqual(['one']); // the reader is behind: 'two' waits
    s.drain();
    await new Promise((r) => setTimeout(r, 10));
    expect(s.chunks).toEqual(['one', 'two']);
    s.drain();
    await new Promise((r) => setTimeout(r, 10));
    s.drain(); // after the last chunk too: the output is written once the reader has it
    await done;
    expect(s.chunks).toEqual(['one', 'two', 'three']);
  });
});

describe('Cli.render', () => {
  it('writes a format that gives bytes (a later xlsx), through the same registry as text formats', async () => {
    const formats: Formats<{ n: number }, { twice: boolean }> = [
      { name: 'text', readme: 'text', load: async () => ({ render: (v, ctx) => `${ctx.lang}:${v.n}\n` }) },
      { name: 'bin', readme: 'bytes', load: async () => ({ render: async (v, ctx) => new Uint8Array(ctx.options.twice ? [v.n, v.n] : [v.n]) }) },
    ];
    const io = fakeIo();
    const cli = makeCli(io, '0.0.0', 'en');
    await cli.render(formats, { format: 'bin' }, { n: 7 }, { twice: true });
    await cli.render(formats, { format: 'text' }, { n: 7 }, { twice: false });
    expect(io.stdout.chunks).toEqual([new Uint8Array([7, 7]), 'en:7\n']);
  });
});

describe('a run', () => {
  it('tells the exit code before it writes the output (a reader that leaves early still gets it)', async () => {
    const io = fakeIo();
    const seen: Array<string | number> = [];
    io.exitCode = (code) => seen.push(code);
    const write = io.stdout.write;
    io.stdout.write = (chunk) => {
      if (seen.at(-1) !== 'output') seen.push('output');
      return write(chunk);
    };
    expect(await run(['score', ...HAND, '--format', 'json'], io)).toBe(1);
    expect(seen).toEqual([1, 'output']);
  });

  it('shows progress only on a terminal stderr, and clears it', async () => {
    const tty = await ccch(['score', ...HAND], { tty: { stderr: true } });
    expect(tty.stderr.startsWith("\r\u001b[KĐang đọc fixtures/hand/ho-so-2023.csv: 0.0 MB")).toBe(true);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect((await ccch(['score', ...HAND])).stderr).toBe('');
  });

  it('reads the environment from its Io, not the process', async () => {
    const io = fakeIo({ env: { FORCE_COLOR: '1' } });
    expect(process.env.FORCE_COLOR).toBeUndefined();
    await run(['score', 'fixtures/hand/all-pass.csv'], io);
    expect(io.stdout.text()).toContain('\u001b[');
  });
});

describe('colorLevel', () => {
  it.each([
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, 3],
    [{ FORCE_COLOR: '' }, false, 1],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 2],
    [{ TERM: 'dumb' }, true, 0],
    [{ COLORTERM: 'truecolor' }, true, 3],
    [{}, false, 0],
  ])('%j, terminal %s → %i', (env, tty, level) => {
    expect(colorLevel(env, tty)).toBe(level);
  });
});
