// Launches Debian's Chromium headless with a fresh profile: no Playwright browser download is needed or used.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const EXECUTABLE = process.env.PUSHBENCH_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A persistent context on a throw-away --user-data-dir; close() removes the folder. */
async function launch() {
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(`no Chromium at ${EXECUTABLE} (install Debian's chromium package or set PUSHBENCH_CHROMIUM)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pushbench-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLE, headless: true, args: FLAGS, timeout: 30000,
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { launch, EXECUTABLE, FLAGS };
