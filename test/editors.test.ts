// The server in editors other than VS Code, set up as README says: headless Neovim 0.7 with its own
// filetype detection, and Emacs + eglot with Debian's markdown-mode in markdown-mode and gfm-mode
// (eglot sends "markdown" or "gfm"). Debian packages, installed by .ci/run; where an editor is
// missing outside CI the test says so and is skipped. (Debian has no Helix package.)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SERVER } from './lspClient';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function draft(name = 'draft.md'): string {
  const dir = mkdtempSync(join(tmpdir(), 'un-editor-'));
  const file = join(dir, name);
  // Line 0: a resolved citation (hover, definition); line 1: a broken one (one diagnostic).
  writeFileSync(file, 'Part B VI.15 asks for return programmes.\nSee Resolution 5/3, para 25.\n');
  return file;
}

function available(command: string): boolean {
  if (has(command)) return true;
  if (process.env.CI) assert.fail(`${command} is not installed; .ci/run installs it`);
  return false;
}

describe('other LSP editors', () => {
  test('Neovim 0.7, its filetype detection on: diagnostics arrive, hover and definition answer', (t) => {
    if (!available('nvim')) return t.skip('nvim is not installed here');
    const result = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'editors', 'neovim.lua')}`], {
      env: { ...process.env, UN_SERVER: SERVER, UN_DRAFT: draft() },
      timeout: 60_000,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `nvim exited ${result.status}: ${result.stderr}`);
    assert.match(result.stdout + result.stderr, /neovim: ok/);
  });

  const emacsCases: [string, string, string, RegExp][] = [
    ['markdown-mode', 'draft.md', 'markdown-mode', /eglot: ok in markdown-mode, language id "markdown"/],
    ['gfm-mode (eglot sends "gfm")', 'notes.md', 'gfm-mode', /eglot: ok in gfm-mode, language id "gfm"/],
    ["README.md, in the mode markdown-mode's own auto-mode-alist picks", 'README.md', 'auto', /eglot: ok in (?:gfm|markdown)-mode, language id "(?:gfm|markdown)"/],
  ];
  for (const [name, file, mode, expected] of emacsCases) {
    test(`Emacs + eglot in ${name}: diagnostics arrive, hover and definition answer`, (t) => {
      if (!available('emacs')) return t.skip('emacs is not installed here');
      const result = spawnSync('emacs', ['-Q', '--batch', '-l', join(__dirname, 'editors', 'eglot.el')], {
        env: { ...process.env, UN_SERVER: SERVER, UN_DRAFT: draft(file), UN_MODE: mode },
        timeout: 90_000,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, `emacs exited ${result.status}: ${result.stderr}`);
      assert.match(result.stderr, expected);
    });
  }
});
