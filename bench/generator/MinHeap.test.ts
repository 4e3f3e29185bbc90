import { describe, expect, it } from 'vitest';
import { MinHeap } from './MinHeap.js';
import { Random } from './Random.js';

describe('MinHeap', () => {
  it('gives entries back by time, ties in insertion order', () => {
    const heap = new MinHeap<{ at: number; seq: number; name: string }>();
    const random = new Random(1);
    const entries = Array.from({ length: 500 }, (_, seq) => ({
      at: random.int(0, 50),
      seq,
      name: `e${seq}`,
    }));
    for (const entry of entries) heap.push(entry);
    expect(heap.size).toBe(500);
    const out: { at: number; seq: number }[] = [];
    for (let top = heap.pop(); top !== undefined; top = heap.pop()) out.push(top);
    const expected = [...entries].sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(out).toEqual(expected);
    expect(heap.peek()).toBeUndefined();
  });
});
