// What the .vsix holds: only what runs. `vsce ls` lists exactly the files `npm run package` puts in it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SEVERITY } from '../server/src/settings';

const root = join(__dirname, '..');

describe('the packaged extension', () => {
  test('contains only dist, data, syntaxes, media, README, LICENSE and the manifest', () => {
    const files = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const expected = [
      'LICENSE',
      'README.md',
      'data/compendium-smuggling-of-migrants-2024.txt',
      'data/corpus.json',
      'data/decision-4-5.txt',
      'data/draft-resolution-france-2008.txt',
      'data/resolution-5-3.txt',
      'dist/cli.js',
      'dist/corpus.snapshot',
      'dist/extension.js',
      'dist/server-main.cache',
      'dist/server-main.js',
      'dist/server.js',
      'media/icon.png',
      'media/preview.css',
      'media/walkthrough/check.md',
      'media/walkthrough/complete.md',
      'media/walkthrough/example.md',
      'media/walkthrough/hover.md',
      'media/walkthrough/navigate.md',
      'package.json',
      'syntaxes/un-citations.injection.tmLanguage.json',
    ];
    assert.deepEqual(files, expected);
  });

  test('the manifest declares what VS Code needs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['unCitations.corpus.paths']);
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command), ['unCitations.searchCorpus', 'unCitations.showParagraph', 'unCitations.openTopic', 'unCitations.insertAnnex', 'unCitations.findAgreedLanguage', 'unCitations.showProvenance', 'unCitations.restartServer', 'unCitations.statusMenu', 'unCitations.tryExample']);
    // Every code the server reports has a severity setting, with the server's own default.
    for (const [code, setting] of Object.entries(DEFAULT_SEVERITY)) assert.equal(pkg.contributes.configuration.properties['unCitations.diagnostics.severity'].properties[code]?.default, setting, code);
    // Walkthrough steps run what they describe.
    for (const step of pkg.contributes.walkthroughs[0].steps) assert.match(step.description, /\(command:unCitations\.tryExample\?/, step.id);
    assert.ok(pkg.contributes.commands.every((c: { category: string }) => c.category === 'UN Citations'));
    const severity = pkg.contributes.configuration.properties['unCitations.diagnostics.severity'].properties;
    assert.equal(severity['citation.unknown-paragraph'].default, 'error');
  });
});

describe('builds (issue 13, defect 6)', () => {
  test('a production build leaves no source map older than its minified bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-build-'));
    try {
      execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', dir], { cwd: join(__dirname, '..') });
      assert.ok(existsSync(join(dir, 'server-main.js.map')), 'a development build has linked maps');
      execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', dir], { cwd: join(__dirname, '..') });
      assert.ok(!existsSync(join(dir, 'server-main.js.map')), 'the development map outlived the production build');
      assert.doesNotMatch(readFileSync(join(dir, 'server-main.js'), 'utf8'), /sourceMappingURL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
