// The `un-cite` command line: check drafts in a pipeline, look up and search the corpus.

import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CITATION_STYLES, type CitationStyle } from './citations/format';
import { type FailOn, runCheck } from './cli/check';
import { type Format, createReporter } from './cli/reporters';
import { corpusTable, search, show } from './cli/show';
import { loadCorpus } from './node/corpusFiles';
import { type LanguageService, createLanguageService } from './service';
import { toSettings } from './settings';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const VERSION = '0.1.0';
const dataDir = resolve(__dirname, '..', 'data');

function service(): LanguageService {
  const corpus = loadCorpus(dataDir);
  const s = createLanguageService({ corpus, corpusUri: (file) => pathToFileURL(join(dataDir, file)).href });
  for (const p of corpus.problems.filter((x) => x.severity === 'error')) process.stderr.write(`un-cite: corpus: ${p.file}: ${p.message}\n`);
  return s;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

const program = new Command('un-cite')
  .description('Check, look up and search citations of UN resolutions, decisions and Working Group recommendations.')
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));

program
  .command('check')
  .description('check the citations in Markdown files, folders or globs')
  .argument('<paths...>', 'files, folders (searched for .md/.markdown) or globs')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices(['error', 'warning', 'information', 'hint', 'none']).default('error'))
  .option('--max-file-size <bytes>', 'skip files larger than this', positiveInt, 5_000_000)
  .option('--no-progress', 'no progress line on a terminal')
  .action(async (paths: string[], opts: { format: Format; failOn: FailOn; maxFileSize: number; progress: boolean }) => {
    const s = service();
    s.settings = toSettings({ maxFileSize: opts.maxFileSize });
    const showProgress = opts.progress && process.stderr.isTTY && (opts.format !== 'text' || !process.stdout.isTTY);
    const code = await runCheck(s, {
      inputs: paths,
      failOn: opts.failOn,
      maxFileBytes: opts.maxFileSize,
      reporter: createReporter(opts.format, out, err, VERSION),
      progress: showProgress ? (n, file) => err(`\r\u001b[Kchecked ${n} file${n === 1 ? '' : 's'}: ${file.slice(-60)}`) : undefined,
    });
    if (showProgress) err('\r\u001b[K');
    process.exitCode = code;
  });

program
  .command('show')
  .description('print the paragraph(s) a citation names, with their source location')
  .argument('<citation>', 'e.g. "Resolution 5/3, para 9" or "VII.14"')
  .action((citation: string) => {
    process.exitCode = show(service(), citation, out, 'data');
  });

program
  .command('search')
  .description('ranked full-text search of the paragraphs')
  .argument('<words...>', 'words to look for')
  .option('--limit <n>', 'results to show', positiveInt, 10)
  .addOption(new Option('--style <style>', 'how to write the citations').choices(CITATION_STYLES).default('full'))
  .action((words: string[], opts: { limit: number; style: CitationStyle }) => {
    process.exitCode = search(service(), words.join(' '), opts.limit, opts.style, out);
  });

program
  .command('corpus')
  .description('list the documents of the corpus with their paragraph counts')
  .action(() => {
    process.exitCode = corpusTable(service(), out);
  });

program.parseAsync(process.argv).catch((e) => {
  err(`un-cite: ${(e as Error).message}\n`);
  process.exitCode = 2;
});
