// How far long work has got, on one line of a terminal's stderr rewritten in place; nothing at
// all when stderr is not a terminal (a pipe, a file, CI logs) or the work is short.
export interface ProgressLine {
  /** `done` of `total` units of `what` (e.g. "statements run") are done. */
  update(what: string, done: number, total: number): void;
  /** Says what is being done, where there is nothing to count. */
  phase(what: string): void;
  /** Clears the line, before the command prints its results. */
  end(): void;
}

/** Work smaller than this is over before a line would be worth reading. */
const WORTH_SHOWING = 500;
/** At most one rewrite in this many milliseconds. */
const INTERVAL_MS = 100;

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  let shown = false;
  let last = 0;
  const on = Boolean(stream.isTTY) && !process.env.CI;
  return {
    update(what, done, total) {
      if (!on || total < WORTH_SHOWING) return;
      const now = performance.now();
      if (now - last < INTERVAL_MS && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${what}: ${done} of ${total} (${Math.floor((100 * done) / total)}%)`);
    },
    phase(what) {
      if (!on) return;
      shown = true;
      stream.write(`\r\x1b[2K${what}…`);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
