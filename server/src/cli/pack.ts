// `un-cite pack DIR [--out FILE]`: parses a corpus folder once and writes it as a corpus pack that
// the server opens lazily (see corpus/packFormat.ts for the layout).

import { relative } from 'node:path';
import { defaultPackPath, packDirectory } from '../node/packFiles';

export function pack(dir: string, out: string | undefined, print: (s: string) => void, printError: (s: string) => void): number {
  const started = Date.now();
  let result;
  try {
    result = packDirectory(dir, out ?? defaultPackPath(dir));
  } catch (e) {
    printError(`un-cite pack: ${(e as Error).message}\n`);
    return 2;
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  for (const p of errors) printError(`un-cite pack: ${p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}\n`);
  const where = relative(process.cwd(), result.out) || result.out;
  print(`${where}: ${result.documents.toLocaleString('en')} documents, ${result.paragraphs.toLocaleString('en')} paragraphs, ${result.terms.toLocaleString('en')} index terms, ${(result.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s${errors.length ? ` (${errors.length} source problem(s) above)` : ''}\n`);
  return 0;
}
