import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeartlineError } from '../errors.js';

export interface EmotionDefinition {
  id: string;
  /** +1 positive, -1 negative, 0 neither. */
  valence: number;
  /** What negation flips this emotion to; without one, negation removes it. */
  opposite?: string;
  description: string;
}

/** The emotions Heartline tags: the built-in customer-experience set plus any a user's lexicon folder adds. */
export class Taxonomy {
  readonly emotions: ReadonlyMap<string, EmotionDefinition>;

  constructor(definitions: EmotionDefinition[]) {
    this.emotions = new Map(definitions.map((d) => [d.id, d]));
  }

  has(id: string): boolean {
    return this.emotions.has(id);
  }

  opposite(id: string): string | undefined {
    return this.emotions.get(id)?.opposite;
  }

  get ids(): string[] {
    return [...this.emotions.keys()];
  }
}

/** Reads `taxonomy.json` from each folder that has one; later folders add emotions or redefine them. */
export function loadTaxonomy(dirs: readonly string[]): Taxonomy {
  const byId = new Map<string, EmotionDefinition>();
  for (const dir of dirs) {
    const file = join(dir, 'taxonomy.json');
    if (!existsSync(file)) continue;
    let parsed: { emotions?: EmotionDefinition[] };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as { emotions?: EmotionDefinition[] };
    } catch (error) {
      throw new HeartlineError('E_USAGE', `taxonomy.json is not valid JSON: ${(error as Error).message}`, { file });
    }
    for (const d of parsed.emotions ?? []) {
      if (typeof d.id !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(d.id)) {
        throw new HeartlineError('E_USAGE', `emotion id ${JSON.stringify(d.id)} must be lowercase letters, digits, _ or -`, { file });
      }
      byId.set(d.id, { id: d.id, valence: Number(d.valence ?? 0), opposite: d.opposite, description: d.description ?? '' });
    }
  }
  return new Taxonomy([...byId.values()]);
}
