/** Where a command writes a line of output. */
export type Out = (text: string) => void;

/** A line to standard output. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A line to standard error. */
export function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}
