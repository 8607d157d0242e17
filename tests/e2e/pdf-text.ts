// Reads the text of a saved PDF in the Playwright runner. pdf.js is ESM-only, so it is imported
// dynamically here (tests/support/pdf-node.ts serves vitest, which runs ESM directly).
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    return pages;
  } finally {
    await pdf.loadingTask.destroy();
  }
}
