// Preloaded into the server by the security test (node --require): records any attempt to run a
// program, open a network connection or write a file, on stderr, where the test looks for it.
// The server's own stdio and IPC channels are not touched by these calls.

const fs = require('fs');
const childProcess = require('child_process');
const net = require('net');
const http = require('http');
const https = require('https');

function report(what) {
  return function forbidden() {
    process.stderr.write(`FORBIDDEN ${what}\n`);
    throw new Error(`forbidden: ${what}`);
  };
}

for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'rename', 'renameSync']) fs[name] = report(`fs.${name}`);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename']) fs.promises[name] = report(`fs.promises.${name}`);
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = report(`child_process.${name}`);
net.connect = net.createConnection = report('net.connect');
http.request = http.get = report('http.request');
https.request = https.get = report('https.request');
