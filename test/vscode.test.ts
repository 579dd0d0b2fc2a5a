// The extension in real VS Code (code-server 4.100.3 = VS Code 1.100.3, from npm): the
// integration suite in the extension host, the packaged .vsix installed as users install it, and
// one look at the workbench as a person sees it. Needs Debian's chromium and the packages that
// test/vscode/setup.sh lists (.ci/run installs them); outside CI a missing chromium skips it.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ensureInstalled, installVsix, lookAtCompletionAndQuickFix, lookAtWorkbench, runSuite, startCodeServer } from './vscode/runner';
import { SUITE, freshWorkspace } from './vscode/suiteConfig';

const ROOT = join(__dirname, '..');
const ready = existsSync('/usr/bin/chromium') && spawnSync('sh', ['-c', 'command -v rg && command -v g++']).status === 0;


describe('in real VS Code', { timeout: 900_000 }, () => {
  if (!ready) {
    if (process.env.CI) throw new Error('chromium, ripgrep or g++ is missing; .ci/run installs them');
    test('needs Debian chromium, ripgrep and build tools', (t) => t.skip('not installed here'));
    return;
  }

  test('the integration suite passes in the extension host', async () => {
    ensureInstalled();
    const workspace = freshWorkspace();
    const server = await startCodeServer(workspace);
    try {
      const result = await runSuite(server, workspace, ROOT, SUITE);
      assert.equal(result.exitCode, 0, result.log.filter((l) => /ok -|passed|Error|error/.test(l)).join('\n'));
    } finally {
      await server.stop();
    }
  });

  test('the packaged .vsix installs, activates and serves a hover', async () => {
    ensureInstalled();
    const out = mkdtempSync(join(tmpdir(), 'un-vsix-'));
    const vsix = join(out, 'un-citations.vsix');
    // Package from a copy so the production build does not replace dist/ under the other tests.
    const copy = join(out, 'src');
    mkdirSync(copy);
    for (const f of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'data', 'syntaxes', 'media', 'server', 'client', 'scripts']) cpSync(join(ROOT, f), join(copy, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    execFileSync(process.execPath, [join(copy, 'scripts', 'build.mjs'), '--production'], { cwd: copy });
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: copy, encoding: 'utf8' });
    const extensionsDir = join(out, 'extensions');
    mkdirSync(extensionsDir);
    assert.match(installVsix(vsix, extensionsDir), /was successfully installed/);
    // An empty development extension lets the workbench run the suite; ours comes from the .vsix.
    const dummy = join(out, 'dummy');
    mkdirSync(dummy);
    writeFileSync(join(dummy, 'package.json'), JSON.stringify({ name: 'dummy', publisher: 'test', version: '0.0.0', engines: { vscode: '*' } }));
    writeFileSync(join(out, 'vsix-suite.js'), VSIX_SUITE);
    const workspace = freshWorkspace();
    const server = await startCodeServer(workspace, { extensionsDir });
    try {
      const result = await runSuite(server, workspace, dummy, join(out, 'vsix-suite.js'));
      assert.equal(result.exitCode, 0, result.log.join('\n'));
    } finally {
      await server.stop();
    }
  });

  test('a person sees the Problems count and the hover in the workbench', async () => {
    ensureInstalled();
    const workspace = freshWorkspace();
    // Install the development build as an extension so the plain workbench (no test payload) loads it.
    const extensionsDir = mkdtempSync(join(tmpdir(), 'un-ext-'));
    const target = join(extensionsDir, 'un-citations.un-citations-0.1.0');
    mkdirSync(target);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'data', 'syntaxes', 'media', 'dist']) cpSync(join(ROOT, f), join(target, f), { recursive: true });
    writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify([{ identifier: { id: 'un-citations.un-citations' }, version: '0.1.0', location: { $mid: 1, path: target, scheme: 'file' }, relativeLocation: 'un-citations.un-citations-0.1.0' }]));
    const server = await startCodeServer(workspace, { extensionsDir });
    try {
      const screenshot = join(tmpdir(), 'un-citations-workbench.png');
      const seen = await lookAtWorkbench(server, workspace, 'draft.md', 'I.18', /Thematic index/, screenshot);
      assert.match(seen.problems, /Errors: 1|1 error/i, `Problems item says "${seen.problems}"`);
      assert.match(seen.hover, /States parties should respect the fundamental human rights of smuggled migrants/);
      if (process.env.UPDATE_SCREENSHOT) cpSync(screenshot, join(ROOT, 'media', 'screenshot.png'));
      // The suggest widget after typing "Res", and the quick fixes of the broken citation (issue 15).
      const shots = { completion: join(tmpdir(), 'un-citations-completion.png'), quickFix: join(tmpdir(), 'un-citations-quickfix.png') };
      const { suggestions, quickFixes } = await lookAtCompletionAndQuickFix(server, workspace, 'draft.md', 'As agreed in Res', 'para 25', shots);
      assert.ok(suggestions.some((s) => /Resolution 5\/3/.test(s)), `the suggest widget lists: ${suggestions.join(' | ')}`);
      assert.ok(suggestions.some((s) => /Resolution 10\/3/.test(s)), `the suggest widget lists: ${suggestions.join(' | ')}`);
      assert.ok(quickFixes.some((s) => /para 24/.test(s)), `the quick fixes are: ${quickFixes.join(' | ')}`);
      if (process.env.UPDATE_SCREENSHOT) {
        cpSync(shots.completion, join(ROOT, 'media', 'completion.png'));
        cpSync(shots.quickFix, join(ROOT, 'media', 'quickfix.png'));
      }
    } finally {
      await server.stop();
    }
  });
});

const VSIX_SUITE = `
const assert = require('assert');
const vscode = require('vscode');
exports.run = async function () {
  const ext = vscode.extensions.getExtension('un-citations.un-citations');
  assert.ok(ext, 'the .vsix is installed');
  assert.ok(!ext.extensionUri.path.includes('/src'), 'running the installed copy');
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'draft.md'));
  await vscode.window.showTextDocument(doc);
  const started = Date.now();
  for (;;) {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('VII.14') + 2));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('');
    if (/digital evidence/.test(text)) break;
    if (Date.now() - started > 60000) throw new Error('no hover from the installed extension: ' + text);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(ext.isActive);
};
`;
