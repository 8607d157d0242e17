// Runs the cohort allocation (shared/matching allocateCohort) off the page's thread, so a large year
// group does not freeze the window; progress is posted back as it goes.
import { allocateCohort } from '@shared/matching';
import type { AllocateReply, AllocateRequest } from './allocate-messages';

function reply(message: AllocateReply): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<AllocateRequest>) => {
  try {
    const result = allocateCohort({ ...event.data, onProgress: (fraction) => reply({ type: 'progress', fraction }) });
    reply({ type: 'done', result });
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
