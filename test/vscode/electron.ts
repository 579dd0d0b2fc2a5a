// `npm run test:vscode`: the same extension-host suite in desktop VS Code through
// @vscode/test-electron — the VS Code at VSCODE_EXECUTABLE_PATH, or one it downloads where the
// network allows. CI runs the suite on code-server instead (runner.ts), because VS Code cannot be
// downloaded on our machines; both take the suite, workspace and settings from suiteConfig.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestOptions } from '@vscode/test-electron/out/runTest';
import { ROOT, SUITE, freshWorkspace, writeUserSettings } from './suiteConfig';

/** The options runTests gets: what this module adds to the shared configuration. */
export function electronOptions(workspace: string, userData: string, executable = process.env.VSCODE_EXECUTABLE_PATH): TestOptions {
  return {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', userData],
    ...(executable ? { vscodeExecutablePath: executable } : { version: 'stable' }),
  };
}

async function main(): Promise<void> {
  const { runTests } = await import('@vscode/test-electron');
  const userData = mkdtempSync(join(tmpdir(), 'un-vscode-user-'));
  writeUserSettings(userData);
  const code = await runTests(electronOptions(freshWorkspace(), userData));
  process.exitCode = code;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`test:vscode: ${(e as Error).message}`);
    console.error('Set VSCODE_EXECUTABLE_PATH to a desktop VS Code (the "code" binary) where VS Code cannot be downloaded.');
    process.exitCode = 1;
  });
}
