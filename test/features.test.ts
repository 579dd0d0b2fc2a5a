import { DiagnosticsPipeline } from '../server/src/features/diagnostics';
import { search } from '../server/src/cli/show';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent, Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service';
import { toSettings } from '../server/src/settings';
import { realCorpus } from './helpers';

const service = createLanguageService({ corpus: realCorpus(), corpusUri: (file) => `file:///data/${file}` });
let counter = 0;

/** "see VII.1|4" → a Markdown document and the position of the "|". */
function at(source: string): { doc: TextDocument; position: Position } {
  const offset = source.indexOf('|');
  const doc = TextDocument.create(`file:///draft-${++counter}.md`, 'markdown', 1, source.replace('|', ''));
  return { doc, position: doc.positionAt(offset) };
}

function hoverText(source: string): string | undefined {
  const { doc, position } = at(source);
  return (service.getHover(doc, position)?.contents as MarkupContent | undefined)?.value;
}

describe('hover', () => {
  test('a resolved paragraph: instrument, label, exact text, index topics, report numbering and source', () => {
    assert.equal(
      hoverText('as in I.3|8 above'),
      [
        '**Working Group recommendations, first meeting**  \nWorking Group on the Smuggling of Migrants, First meeting, 30 May to 1 June 2012 · CTOC/COP/WG\\.7/2012/6',
        '**Recommendation 38** · I\\.38',
        '> States parties may wish to reinforce their prevention efforts through the deployment of liaison officers and participation in joint investigation teams\\. At the national level, the creation of integrated border enforcement teams and the establishment of coordination mechanisms involving all agencies engaged in preventing and combating the smuggling of migrants could contribute to preventing such crime\\.',
        'Thematic index: International cooperation, joint investigations; Liaison officers; National strategy and coordination; Prevention efforts  \nAlso cited as CTOC/COP/WG\\.7/2012/6, para 41  \nSource: compendium\\-smuggling\\-of\\-migrants\\-2024\\.txt, line 156',
      ].join('\n\n').replace('Working Group on the Smuggling of Migrants, First meeting', 'Working Group on the Smuggling of Migrants, First meeting'),
    );
  });

  test('a paragraph with two copies names both sources', () => {
    const h = hoverText('Resolution 5/3, para |9')!;
    assert.match(h, /^\*\*Resolution 5\/3\*\* — \*Implementation of the Protocol against the Smuggling of Migrants/);
    assert.match(h, /\*\*Resolution 5\/3, paragraph 9\*\* · Part B V\\\.9/);
    assert.match(h, /Source: compendium\\-smuggling\\-of\\-migrants\\-2024\\\.txt, line 724 · resolution\\-5\\-3\\\.txt, line 37 \(standalone copy\)/);
  });

  test('a chapeau shows its subparagraphs', () => {
    const h = hoverText('Resolution 6/3, para |9')!;
    assert.match(h, /> Also urges States parties\\:\n\n> \\\(a\\\) To consider raising awareness/);
    assert.match(h, /> \\\(c\\\) To ensure, where appropriate/);
  });

  test('on one item of a list, only that item', () => {
    const h = hoverText('Resolution 5/3, paras 9 and 2|2')!;
    assert.match(h, /paragraph 22\*\*/);
    assert.doesNotMatch(h, /paragraph 9\*\*/);
  });

  test('a long range is folded after five members', () => {
    const h = hoverText('VII.|1–22')!;
    assert.match(h, /… and 17 more: 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22$/);
  });

  test('a broken citation explains what is wrong and what exists', () => {
    const h = hoverText('Resolution 5/3, para 2|5')!;
    assert.match(h, /⚠ No paragraph 25\\: Resolution 5\/3 has operative paragraphs 1–24 and preambular paragraph PP 1\\\./);
    assert.match(h, /Did you mean \*Resolution 5\/3, para 24\*/);
  });

  test('an out-of-corpus reference is honest', () => {
    assert.equal(hoverText('under article 1|6, paragraph 5, of the Protocol'), '**article 16, paragraph 5, of the Protocol** — not in the corpus\n\nA treaty provision \\(article 16, paragraph 5, of the Protocol\\); treaties are not in the corpus\\.');
  });

  test('a whole instrument: title, counts, opening and source', () => {
    const h = hoverText('decision |4/5')!;
    assert.match(h, /11 paragraphs, 2 subparagraphs\./);
    assert.match(h, /Source: compendium\\-smuggling\\-of\\-migrants\\-2024\\\.txt, line 658 · decision\\-4\\-5\\\.txt, line 3/);
  });

  test('nothing outside citations', () => {
    assert.equal(hoverText('plain |text'), undefined);
  });
});

