// The two real-VS-Code runners (issue 15): code-server in CI and @vscode/test-electron for desktop VS
// Code (`npm run test:vscode`) load the same suite, with the same workspace and user settings.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { electronOptions } from './vscode/electron';
import { ROOT, SUITE, USER_SETTINGS, WORKSPACE_TEMPLATE, freshWorkspace, writeUserSettings } from './vscode/suiteConfig';

describe('the real-VS-Code runners', () => {
  test('@vscode/test-electron runs the shared suite on a copy of the shared workspace, with the shared settings', () => {
    const workspace = freshWorkspace();
    assert.deepEqual(readdirSync(workspace).sort(), readdirSync(WORKSPACE_TEMPLATE).sort());
    const userData = mkdtempSync(join(tmpdir(), 'un-user-'));
    writeUserSettings(userData);
    assert.deepEqual(JSON.parse(readFileSync(join(userData, 'User', 'settings.json'), 'utf8')), USER_SETTINGS);
    const options = electronOptions(workspace, userData, '/opt/vscode/code');
    assert.equal(options.extensionTestsPath, SUITE);
    assert.equal(options.extensionDevelopmentPath, ROOT);
    assert.equal(options.vscodeExecutablePath, '/opt/vscode/code');
    assert.deepEqual(options.launchArgs!.slice(0, 1), [workspace]);
    assert.ok(options.launchArgs!.includes('--user-data-dir') && options.launchArgs!.includes(userData));
    assert.ok(existsSync(SUITE));
    // Without an executable it asks test-electron to download the stable VS Code.
    assert.equal(electronOptions(workspace, userData, '').version, 'stable');
  });

  test('code-server reads the same suite, workspace and settings from the shared configuration', () => {
    const runner = readFileSync(join(__dirname, 'vscode', 'runner.ts'), 'utf8');
    const suite = readFileSync(join(__dirname, 'vscode.test.ts'), 'utf8');
    assert.match(runner, /import \{[^}]*writeUserSettings[^}]*\} from '\.\/suiteConfig'/);
    assert.doesNotMatch(runner, /settings\.json/, 'runner.ts writes no settings of its own');
    assert.match(suite, /import \{[^}]*SUITE[^}]*freshWorkspace[^}]*\} from '\.\/vscode\/suiteConfig'/);
    assert.match(suite, /runSuite\(server, workspace, ROOT, SUITE\)/);
  });

  test('npm run test:vscode is the @vscode/test-electron runner', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.scripts['test:vscode'], /test\/vscode\/electron\.ts/);
    assert.ok(pkg.devDependencies['@vscode/test-electron']);
  });
});
