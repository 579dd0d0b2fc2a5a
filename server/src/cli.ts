// The `un-cite` command line: check drafts in a pipeline, look up and search the corpus.

import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CITATION_STYLES, type CitationStyle } from './citations/format';
import { type FailOn, runCheck } from './cli/check';
import { type Format, createReporter } from './cli/reporters';
import { type AnnexFormat, type ProvenanceFormat, printAnnex, printProvenance } from './cli/annex';
import { corpusTable, search, show } from './cli/show';
import { pack } from './cli/pack';
import { createWorkspaceService } from './node/corpora';
import { readCorpusSources } from './node/corpusFiles';
import type { Finding } from './cli/reporters';
import type { LanguageService } from './service';
import { toSettings } from './settings';
import { relative } from 'node:path';

const VERSION = '0.1.0';
const dataDir = resolve(__dirname, '..', 'data');

/** The built-in corpus plus ./.un-citations/corpus/ and every --corpus path. */
function service(corpusPaths: string[] = []): LanguageService {
  const s = createWorkspaceService(dataDir, readCorpusSources(dataDir), process.cwd(), corpusPaths);
  for (const p of s.corpus.problems.filter((x) => x.severity === 'error' && !x.user)) process.stderr.write(`un-cite: corpus: ${p.file}: ${p.message}\n`);
  return s;
}

/** Problems in users' corpus documents, as findings in those files. */
function corpusFindings(s: LanguageService): Finding[] {
  return s.corpus.problems
    .filter((p) => p.user)
    .map((p) => ({
      file: relative(process.cwd(), p.file) || p.file,
      diagnostic: { range: { start: { line: p.line ?? 0, character: 0 }, end: { line: p.line ?? 0, character: 0 } }, severity: p.severity === 'error' ? 1 : 2, code: `corpus.${p.code}`, message: p.message },
    }));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
  .description('check the citations in Markdown and Word (.docx) files, folders or globs')
  .argument('<paths...>', 'files, folders (searched for .md, .markdown and .docx) or globs')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices(['error', 'warning', 'information', 'hint', 'none']).default('error'))
  .option('--max-file-size <bytes>', 'skip files larger than this', positiveInt, 5_000_000)
  .option('--corpus <path>', 'also cite the documents in this file or folder (repeatable); ./.un-citations/corpus/ is always read', collect, [])
  .option('--no-progress', 'no progress line on a terminal')
  .action(async (paths: string[], opts: { format: Format; failOn: FailOn; maxFileSize: number; progress: boolean; corpus: string[] }) => {
    const s = service(opts.corpus);
    s.settings = toSettings({ maxFileSize: opts.maxFileSize });
    const showProgress = opts.progress && process.stderr.isTTY && (opts.format !== 'text' || !process.stdout.isTTY);
    const code = await runCheck(s, {
      inputs: paths,
      corpusFindings: corpusFindings(s),
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
  .option('--corpus <path>', 'also cite the documents in this file or folder (repeatable)', collect, [])
  .action((citation: string, opts: { corpus: string[] }) => {
    process.exitCode = show(service(opts.corpus), citation, out, 'data');
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
  .command('precedent')
  .description('find agreed language: the corpus paragraphs closest to a text, with the share of its wording each holds')
  .argument('<text...>', 'the sentence or paragraph to look for')
  .option('--limit <n>', 'paragraphs to show', positiveInt, 5)
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .addOption(new Option('--style <style>', 'how to write the citations').choices(CITATION_STYLES).default('full'))
  .action((words: string[], opts: { limit: number; format: 'text' | 'json'; style: CitationStyle }) => {
    const results = service().findAgreedLanguage(words.join(' '), opts.limit, opts.style);
    if (opts.format === 'json') out(`${JSON.stringify(results, null, 2)}\n`);
    else if (!results.length) out('No paragraph of the corpus shares this wording.\n');
    else for (const r of results) out(`${r.citation} — ${Math.round(r.score * 100)} % same wording\n  ${r.text}\n  difference: ${r.difference}\n`);
    process.exitCode = results.length ? 0 : 1;
  });

program
  .command('provenance')
  .description('declare reused text: for every paragraph of a draft (.md or .docx), its closest precedents and the share of its words taken from each')
  .argument('<file>', 'a Markdown or Word draft')
  .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
  .addOption(new Option('--style <style>', 'how to write the citations').choices(CITATION_STYLES).default('full'))
  .option('--max-file-size <bytes>', 'refuse files larger than this', positiveInt, 5_000_000)
  .action(async (file: string, opts: { format: ProvenanceFormat; style: CitationStyle; maxFileSize: number }) => {
    process.exitCode = await printProvenance(service(), file, opts.format, opts.style, opts.maxFileSize, out, err);
  });

program
  .command('annex')
  .description('print every paragraph a draft (.md or .docx) cites, in the order first cited, with the lines that cite it')
  .argument('<file>', 'a Markdown or Word draft')
  .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'html']).default('md'))
  .addOption(new Option('--style <style>', 'how to write the citations').choices(CITATION_STYLES).default('full'))
  .option('--max-file-size <bytes>', 'refuse files larger than this', positiveInt, 5_000_000)
  .option('--corpus <path>', 'also cite the documents in this file or folder (repeatable)', collect, [])
  .action(async (file: string, opts: { format: AnnexFormat; style: CitationStyle; maxFileSize: number; corpus: string[] }) => {
    process.exitCode = await printAnnex(service(opts.corpus), file, opts.format, opts.style, opts.maxFileSize, out, err);
  });

program
  .command('pack')
  .description('parse a corpus folder (with a corpus.json, like data/, or of your own documents, like .un-citations/corpus/) once and write it as a corpus pack the server opens lazily')
  .argument('<dir>', 'the corpus folder')
  .option('--out <file>', 'where to write the pack (default: <dir>.uncpack beside the folder)')
  .action((dir: string, opts: { out?: string }) => {
    process.exitCode = pack(dir, opts.out, out, err);
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
