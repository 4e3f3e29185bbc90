/**
 * A small deterministic pseudo-random source for the generator: a 32-bit counter stepped by an odd
 * constant and passed through a multiply-xorshift mixer. Not cryptographic; stable across runs and
 * platforms (only 32-bit integer arithmetic and IEEE doubles).
 */

const step = 0x3c6ef373;
const twoTo32 = 4_294_967_296;

const hexBytes = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));
const weightTables = new WeakMap<object, { keys: string[]; weights: number[]; total: number }>();

/** Mixes a 32-bit integer into a well-spread 32-bit unsigned integer. */
export function mix32(value: number): number {
  let z = value | 0;
  z ^= z >>> 15;
  z = Math.imul(z, 0x2c1b3c6d);
  z ^= z >>> 12;
  z = Math.imul(z, 0x297a2d39);
  z ^= z >>> 15;
  return z >>> 0;
}

/** Hashes a seed and a list of labels into a new 32-bit seed (FNV-style walk, then mixed). */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = mix32(seed ^ 0x5bd1e995);
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = mix32(h ^ 0x9e37);
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) derived from a seed and labels, without keeping a generator. */
export function hashUnit(seed: number, ...labels: (string | number)[]): number {
  return deriveSeed(seed, ...labels) / twoTo32;
}

/** A seeded pseudo-random generator with the distributions the generator needs. */
export class Random {
  private state: number;

  /** Creates a generator from a seed; equal seeds give equal sequences. */
  constructor(seed: number) {
    this.state = mix32(seed) | 0;
  }

  /** A child generator for a labelled sub-stream, independent of how much this one was used. */
  static from(seed: number, ...labels: (string | number)[]): Random {
    return new Random(deriveSeed(seed, ...labels));
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + step) | 0;
    return mix32(this.state);
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return this.uint32() / twoTo32;
  }

  /** A uniform number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** A uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One key of a weight table, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = weightTables.get(weights);
    if (table === undefined) {
      const entries = Object.entries(weights) as [string, number][];
      table = { keys: entries.map(([key]) => key), weights: entries.map(([, w]) => w), total: 0 };
      for (const weight of table.weights) table.total += weight;
      weightTables.set(weights, table);
    }
    let target = this.float() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      target -= table.weights[i]!;
      if (target < 0) return table.keys[i] as K;
    }
    const last = table.keys[table.keys.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty table');
    return last as K;
  }

  /** A standard normal deviate (Box–Muller, one of the pair). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal deviate with the given median and shape (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson-distributed count with mean `lambda` (normal approximation above 40). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let count = 0;
    let product = this.float();
    while (product > limit) {
      count++;
      product *= this.float();
    }
    return count;
  }

  /** `length` lowercase hexadecimal digits (a git sha is 40). */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const word = this.uint32();
      out +=
        hexBytes[word >>> 24]! +
        hexBytes[(word >>> 16) & 255]! +
        hexBytes[(word >>> 8) & 255]! +
        hexBytes[word & 255]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** `length` characters of uppercase letters and digits, like a vendor's opaque id. */
  code(length: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.uint32() % alphabet.length];
    return out;
  }
}
