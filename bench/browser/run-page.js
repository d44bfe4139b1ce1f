// Usage: node run-page.js URL [TIMEOUT_MS]
// Opens URL in headless Chromium and prints, as JSON on stdout, what the page puts in window.pushbenchResult
// (the page sets it when its checks are done). Exit 0 with the result, 3 when Chromium does not start, 4 when the
// page gives no result in time.
'use strict';
const { launch } = require('./launch');

async function main() {
  const url = process.argv[2];
  const timeoutMs = Number(process.argv[3] || 20000);
  if (!url) {
    console.error('usage: node run-page.js URL [TIMEOUT_MS]');
    process.exit(2);
  }
  let browser;
  try {
    browser = await launch();
  } catch (e) {
    console.error('chromium did not start: ' + e.message.split('\n')[0]);
    process.exit(3);
  }
  try {
    const page = await browser.context.newPage();
    await page.goto(url, { timeout: timeoutMs });
    const handle = await page.waitForFunction(() => window.pushbenchResult, null, { timeout: timeoutMs });
    process.stdout.write(JSON.stringify(await handle.jsonValue()) + '\n');
  } catch (e) {
    console.error('the page gave no result: ' + e.message.split('\n')[0]);
    process.exitCode = 4;
  } finally {
    await browser.close();
  }
}

main();
