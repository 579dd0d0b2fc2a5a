// Strings kept longer than the text they were cut from.

/**
 * A copy of a slice that does not share its parent's memory. V8 slices point into their parent:
 * a citation or quotation kept across edits would otherwise keep every old version of the whole
 * document alive.
 */
export function detach(slice: string): string {
  return (' ' + slice).slice(1);
}
