import { getBridge } from './bridge';
import { readStoredRecordsKey } from './db/records-key';
import { nextTask } from './platform/next-task';
import type { RecordsAtStart } from './db/data-key';
import './ui/styles.css';
import { formatNumber } from '@shared/numbers';

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

/** The interface, once mounted: taken down again if the start turns out otherwise. */
let mounted: { unmount(): void } | null = null;
/** Set when the interface was taken down for an upgrade's progress: it is mounted again once the records are open. */
let mountAfterOpen = false;

function unmountInterface(): void {
  mounted?.unmount();
  mounted = null;
}

function sealingProgress(done: number, total: number): void {
  // An upgrade sealing (or rewriting) the records shows its progress in the empty window, not under the interface.
  if (mounted) {
    unmountInterface();
    mountAfterOpen = true;
  }
  showStartStatus(`Protecting your records… ${formatNumber(done)} of ${formatNumber(total)}`);
}

/**
 * The start in four scripts, each evaluated in a task of its own rather than one long one that froze the window
 * (issue 21): this small one, the records' code in two (the database's, then the repositories'), then the user interface's (Vue,
 * the router, the stores), which is evaluated while the records open. The interface mounts as soon as its code is
 * there, while the store and the key are still being read (the app's database is held closed until the key is in
 * the ring, so what the first page asks for waits for it): the first page is drawn, loading, before the store opens,
 * and its first screen follows within a frame of the records opening. Where the start turns out otherwise (the
 * records locked, an upgrade with its progress, a failure) the interface is taken down again first.
 */
async function start(): Promise<void> {
  const bridge = getBridge();
  // Asked now, so that the key store answers as the database's store opens rather than after the records' code
  // has loaded. Its failure is said by openAppRecords, which awaits it; the empty handler keeps the browser from
  // reporting it as unhandled meanwhile.
  const storedKey = readStoredRecordsKey(bridge);
  storedKey.catch(() => undefined);
  // The records' code in two scripts, each evaluated in a task of its own: the database's (Dexie, the ciphers, the
  // upgrades), then the repositories'. As one script its evaluation was one task of 175 to 250 ms at a service's
  // start (tests/bench/README.md, round fourteen).
  await import('./db/database');
  performance.mark('app:database-code');
  await nextTask();
  const { holdAppRecords, openAppRecords } = await import('./db/app-repositories');
  performance.mark('app:records-code');
  holdAppRecords();
  const userInterface = import('./app/mount').then((code) => {
    performance.mark('app:ui-code');
    // The first page's code loads while the records open, rather than once the app has mounted.
    code.preloadFirstPage();
    return code;
  });
  // Its failure (a chunk that would not load) is said below, where it is awaited; not as unhandled meanwhile.
  userInterface.catch(() => undefined);
  /** How the records opened, once they have: read before mounting, in case they were quicker than the interface. */
  const opened: { state: RecordsAtStart['state'] | null } = { state: null };
  const opening = openAppRecords(bridge, sealingProgress, storedKey).then((answer) => {
    performance.mark('app:records-open');
    opened.state = answer.state;
    return answer;
  });
  // Its failure is said below too, where it is awaited.
  opening.catch(() => undefined);
  const { mountApp, mountUnlock } = await userInterface;
  // Mounting is a task of its own, not the end of the one that evaluated the interface's code.
  await nextTask();
  // Mounted now unless the start has already turned out otherwise: locked, or showing an upgrade's progress.
  if (opened.state !== 'locked' && !mountAfterOpen) mounted = mountApp(bridge);
  let answer: RecordsAtStart;
  try {
    answer = await opening;
  } catch (error) {
    unmountInterface();
    throw error;
  }
  if (answer.state === 'unlocked') {
    if (!mounted) {
      await nextTask();
      mounted = mountApp(bridge);
    }
  } else {
    unmountInterface();
    mountUnlock(bridge, sealingProgress);
  }
}

start().catch((error: unknown) => {
  showStartStatus(`Careers Desk could not open the records: ${error instanceof Error ? error.message : String(error)}`, 'alert');
});