describe('go to definition', () => {
  test('both copies of resolution 5/3, para 9, selecting the paragraph, from the citation', () => {
    const { doc, position } = at('Resolution 5/3, para |9');
    assert.deepEqual(service.getDefinition(doc, position), [
      { originSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } }, targetUri: 'file:///data/compendium-smuggling-of-migrants-2024.txt', targetRange: { start: { line: 723, character: 0 }, end: { line: 723, character: 549 } }, targetSelectionRange: { start: { line: 723, character: 0 }, end: { line: 723, character: 549 } } },
      { originSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } }, targetUri: 'file:///data/resolution-5-3.txt', targetRange: { start: { line: 36, character: 0 }, end: { line: 36, character: 559 } }, targetSelectionRange: { start: { line: 36, character: 0 }, end: { line: 36, character: 559 } } },
    ]);
  });

  test('a bare instrument goes to its heading', () => {
    const { doc, position } = at('see Resolution |6/3');
    const [link] = service.getDefinition(doc, position);
    assert.deepEqual([link.targetUri, link.targetRange.start.line], ['file:///data/compendium-smuggling-of-migrants-2024.txt', 765]);
  });

  test('a broken citation goes nowhere', () => {
    const { doc, position } = at('Resolution 5/3, para 2|5');
    assert.deepEqual(service.getDefinition(doc, position), []);
  });
});

describe('hover on forms of real writing (issue 12)', () => {
  test('an inferred report paragraph says so', () => {
    const value = hoverText('CTOC/COP/WG.7/2012/6, para 2|9')!;
    assert.match(value, /Report paragraph 29 is inferred: every pair the thematic index prints for this report differs by the same offset\./);
    assert.match(value, /\*\*Recommendation 26\*\* · I\\\.26/);
  });
  test('a bare V.6 names both readings', () => {
    assert.match(hoverText('see V.|6')!, /⚠ V\\\.6 is not a recommendation of the Working Group.*in Part B it is Resolution 5\/3, paragraph 6/);
  });
});

describe('completion', () => {
  const labels = (source: string) => {
    const { doc, position } = at(source);
    return service.getCompletions(doc, position).items.map((i) => i.label);
  };

  test('after "Resolution " the resolutions, by session', () => assert.deepEqual(labels('Resolution |'), ['5/3', '6/3', '10/3']));
  test('after "decision " the decisions', () => assert.deepEqual(labels('in decision |'), ['1/6', '2/4', '3/3', '4/5']));
  test('after "Resolution 5/3, para " the paragraphs in order', () => {
    const l = labels('Resolution 5/3, para |');
    assert.deepEqual(l.slice(0, 4), ['PP 1', '1', '2', '3']);
    assert.equal(l.length, 25);
  });
  test('paragraph items carry first words and full text', () => {
    const { doc, position } = at('Resolution 5/3, para |');
    const item = service.getCompletions(doc, position).items[1];
    assert.equal(item.detail, 'Urges Member States that have not yet done so to…');
    assert.match((item.documentation as MarkupContent).value, /^\*\*Resolution 5\/3, paragraph 1\*\*\n\n> Urges Member States/);
  });
  test('after "VII." the recommendations of meeting VII', () => assert.deepEqual(labels('see VII.|').slice(0, 3), ['1', '2', '3']));
  test('after "V.2." the subparagraphs of V.2', () => assert.deepEqual(labels('see V.2.|'), 'abcdefghijk'.split('')));
  test('after "(j)(" the subparagraphs of (j)', () => assert.deepEqual(labels('Decision 4/5 (j)(|'), ['(i)', '(ii)']));
  test('after "Part B " the sessions', () => assert.deepEqual(labels('Part B |'), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']));
  test('after "@" and words, ranked full-text results in the chosen style', () => {
    const { doc, position } = at('as agreed @non-liability smuggled|');
    const list = service.getCompletions(doc, position);
    assert.equal(list.items[0].label, 'X.11');
    assert.deepEqual(list.items[0].textEdit, { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 33 } }, newText: 'X.11' });
    service.settings = toSettings({ citationStyle: 'abbreviated' });
    const { doc: d2, position: p2 } = at('@Salvador Declaration|');
    assert.equal(service.getCompletions(d2, p2).items[0].label, 'res. 5/3, para. 8');
    service.settings = toSettings({});
  });
  test('nothing inside inline code', () => assert.deepEqual(labels('`Resolution |'), []));
  test('every instrument designator of the grammar table: "res ", "Res. ", "COP dec "', () => {
    assert.deepEqual(labels('res |'), ['5/3', '6/3', '10/3']);
    assert.deepEqual(labels('COP dec |'), ['1/6', '2/4', '3/3', '4/5']);
  });
  test('after "OP" only operative paragraphs, after "PP" only preambular ones, after "§" all', () => {
    const op = labels('res. 6/3, OP |');
    assert.equal(op[0], '1');
    assert.ok(!op.some((l) => l.startsWith('PP')));
    assert.deepEqual(labels('Resolution 6/3, PP|'), ['1', '2', '3', '4', '5', '6', '7']); // the number after the typed "PP"
    assert.equal(labels('resolution 5/3, § |').length, 25);
  });
});

