import type { TDocumentDefinitions } from 'pdfmake/interfaces';

type PdfMake = typeof import('pdfmake');
let loading: Promise<PdfMake> | null = null;

/**
 * pdfmake and its fonts are about 3 MB, so they load on the first export, not at start-up.
 * The fonts come from the bundled virtual file system, never the network.
 */
function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [pdfMakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
    // The UMD builds arrive as a default export under Vite; fall back to the module itself.
    const pdfMake = ((pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule) as PdfMake;
    const vfs = (vfsModule as { default?: unknown }).default ?? vfsModule;
    pdfMake.addVirtualFileSystem(vfs as Parameters<PdfMake['addVirtualFileSystem']>[0]);
    return pdfMake;
  })();
  return loading;
}

/** Lays out one document definition as PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const blob = await pdfMake.createPdf(definition).getBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
