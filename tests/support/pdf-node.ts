/**
 * Rendering and reading PDFs in Node, for tests and scripts (shared/ never touches files).
 * - renderPdf: pdfmake 0.3's Node API (`require('pdfmake')` is a ready instance) with the fonts shipped
 *   in resources/fonts, no network, and local file access limited to that folder.
 * - pdfText / pdfTextItems: pdfjs-dist's legacy build, one entry per page.
 */
import { resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { pdfFontsIn } from '../../shared/pdf/fonts';

export const FONTS_FOLDER = resolve(import.meta.dirname, '../../resources/fonts');

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts(pdfFontsIn(FONTS_FOLDER, sep));
  // Nothing is fetched from the network; only the shipped fonts are read from disk (logos come as data: URLs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONTS_FOLDER + sep));
  configured = true;
}

/** Renders a document definition to PDF bytes. pdfmake changes the definition as it lays it out: pass a fresh one. */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(docDefinition).getBuffer();
}

async function openPdf(buffer: Uint8Array) {
  // pdf.js takes ownership of the bytes it is given: hand it a copy. (pdf.js 6 no longer compiles
  // fonts with eval, so its isEvalSupported switch is gone; the document is released through loadingTask.)
  return getDocument({ data: new Uint8Array(buffer), verbosity: 0, useSystemFonts: false }).promise;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** The text runs of each page, in reading order, with empty runs dropped. */
export async function pdfTextItems(buffer: Uint8Array): Promise<string[][]> {
  const pdf = await openPdf(buffer);
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter(isTextItem)
          .map((item) => item.str)
          .filter((text) => text.trim().length > 0),
      );
    }
    return pages;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The text of each page, runs joined with single spaces. */
export async function pdfText(buffer: Uint8Array): Promise<string[]> {
  return (await pdfTextItems(buffer)).map((items) => items.join(' ').replace(/\s+/g, ' ').trim());
}

/** The document information dictionary (Title, Author, Subject, Creator, ...). */
export async function pdfInfo(buffer: Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await openPdf(buffer);
  try {
    const { info } = await pdf.getMetadata();
    // pdf.js types the information dictionary as a bare Object.
    return { ...(info as Record<string, unknown>) };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