describe('diagnostics', () => {
  const diagnose = (text: string): Diagnostic[] => service.getDiagnostics(TextDocument.create(`file:///d${++counter}.md`, 'markdown', 1, text));

  test('stable codes, precise ranges, messages that say what exists', () => {
    const d = diagnose('Intro.\nSee Resolution 5/3, para 25 and Part B I.iii and resolution 7/1 and VII.14.\n');
    assert.deepEqual(
      d.map((x) => [x.code, x.severity, x.range.start.line, x.range.start.character, x.range.end.character, x.message]),
      [
        ['citation.unknown-paragraph', 1, 1, 4, 27, 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.'],
        ['citation.misprint', 2, 1, 32, 44, 'Decision 1/6 has no paragraph (iii); it has paragraphs (a)–(f), so this looks like a misprint of (b) (iii).'],
        ['citation.unknown-instrument', 3, 1, 49, 63, 'Resolution 7/1 is not in the corpus (it holds Decision 1/6, Decision 2/4, Decision 3/3, Decision 4/5, Resolution 5/3, Resolution 6/3 and Resolution 10/3); the corpus may simply not include it.'],
      ],
    );
  });

  test('in a list, the failing item carries the diagnostic', () => {
    const [d] = diagnose('Resolution 5/3, paras 9, 31 and 22');
    assert.deepEqual([d.range.start.character, d.range.end.character], [25, 27]);
  });

  test('severity per code and an off switch', () => {
    service.settings = toSettings({ diagnostics: { severity: { 'citation.unknown-paragraph': 'hint', 'citation.unknown-instrument': 'off' } } });
    assert.deepEqual(diagnose('Resolution 5/3, para 25; resolution 7/1').map((x) => [x.code, x.severity]), [['citation.unknown-paragraph', 4]]);
    service.settings = toSettings({ diagnostics: { enabled: false } });
    assert.deepEqual(diagnose('Resolution 5/3, para 25'), []);
    service.settings = toSettings({});
  });

  test('a comment silences a line, the next line or the whole file', () => {
    assert.deepEqual(diagnose('Resolution 5/3, para 25 <!-- un-cite-disable-line -->\n<!-- un-cite-disable-next-line -->\nVII.99\nVII.98').map((x) => x.range.start.line), [3]);
    assert.deepEqual(diagnose('<!-- un-cite-disable -->\nResolution 5/3, para 25'), []);
  });

  test('a document above the size limit is not scanned, and says so', () => {
    service.settings = toSettings({ maxFileSize: 100 });
    const d = diagnose(`Resolution 5/3, para 25 ${'x'.repeat(200)}`);
    assert.deepEqual(d.map((x) => x.code), ['document.too-large']);
    service.settings = toSettings({});
  });
});

describe('code actions', () => {
  const actions = (source: string) => {
    const { doc, position } = at(source);
    const diagnostics = service.getDiagnostics(doc);
    return service.getCodeActions(doc, { start: position, end: position }, diagnostics);
  };

  test('quick fix: the closest valid paragraphs, the first preferred', () => {
    const a = actions('Resolution 5/3, para 2|5').filter((x) => x.kind === 'quickfix');
    assert.deepEqual(a.map((x) => [x.title, x.isPreferred]), [['Replace with "Resolution 5/3, para 24"', true], ['Replace with "Resolution 5/3, para 2"', false], ['Replace with "Resolution 5/3, para 5"', false]]);
    assert.deepEqual(Object.values(a[0].edit!.changes!)[0], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } }, newText: 'Resolution 5/3, para 24' }]);
  });

  test('quick fix for a misprint', () => {
    assert.deepEqual(actions('Part B I.ii|i').filter((x) => x.kind === 'quickfix').map((x) => x.title), ['Replace with "Part B I.b.iii"']);
  });

  test('rewrites between the forms of one paragraph', () => {
    const titles = (s: string) => actions(s).filter((x) => x.kind === 'refactor.rewrite').map((x) => x.title);
    assert.deepEqual(titles('VII.1|4'), ['Rewrite as "recommendation 14 of the seventh meeting"']);
    assert.deepEqual(titles('I.3|8'), ['Rewrite as "recommendation 38 of the first meeting"', 'Rewrite as "CTOC/COP/WG.7/2012/6, para 41"']);
    assert.deepEqual(titles('CTOC/COP/WG.7/2012/6, para 4|1'), ['Rewrite as "I.38"', 'Rewrite as "recommendation 38 of the first meeting"']);
    assert.deepEqual(titles('Resolution 5/3, para |9'), ['Rewrite as "res. 5/3, para. 9"', 'Rewrite as "Part B V.9"']);
  });
});

