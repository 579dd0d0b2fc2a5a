import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { createPreviewPlugin } from '../server/src/preview';
import { DATA_DIR } from './helpers';

describe('Markdown preview plugin', () => {
  const md = createPreviewPlugin(DATA_DIR, () => true)(new MarkdownIt());

  test('a citation becomes a link to its paragraph with the cited text as title', () => {
    const html = md.render('See VII.14 now.');
    assert.match(html, /^<p>See <a href="file:\/\/\/[^"]+\/data\/compendium-smuggling-of-migrants-2024\.txt#L440" class="un-citation" title="Recommendation 14 \(VII\.14\): In accordance with the Smuggling of Migrants Protocol, States parties are encouraged to collaborate[^"]*">VII\.14<\/a> now\.<\/p>\n$/);
  });

  test('a broken citation is marked with the reason', () => {
    assert.equal(md.render('Resolution 5/3, para 25'), '<p><span class="un-citation-broken" title="No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.">Resolution 5/3, para 25</span></p>\n');
  });

  test('code, existing links and out-of-corpus references are left alone', () => {
    assert.equal(md.render('`VII.14` [VII.14](http://x) article 16 of the Protocol'), '<p><code>VII.14</code> <a href="http://x">VII.14</a> article 16 of the Protocol</p>\n');
  });

  test('text with quotes and angle brackets in the paragraph is escaped in the title', () => {
    const html = md.render('Resolution 5/3, para 13');
    assert.match(html, /title="Resolution 5\/3, paragraph 13 \(Part B V\.13\): Notes the publication of the issue papers prepared by the United Nations Office on Drugs and Crime entitled “A short introduction/);
    assert.doesNotMatch(html, /title="[^"]*<[^"]*"/);
  });

  test('switched off, it renders plain Markdown', () => {
    const off = createPreviewPlugin(DATA_DIR, () => false)(new MarkdownIt());
    assert.equal(off.render('VII.14'), '<p>VII.14</p>\n');
  });
});

describe('the preview reads citations as the editor does (issue 13, defect 4)', () => {
  const md = createPreviewPlugin(DATA_DIR, () => true)(new MarkdownIt());

  test('a citation broken over two lines links its paragraph, not the whole resolution', () => {
    const html = md.render('See Resolution 5/3,\npara 9 today.');
    assert.match(html, /^<p>See <a href="[^"]+#L\d+" class="un-citation" title="Resolution 5\/3, paragraph 9 \(Part B V\.9\): [^"]+">Resolution 5\/3,\npara 9<\/a> today\.<\/p>\n$/);
  });

  test('a carried-over reference reads its antecedent, as in the editor', () => {
    assert.match(md.render('Resolution 6/3 is clear (para. 9).'), /\(<a [^>]*title="Resolution 6\/3, paragraph 9 \(Part B VI\.9\): [^"]*">para\. 9<\/a>\)/);
  });

  test('markup between stops a citation, and a citation inside emphasis still links', () => {
    assert.match(md.render('Resolution 5/3, `para` 9'), /^<p><a [^>]*title="Resolution 5\/3 — [^"]*">Resolution 5\/3<\/a>, <code>para<\/code> 9<\/p>\n$/);
    assert.match(md.render('*VII.14* and **I.38**'), /<em><a [^>]*>VII\.14<\/a><\/em> and <strong><a [^>]*>I\.38<\/a><\/strong>/);
  });

  test("the workspace's own documents resolve in the preview", () => {
    const folder = mkdtempSync(join(tmpdir(), 'un-preview-'));
    mkdirSync(join(folder, '.un-citations', 'corpus'), { recursive: true });
    copyFileSync(join(__dirname, 'fixtures', 'resolution-12-2.md'), join(folder, '.un-citations', 'corpus', 'resolution-12-2.md'));
    const plugin = createPreviewPlugin(DATA_DIR, () => true, { folder: () => folder, corpusPaths: () => [] });
    const own = plugin(new MarkdownIt());
    assert.match(own.render('Resolution 12/2, para 1'), /class="un-citation" title="Resolution 12\/2, paragraph 1: Urges States parties to strengthen search and rescue at sea;"/);
    assert.match(md.render('Resolution 12/2, para 1'), /un-citation-broken/);
  });
});
