// Rescanning after an edit gives exactly what a fresh scan gives, and touches only what changed.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { scanFresh, scanUpdate } from '../server/src/citations/incremental';
import type { Citation } from '../server/src/citations/model';
import { createCitationContext, createLinker, linkCitations, resolveCitation } from '../server/src/citations/resolver';
import { generateDraft } from '../bench/drafts';
import { realCorpus } from './helpers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/service';
import { CitationCache } from '../server/src/features/documents';
import { FRAGMENTS, pick, randomText, rng } from './random';

const context = createCitationContext(realCorpus());
const SEED = Number(process.env.FUZZ_SEED ?? 7);
const resolve = (c: Parameters<typeof resolveCitation>[1]) => resolveCitation(context, c);
const linker = createLinker(context);
const linkedSummary = (cs: Citation[]) => cs.map((c) => `${c.range.start}-${c.range.end} ${c.status} ${JSON.stringify(c.instrument)} ${c.antecedent?.range.start ?? ''} ${c.members.map((m) => `${m.item.range.start}:${m.target?.paragraph.key ?? 'x'}`).join(',')}`);
const summary = (cs: Citation[]) => cs.map((c) => `${c.range.start}-${c.range.end} ${c.status} ${c.members.map((m) => `${m.item.range.start}:${m.target?.paragraph.key ?? 'x'}`).join(',')}`);

