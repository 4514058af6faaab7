/** Posting lists as plain data, for a saved index: stems, where each one's list starts, and the lists. */
export interface PostingData {
  readonly stems: readonly string[];
  /** `stems.length + 1` offsets into `entries` and `values`. */
  readonly starts: readonly number[];
  readonly entries: readonly number[];
  readonly values: readonly number[];
}

/**
 * For each stem, the entries that have it, each with a number (a coverage credit, a word's weight).
 * All lists lie end to end in two typed arrays, with each stem's start: two allocations for the whole
 * index rather than two a stem, which is what made restoring a saved index slow.
 */
export class PostingLists {
  private constructor(
    private readonly slots: ReadonlyMap<string, number>,
    private readonly starts: Int32Array,
    readonly entries: Int32Array,
    readonly values: Float64Array,
  ) {}

  /** The lists of these stems, each list in the order given. */
  static of(lists: ReadonlyMap<string, readonly (readonly [number, number])[]>): PostingLists {
    const stems = [...lists.keys()];
    const starts = [0];
    const entries: number[] = [];
    const values: number[] = [];
    for (const stem of stems) {
      for (const [entry, value] of lists.get(stem) ?? []) {
        entries.push(entry);
        values.push(value);
      }
      starts.push(entries.length);
    }
    return PostingLists.restore({ stems, starts, entries, values });
  }

  static restore(data: PostingData): PostingLists {
    if (data.starts.length !== data.stems.length + 1 || data.entries.length !== data.values.length)
      throw new Error("the posting lists do not fit together");
    return new PostingLists(
      new Map(data.stems.map((stem, slot) => [stem, slot])),
      Int32Array.from(data.starts),
      Int32Array.from(data.entries),
      Float64Array.from(data.values),
    );
  }

  data(): PostingData {
    return {
      stems: [...this.slots.keys()],
      starts: [...this.starts],
      entries: [...this.entries],
      values: [...this.values],
    };
  }

  has(stem: string): boolean {
    return this.slots.has(stem);
  }

  /** The stems that have lists. */
  stems(): IterableIterator<string> {
    return this.slots.keys();
  }

  /**
   * Where the stem's list lies in `entries` and `values`: from `start(slot)` up to (not including)
   * `start(slot + 1)`, for its `slot`; -1 for a stem no entry has. Two numbers rather than a range
   * object: the search reads a list for every word of every question.
   */
  slot(stem: string): number {
    return this.slots.get(stem) ?? -1;
  }

  /** Where the list in `slot` starts in `entries` and `values` (see slot()). */
  start(slot: number): number {
    return this.starts[slot] ?? 0;
  }
}
