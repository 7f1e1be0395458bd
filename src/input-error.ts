/** The one error type for bad user input (files, flags, packs): it always names the file and the place, and maps to exit code 2. */

export class InputError extends Error {
  /**
   * @param file the file at fault (or the flag, e.g. "--format"), as the user gave it
   * @param place a line ("line 12"), a JSON pointer ("/workspaces/3/state") or a YAML path; empty when the whole file is at fault
   * @param detail what is wrong and, where it helps, the fix
   */
  constructor(
    readonly file: string,
    readonly place: string,
    readonly detail: string,
  ) {
    super(`${file}${place ? `: ${place}` : ""}: ${detail}`);
    this.name = "InputError";
  }
}