describe('incremental rescanning', () => {
  test('typing a character in a 100k-line draft rescans one block', () => {
    const text = generateDraft(100_000);
    const first = scanFresh(text, context.aliases, resolve);
    const at = text.indexOf('Broken: Resolution 5/3, para 25', text.length / 2) + 'Broken: Resolution 5/3, para 2'.length;
    const edited = `${text.slice(0, at)}4${text.slice(at + 1)}`; // para 25 → para 24
    const update = scanUpdate(first.state, edited, context.aliases, resolve);
    assert.ok(update.rescanned.end - update.rescanned.start < 2_000, `rescanned ${update.rescanned.end - update.rescanned.start} characters`);
    assert.deepEqual(summary(update.state.citations), summary(scanFresh(edited, context.aliases, resolve).state.citations));
  });

  test('deleting the "--" of a comment\'s "-->" (no Markdown character typed) opens the comment to the end', () => {
    const text = 'Intro.\n\nSee <!-- a note --> here.\n\nResolution 5/3, para 99.\n';
    const first = scanFresh(text, context.aliases, resolve);
    const at = text.indexOf('-->');
    const edited = text.slice(0, at) + text.slice(at + 2); // "<!-- a note > here.": no closing mark any more
    for (const hint of [undefined, { start: at, oldEnd: at + 2, newEnd: at }]) {
      const update = scanUpdate(first.state, edited, context.aliases, resolve, hint);
      assert.deepEqual(summary(update.state.citations), summary(scanFresh(edited, context.aliases, resolve).state.citations));
      assert.deepEqual(update.state.citations, []);
    }
  });

  test('opening a code fence rescans everything, and is still right', () => {
    const text = 'VII.14\n\nmiddle\n\nI.38\n';
    const first = scanFresh(text, context.aliases, resolve);
    const edited = 'VII.14\n\n```\nmiddle\n\nI.38\n';
    const update = scanUpdate(first.state, edited, context.aliases, resolve);
    assert.deepEqual(update.rescanned, { start: 0, end: edited.length });
    assert.deepEqual(update.state.citations.map((c) => c.text), ['VII.14']);
  });


  test(`random edit sequences equal a fresh scan (seed ${SEED})`, () => {
    const random = rng(SEED);
    for (let round = 0; round < 150; round++) {
      let text = randomText(random, 40);
      let state = scanFresh(text, context.aliases, resolve).state;
      state.relink({ start: 0, end: text.length }, linker);
      for (let step = 0; step < 8; step++) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.5 ? Math.floor(random() * 12) : 0;
        const insert = random() < 0.7 ? pick(random, FRAGMENTS) : '';
        text = text.slice(0, at) + insert + text.slice(at + cut);
        // Half the time with the editor's own account of the edit (issue 13: no text comparison).
        const hint = random() < 0.5 ? { start: at, oldEnd: Math.min(at + cut, state.text.length), newEnd: at + insert.length } : undefined;
        const update = scanUpdate(state, text, context.aliases, resolve, hint);
        if (update.state !== state) update.state.relink(update.change ? { start: update.change.start, end: update.change.newEnd } : { start: 0, end: text.length }, linker);
        state = update.state;
        const fresh = scanFresh(text, context.aliases, resolve).state;
        assert.deepEqual(summary(state.citations), summary(fresh.citations), `seed ${SEED} round ${round} step ${step}: ${JSON.stringify(text)}`);
        // Carried-over references relinked after the edit read as a whole-text linking reads them.
        assert.deepEqual(linkedSummary(state.linked), linkedSummary(linkCitations(context, text, fresh.citations)), `linked: seed ${SEED} round ${round} step ${step}: ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('the editor says what changed (issue 13)', () => {
  test('edits reported before a scan are composed into one span, and the rescan equals a fresh one', () => {
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    let document = TextDocument.create('file:///hint.md', 'markdown', 1, 'Intro.\n\nSee VII.14 and I.38.\n\nEnd, Resolution 5/3, para 9.\n');
    service.getCitations(document);
    for (const [offset, remove, insert] of [[14, 0, 'also '], [0, 6, 'Preface'], [40, 3, '']] as const) {
      const before = document;
      const range = { start: before.positionAt(offset), end: before.positionAt(offset + remove) };
      document = TextDocument.update(before, [{ range, text: insert }], before.version + 1);
      service.noteEdit(document.uri, before.version, document.version, { start: offset, oldEnd: offset + remove, newEnd: offset + insert.length });
    }
    const fresh = TextDocument.create('file:///hint-fresh.md', 'markdown', 1, document.getText());
    assert.deepEqual(summary(service.getCitations(document)), summary(service.getCitations(fresh)));
  });
});

describe('ranges after an edit (issue 13, defect 1)', () => {
  test("a quick fix's range moves with its citation exactly once", () => {
    // "share information about outbreaks" is VII.13; citing VII.14 offers a fix that rewrites the citation.
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    const body = 'Intro.\n\n"States parties should share information about outbreaks and “hotspots” identified along migrant smuggling routes" (VII.14).\n';
    let document = TextDocument.create('file:///fix.md', 'markdown', 1, body);
    const fixOf = (d: TextDocument) => {
      const diagnostic = service.getDiagnostics(d).find((x) => x.code === 'citation.quote-elsewhere')!;
      const fix = (diagnostic.data as { fixes: { range: Range }[] }).fixes[0];
      return { range: fix.range, text: d.getText(fix.range) };
    };
    assert.equal(fixOf(document).text, 'VII.14');
    // Edits in the earlier block: each must move the fix with the citation, never twice.
    for (const insert of ['More ', 'words\nand lines ', '']) {
      document = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }], document.version + 1);
      const fresh = TextDocument.create(`file:///fresh-${document.version}.md`, 'markdown', 1, document.getText());
      assert.deepEqual(fixOf(document), fixOf(fresh));
      assert.equal(fixOf(document).text, 'VII.14');
    }
  });

  test('moving cached citations is linear in their members (a 200-member range many times)', () => {
    const text = 'Intro.\n\n' + 'See paras 1–200 of resolution 5/3.\n\n'.repeat(2_000);
    const first = scanFresh(text, context.aliases, resolve);
    const members = first.state.citations.reduce((n, c) => n + c.members.length, 0);
    assert.equal(members, 400_000);
    const edited = `X${text}`;
    const update = scanUpdate(first.state, edited, context.aliases, resolve);
    assert.deepEqual(summary(update.state.citations).slice(-3), summary(scanFresh(edited, context.aliases, resolve).state.citations).slice(-3));
    // Every member still points at its own item, which slices back.
    for (const c of update.state.citations) for (const m of c.members) assert.ok(c.items.includes(m.item));
  });
});

describe('diagnostics after an edit (issue 13, defect 5)', () => {
  // Quotations (right, wrong, footnoted), agreed language without its citation, suppressions, and
  // the scanner's fragments, carried-over references among them (relinked as far as a change reaches).
  const AGREED = 'States parties should respect the human rights of smuggled migrants and ensure that';
  const DIAGNOSTIC_FRAGMENTS = [
    ...FRAGMENTS,
    '"States parties should share information about outbreaks" (VII.14)', '"States parties are encouraged to share information" (CTOC/COP/WG.7/2012/6, para 41)',
    AGREED, ` ${AGREED} `, '<!-- un-cite-disable-line -->', '<!-- un-cite-disable -->', '"quoted words"[^1]', '\n\n[^1]: VII.13\n', '\n> "Some quoted words here"\n> — VII.14\n',
  ];
  // Half the edits are plain typing (words, citations, quotations): those take the block-only path.
  const PROSE = ['x', 'the ', 'Resolution 5/3, para 9', 'resolution 6/3', 'VII.14', 'para 25', ' and ', '"', AGREED, '"States parties should share information about outbreaks" (VII.14)', '\n', 'ibid.', ' (para. 9)', 'Ibid., para. 4'];
  const shapeOf = (ds: unknown) => JSON.parse(JSON.stringify(ds));

  test(`random edits give exactly the diagnostics of a fresh check, fixes and data included (seed ${SEED})`, () => {
    const random = rng(SEED + 1);
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    const checker = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    for (let round = 0; round < 40; round++) {
      let text = '';
      for (let i = 0; i < 12; i++) text += `${pick(random, DIAGNOSTIC_FRAGMENTS)}${pick(random, DIAGNOSTIC_FRAGMENTS)} ${pick(random, DIAGNOSTIC_FRAGMENTS)}\n\n`;
      let document = TextDocument.create(`file:///diff-${round}.md`, 'markdown', 1, text);
      service.getDiagnostics(document);
      for (let step = 0; step < 10; step++) {
        const old = document.getText();
        const at = Math.floor(random() * (old.length + 1));
        const cut = random() < 0.4 ? Math.floor(random() * 10) : 0;
        const insert = random() < 0.5 ? pick(random, PROSE) : random() < 0.6 ? pick(random, DIAGNOSTIC_FRAGMENTS) : '';
        const before = document;
        const range = { start: before.positionAt(at), end: before.positionAt(at + cut) };
        const oldEnd = before.offsetAt(range.end);
        document = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, old), [{ range, text: insert }], before.version + 1);
        service.noteEdit(document.uri, before.version, document.version, { start: at, oldEnd, newEnd: at + insert.length });
        const fresh = TextDocument.create(`file:///fresh-${round}-${step}.md`, 'markdown', 1, document.getText());
        assert.deepEqual(shapeOf(service.getDiagnostics(document)), shapeOf(checker.getDiagnostics(fresh)), `round ${round} step ${step}: ${JSON.stringify(document.getText())}`);
        checker.forget(fresh.uri);
      }
    }
  });

  test('an edit to an antecedent reaches the "ibid." blocks away that refers to it, and only as far as links change', () => {
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    const filler = 'Filler paragraph about something else entirely.\n\n'.repeat(20);
    let document = TextDocument.create('file:///ibid.md', 'markdown', 1, `Resolution 5/3, para 9.\n\n${filler}Ibid., para. 30.\n\n${filler}VII.99.\n`);
    const messages = () => service.getDiagnostics(document).map((d) => `${d.range.start.line}: ${d.message}`);
    assert.deepEqual(messages(), ['42: No paragraph 30: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.', '84: ' + messages()[1].slice(4)]);
    const before = document;
    document = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, before.getText()), [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 14 } }, text: '6/3' }], 2);
    service.noteEdit(document.uri, 1, 2, { start: 11, oldEnd: 14, newEnd: 14 });
    assert.equal(messages()[0], '42: No paragraph 30: Resolution 6/3 has operative paragraphs 1–22 and preambular paragraphs PP 1–7.');
    const fresh = TextDocument.create('file:///ibid-fresh.md', 'markdown', 1, document.getText());
    assert.deepEqual(shapeOf(service.getDiagnostics(document)), shapeOf(service.getDiagnostics(fresh)));
    // What changed: from the edited block to the block of the one link that changed, not beyond.
    const cache = new CitationCache(context);
    const original = TextDocument.create('file:///span.md', 'markdown', 1, before.getText());
    cache.get(original);
    cache.noteEdit(original.uri, 1, 2, { start: 11, oldEnd: 14, newEnd: 14 });
    const edited = TextDocument.create('file:///span.md', 'markdown', 2, document.getText());
    cache.get(edited);
    const ibidEnd = edited.getText().indexOf('Ibid., para. 30.') + 'Ibid., para. 30.'.length;
    assert.deepEqual(cache.changeSince(edited, 1), { start: 0, oldEnd: ibidEnd, newEnd: ibidEnd });
  });

  test('the hand-checked drafts, edited line by line (cut, retyped, split): every step equals a fresh check', () => {
    const dir = join(__dirname, '..', 'bench', 'accuracy', 'drafts');
    const random = rng(SEED + 2);
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    const checker = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    let steps = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      let document = TextDocument.create(`file:///drafts/${file}`, 'markdown', 1, readFileSync(join(dir, file), 'utf8'));
      service.getDiagnostics(document);
      const edit = (start: number, end: number, text: string) => {
        const before = document;
        document = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, before.getText()), [{ range: { start: before.positionAt(start), end: before.positionAt(end) }, text }], before.version + 1);
        service.noteEdit(document.uri, before.version, document.version, { start, oldEnd: end, newEnd: start + text.length });
        const fresh = TextDocument.create(`file:///fresh/${file}-${document.version}`, 'markdown', 1, document.getText());
        assert.deepEqual(shapeOf(service.getDiagnostics(document)), shapeOf(checker.getDiagnostics(fresh)), `${file} after edit ${document.version - 1}`);
        checker.forget(fresh.uri);
        steps++;
      };
      for (let k = 0; k < 12; k++) {
        const text = document.getText();
        const line = Math.floor(random() * document.lineCount);
        const start = document.offsetAt({ line, character: 0 });
        const end = document.offsetAt({ line: line + 1, character: 0 });
        const cut = text.slice(start, end);
        edit(start, end, ''); // the line cut
        edit(start, start, cut); // and typed back
        const at = start + Math.floor(random() * cut.length);
        edit(at, at, random() < 0.5 ? '\n' : ' '); // split, or a space typed
      }
    }
    assert.ok(steps >= 6 * 36);
  });

  test('typing in prose checks one block and gives back the same list; a new line moves the rest by one', () => {
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    let document = TextDocument.create('file:///typing.md', 'markdown', 1, generateDraft(3_000));
    const first = service.getDiagnostics(document);
    assert.ok(first.length > 500);
    const type = (line: number, character: number, text: string) => {
      const before = document;
      const start = before.offsetAt({ line, character });
      document = TextDocument.update(TextDocument.create(before.uri, 'markdown', before.version, before.getText()), [{ range: { start: { line, character }, end: { line, character } }, text }], before.version + 1);
      service.noteEdit(document.uri, before.version, document.version, { start, oldEnd: start, newEnd: start + text.length });
      return service.getDiagnostics(document);
    };
    // "A sentence without any reference at all" (line 9 of each 15): nothing to say changes.
    assert.equal(type(1509, 4, 'x'), first);
    // A line break there: every later diagnostic is one line further on, the earlier ones are the same objects.
    const moved = type(1509, 4, '\n');
    assert.equal(moved.length, first.length);
    const firstAfter = first.findIndex((d) => d.range.start.line > 1509);
    assert.equal(moved[firstAfter - 1], first[firstAfter - 1]);
    assert.deepEqual(moved.slice(firstAfter).map((d) => d.range.start.line), first.slice(firstAfter).map((d) => d.range.start.line + 1));
    const fresh = TextDocument.create('file:///typing-fresh.md', 'markdown', 1, document.getText());
    assert.deepEqual(shapeOf(moved), shapeOf(service.getDiagnostics(fresh)));
  });
});
