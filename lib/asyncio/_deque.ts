/**
 * A ring-buffer deque: O(1) push/shift/pop/unshift at both ends, amortised
 * growth, and O(n) removal of an item in the middle (cancelled waiters).
 * The waiter lists and `Queue` storage of asyncio use it.
 *
 * @module
 */

/** @internal A double-ended queue on a power-of-two ring buffer. */
export class Deque<T> {
  #buf: (T | undefined)[];
  #head = 0;
  #size = 0;
  #mask: number;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.#buf = new Array(cap);
    this.#mask = cap - 1;
  }

  get length(): number {
    return this.#size;
  }

  #grow(): void {
    const old = this.#buf;
    const cap = old.length;
    const buf = new Array<T | undefined>(cap * 2);
    for (let i = 0; i < this.#size; i++) buf[i] = old[(this.#head + i) & (cap - 1)];
    this.#buf = buf;
    this.#head = 0;
    this.#mask = cap * 2 - 1;
  }

  push(item: T): void {
    if (this.#size === this.#buf.length) this.#grow();
    this.#buf[(this.#head + this.#size) & this.#mask] = item;
    this.#size++;
  }

  unshift(item: T): void {
    if (this.#size === this.#buf.length) this.#grow();
    this.#head = (this.#head - 1) & this.#mask;
    this.#buf[this.#head] = item;
    this.#size++;
  }

  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#buf[this.#head];
    this.#buf[this.#head] = undefined;
    this.#head = (this.#head + 1) & this.#mask;
    this.#size--;
    return item;
  }

  pop(): T | undefined {
    if (this.#size === 0) return undefined;
    const i = (this.#head + this.#size - 1) & this.#mask;
    const item = this.#buf[i];
    this.#buf[i] = undefined;
    this.#size--;
    return item;
  }

  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#buf[this.#head];
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.#size) return undefined;
    return this.#buf[(this.#head + index) & this.#mask];
  }

  /** Removes the first occurrence of `item`; true if found. */
  remove(item: T): boolean {
    for (let i = 0; i < this.#size; i++) {
      if (this.#buf[(this.#head + i) & this.#mask] === item) {
        if (i === 0) {
          this.shift();
          return true;
        }
        for (let j = i; j < this.#size - 1; j++) {
          this.#buf[(this.#head + j) & this.#mask] = this.#buf[(this.#head + j + 1) & this.#mask];
        }
        this.#buf[(this.#head + this.#size - 1) & this.#mask] = undefined;
        this.#size--;
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this.#buf = new Array(16);
    this.#mask = 15;
    this.#head = 0;
    this.#size = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) yield this.#buf[(this.#head + i) & this.#mask] as T;
  }
}
