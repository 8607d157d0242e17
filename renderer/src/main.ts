import { getBridge } from './bridge';
import { readStoredRecordsKey } from './db/records-key';
import { nextTask } from './platform/next-task';
import './ui/styles.css';

// User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts); they cost nothing.
performance.mark('app:script');
const root = document.getElementById('app');

/** A line in the empty window while the records open (and, once after the update, are sealed). */
function showStartStatus(text: string, role: 'status' | 'alert' = 'status'): void {
  if (!root) return;
  const line = document.createElement('p');
  line.className = 'start-status';
  line.setAttribute('role', role);
  line.textContent = text;
  root.replaceChildren(line);
}

function sealingProgress(done: number, total: number): void {
  showStartStatus(`Protecting your records… ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`);
}

/**
 * The start in three scripts, each evaluated in a task of its own rather than one long one that froze the window
 * (issue 21): this small one, the records' code (Dexie, the ciphers, the model), then the user interface's (Vue,
 * the router, the stores), which is evaluated while the records open.
 */
async function start(): Promise<void> {
  const bridge = getBridge();
  // Asked now, so that the key store answers as the database's store opens rather than after the records' code
  // has loaded. Its failure is said by openAppRecords, which awaits it; the empty handler keeps the browser from
  // reporting it as unhandled meanwhile.
  const storedKey = readStoredRecordsKey(bridge);
  storedKey.catch(() => undefined);
  const { openAppRecords } = await import('./db/app-repositories');
  performance.mark('app:records-code');
  const userInterface = import('./app/mount').then((code) => {
    performance.mark('app:ui-code');
    // The first page's code loads while the records open, rather than once the app has mounted.
    code.preloadFirstPage();
    return code;
  });
  // Its failure (a chunk that would not load) is said below, where it is awaited; not as unhandled meanwhile.
  userInterface.catch(() => undefined);
  const atStart = await openAppRecords(bridge, sealingProgress, storedKey);
  performance.mark('app:records-open');
  const { mountApp, mountUnlock } = await userInterface;
  // Mounting is a task of its own, not the end of the one that evaluated the interface's code.
  await nextTask();
  if (atStart.state === 'unlocked') mountApp(bridge);
  else mountUnlock(bridge, sealingProgress);
}

start().catch((error: unknown) => {
  showStartStatus(`Careers Desk could not open the records: ${error instanceof Error ? error.message : String(error)}`, 'alert');
});
