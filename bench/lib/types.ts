// What a suite hands back per round: figures (with units) and ratios computed from figures of that round.

export interface Figure {
  value: number;
  unit: string;
}

export interface RoundResult {
  figures: Record<string, Figure>;
  ratios: Record<string, number>;
}

export interface BenchOptions {
  quick: boolean;
  rounds: number;
  /** A directory on the project's disk (not tmpfs) for database files: fsync must be real. */
  workDir: string;
  log: (line: string) => void;
}

export interface Suite {
  name: string;
  /** Runs every round; a suite sets up once and measures all its figures of a round together. */
  run(options: BenchOptions): Promise<RoundResult[]>;
}

/** A figure a suite could not measure (e.g. the designer is not built), with the reason. */
export interface Missing {
  suite: string;
  reason: string;
}

export class SuiteSkipped extends Error {
  /** What the suite did measure before the part it could not (kept in the results). */
  readonly partial: RoundResult[];
  constructor(reason: string, partial: RoundResult[] = []) {
    super(reason);
    this.name = 'SuiteSkipped';
    this.partial = partial;
  }
}
