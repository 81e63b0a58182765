/**
 * A pipeline stage works on a batch of items in place: it fills in what it `assigns` from what earlier
 * stages assigned. Import today runs `validate`; language and emotion stages slot in after it.
 */
export interface Stage<Item> {
  readonly name: string;
  run(items: Item[]): void | Promise<void>;
}
