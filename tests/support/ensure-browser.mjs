// Playwright needs a Chromium. Debian's (/usr/bin/chromium) is used where it exists, as on CI,
// which cannot download browsers; on any other machine fetch Playwright's own build once.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (existsSync('/usr/bin/chromium')) {
  console.log('Using Debian Chromium at /usr/bin/chromium for the end-to-end tests.');
} else {
  console.log("No /usr/bin/chromium: installing Playwright's Chromium for the end-to-end tests.");
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
