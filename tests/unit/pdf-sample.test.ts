// Draws page 1 of a sample action plan to tests/artifacts/action-plan-page1.png so a person can look at
// the layout (see tests/artifacts/README.md). Skipped, with the reason, where pdftoppm is not installed.
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFTOPPM, renderSamplePage1Png, SAMPLE_PNG } from '../support/render-sample-plan';

describe('sample action plan picture', () => {
  it.skipIf(!existsSync(PDFTOPPM))(
    `renders page 1 of a sample plan to a PNG with pdftoppm (needs ${PDFTOPPM} from poppler-utils)`,
    async () => {
      const result = await renderSamplePage1Png();
      if (!result.ok) throw new Error(result.reason);
      expect(result.file).toBe(SAMPLE_PNG);
      expect(statSync(SAMPLE_PNG).size).toBeGreaterThan(10_000);
    },
  );
});
