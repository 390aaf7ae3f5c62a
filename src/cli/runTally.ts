/**
 * What went wrong in a run besides the findings, in one place: a path that does not exist, a
 * config or data pack that cannot be used, a file that cannot be read or written. Each is
 * said on standard error as it happens (a config or pack error once, however many files it
 * governs) and counted here; the tally then gives the formatters what to print beside the
 * reports, and the exit code: 2 for any of these, else 1 for errors found (or more warnings
 * than --max-warnings), else 0.
 */
import { terminalSafe } from './formatters/safe';
import { displayPath } from '../node/discovery';
import type { RunOutcome } from './report';

export class RunTally {
  /** Problems that make the run exit 2. */
  private problems = 0;
  /** Claim files that were not audited because of one of them. */
  private unaudited = 0;
  /** Distinct errors said on stderr besides config errors (missing paths, packs, unreadable files). */
  private said = 0;
  private readonly configErrorsSaid = new Set<string>();
  private readonly packErrorsSaid = new Set<string>();

  constructor(private readonly write: (text: string) => void = (text) => process.stderr.write(text)) {}

  /** A file or folder given on the command line that does not exist. */
  missingPath(path: string): void {
    this.write(`claimlint: ${terminalSafe(path)}: no such file or folder\n`);
    this.problems++;
    this.said++;
  }

  /**
   * A config file that cannot be used: said once, however many files it governs, and also for
   * a folder given that holds no claim file (a broken config is never "no problems").
   * `file`: it governs a claim file, which is not audited.
   */
  configError(message: string, file: boolean): void {
    if (!this.configErrorsSaid.has(message)) this.write(`claimlint: ${terminalSafe(displayPath(message))}\n`);
    this.configErrorsSaid.add(message);
    this.problems++;
    if (file) this.unaudited++;
  }

  /** A claim file's data packs that cannot be loaded: each error said once a run; the file is not audited. */
  packErrors(errors: readonly string[]): void {
    for (const e of errors) {
      if (!this.packErrorsSaid.has(e)) {
        this.write(`claimlint: data pack ${terminalSafe(e)}\n`);
        this.said++;
      }
      this.packErrorsSaid.add(e);
    }
    this.problems++;
    this.unaudited++;
  }

  /** A claim file that cannot be read or written (`what`: "cannot read (EACCES)"); it is not audited. */
  fileError(shown: string, what: string): void {
    this.write(`claimlint: ${terminalSafe(shown)}: ${what}\n`);
    this.said++;
    this.problems++;
    this.unaudited++;
  }

  /** Something went wrong that makes the run exit 2. */
  get failed(): boolean {
    return this.problems > 0;
  }

  /** What the formatters print beside the reports. */
  outcome(): RunOutcome {
    return { notAudited: this.unaudited, errorsAbove: this.said + this.configErrorsSaid.size };
  }

  /** The run's exit code, once the reports are written: from their errors and warnings (after --quiet). */
  exitCode(errors: number, warnings: number, maxWarnings: number | undefined): number {
    if (this.problems) return 2;
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      this.write(`claimlint: too many warnings (${warnings}); at most ${maxWarnings} allowed (--max-warnings)\n`);
      return 1;
    }
    return 0;
  }
}
