import type { ObjectKey } from '../schema/model.js';

export interface Orderable {
  rank: number;
  provides: ObjectKey[];
  requires: ObjectKey[];
}

/**
 * Orders statements so that each comes after what it requires, and otherwise by rank, then
 * by its place in the input: deterministic, and a document's own order where it is free.
 * Requirements nothing provides (built-ins, other databases' objects) are ignored; a cycle
 * is broken by emitting its lowest-ranked statement.
 */
export function orderByDependencies<T extends Orderable>(items: T[]): T[] {
  const providers = new Map<ObjectKey, number[]>();
  items.forEach((item, i) => item.provides.forEach((key) => providers.set(key, [...(providers.get(key) ?? []), i])));

  const waitingOn = items.map(() => 0);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, i) => {
    const before = new Set<number>();
    for (const key of item.requires) for (const p of providers.get(key) ?? []) if (p !== i) before.add(p);
    waitingOn[i] = before.size;
    for (const p of before) dependents[p]!.push(i);
  });

  const byPriority = (a: number, b: number) => items[a]!.rank - items[b]!.rank || a - b;
  const ready = new MinQueue(byPriority);
  items.forEach((_, i) => waitingOn[i] === 0 && ready.push(i));
  const done = new Set<number>();
  const ordered: T[] = [];
  while (ordered.length < items.length) {
    let next = ready.pop();
    if (next === undefined) {
      // A cycle: take the first remaining statement by priority.
      next = items.map((_, i) => i).filter((i) => !done.has(i)).sort(byPriority)[0]!;
    }
    if (done.has(next)) continue;
    done.add(next);
    ordered.push(items[next]!);
    for (const d of dependents[next]!) if (--waitingOn[d]! === 0 && !done.has(d)) ready.push(d);
  }
  return ordered;
}

/** A binary heap: ordering thousands of statements stays O(n log n). */
class MinQueue {
  private heap: number[] = [];
  constructor(private readonly less: (a: number, b: number) => number) {}

  push(value: number): void {
    const heap = this.heap;
    heap.push(value);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(heap[i]!, heap[parent]!) >= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && this.less(heap[l]!, heap[smallest]!) < 0) smallest = l;
        if (r < heap.length && this.less(heap[r]!, heap[smallest]!) < 0) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
