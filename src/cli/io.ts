/** Where a command writes: standard output for results, standard error for problems and progress. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes a script can rely on (docs/CLI.md). */
export const EXIT = {
  ok: 0,
  /** The workbook has errors (check, report), or build refused to write because of them. */
  problems: 1,
  /** Bad arguments. */
  usage: 2,
  /** The input file is missing or cannot be read. */
  noInput: 3,
  /** The input is not a readable .xlsx: another format, password-protected, or damaged. */
  badFile: 4,
  /** The output could not be written. */
  cannotWrite: 5,
  /** A bug in Prodbook: please report it. */
  internal: 70,
} as const;

/** An error the user can act on, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** An io that keeps everything, for tests and for the benchmark. */
export function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}