describe('references, links and symbols', () => {
  test('find references across documents, whatever form cites the paragraph', () => {
    const a = TextDocument.create('file:///a.md', 'markdown', 1, 'See I.38 and Resolution 5/3, para 9.');
    const b = TextDocument.create('file:///b.md', 'markdown', 1, 'Also CTOC/COP/WG.7/2012/6, para 41\nand recommendation 38 of the first meeting, and I.39.');
    const refs = service.getReferences(a, a.positionAt(6), [a, b]);
    assert.deepEqual(refs.map((r) => `${r.uri}:${r.range.start.line}:${r.range.start.character}`), ['file:///a.md:0:4', 'file:///b.md:0:5', 'file:///b.md:1:4']);
  });

  test('each resolved citation links to its paragraph', () => {
    const d = TextDocument.create('file:///l.md', 'markdown', 1, 'VII.14 and VII.99');
    assert.deepEqual(service.getDocumentLinks(d), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, target: 'file:///data/compendium-smuggling-of-migrants-2024.txt#L440', tooltip: 'Open Recommendation 14 (VII.14) in the source text' },
    ]);
  });

  test('workspace symbols search the corpus by words', () => {
    const [first] = service.getWorkspaceSymbols('Salvador Declaration');
    assert.equal(first.name, 'Resolution 5/3, para 8 — Recalls the Salvador Declaration on Comprehensive Strategies for…');
    assert.equal(first.location.uri, 'file:///data/compendium-smuggling-of-migrants-2024.txt');
  });
});

describe('one diagnostics pipeline (issue 13)', () => {
  const doc = TextDocument.create('file:///pipeline.md', 'markdown', 1, 'a\n<!-- un-cite-disable-next-line -->\nc\nd\n');
  const finding = (line: number, code: 'citation.ambiguous' | 'citation.quote-mismatch') => {
    const start = doc.offsetAt({ line, character: 0 });
    return { code, range: { start, end: start + 1 }, message: `${code} on ${line}` };
  };

  test('every checker runs once per version; suppressions and severities apply to all of them at the end', () => {
    let runs = 0;
    const checkers = [
      { name: 'a', codes: ['citation.ambiguous'] as const, check: () => (runs++, [finding(0, 'citation.ambiguous'), finding(2, 'citation.ambiguous')]) },
      { name: 'b', codes: ['citation.quote-mismatch'] as const, check: () => (runs++, [finding(2, 'citation.quote-mismatch'), finding(3, 'citation.quote-mismatch')]) },
    ];
    const pipeline = new DiagnosticsPipeline(checkers);
    const settings = toSettings({ diagnostics: { severity: { 'citation.quote-mismatch': 'hint' } } });
    const first = pipeline.run(doc, settings);
    assert.deepEqual(first.map((d) => `${d.range.start.line} ${d.code} ${d.severity}`), ['0 citation.ambiguous 2', '3 citation.quote-mismatch 4']);
    assert.equal(pipeline.run(doc, settings), first);
    assert.equal(runs, 2);
    // New settings are a new object: computed again. A checker whose codes are all off does no work.
    pipeline.run(doc, toSettings({ diagnostics: { severity: { 'citation.quote-mismatch': 'off' } } }));
    assert.equal(runs, 3);
  });

  test('settings are values: frozen, and a command-line search never changes them', () => {
    const settings = toSettings({ citationStyle: 'abbreviated' });
    assert.ok(Object.isFrozen(settings) && Object.isFrozen(settings.diagnostics.severity));
    const before = service.settings;
    const lines: string[] = [];
    search(service, 'non-liability smuggled', 1, 'compendium', (s) => lines.push(s));
    assert.match(lines[0], /^X\.11\n/);
    assert.equal(service.settings, before);
  });
});
