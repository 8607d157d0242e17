// Prints, for each failed attempt of a test, what the page showed when it failed (Playwright's
// error-context file: the page's accessibility snapshot). CI keeps only its log, so without this a rare
// failure there leaves nothing to diagnose it by.
import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const MAX_CHARS = 6_000;

export default class FailureContextReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped') return;
    const context = result.attachments.find((attachment) => attachment.name === 'error-context');
    let text: string;
    try {
      text = context?.path ? readFileSync(context.path, 'utf8') : (context?.body?.toString('utf8') ?? '');
    } catch (error) {
      text = `(the error context could not be read: ${(error as Error).message})`;
    }
    if (!text) return;
    // The file holds instructions, the error (which the list reporter prints already), the page's snapshot as a
    // YAML block, and the test's source: keep the snapshot.
    const yamlAt = text.indexOf('```yaml');
    if (yamlAt >= 0) {
      const sourceAt = text.indexOf('# Test source', yamlAt);
      text = text.slice(yamlAt, sourceAt >= 0 ? sourceAt : undefined);
    }
    const shown = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n… (${text.length - MAX_CHARS} more characters)` : text;
    process.stdout.write(`\n--- What the page showed when "${test.title}" failed (attempt ${result.retry + 1}) ---\n${shown}\n---\n`);
  }
}
