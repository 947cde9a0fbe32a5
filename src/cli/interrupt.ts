import { EXIT } from './usage.js';

/**
 * Ctrl-C during a command. While its transaction runs, the work is asked to stop (`signal`)
 * and rolls back; before and after it there is nothing to undo, and the command exits at once.
 */
export class Interrupt {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private busy = false;

  private readonly onSignal = (): void => {
    if (this.busy) return this.controller.abort();
    console.error('Interrupted: nothing was applied.');
    process.exit(EXIT.interrupted);
  };

  listen(): void {
    process.on('SIGINT', this.onSignal);
  }

  stop(): void {
    process.off('SIGINT', this.onSignal);
  }

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}
