/**
 * The one font family action plans use. Both places that render PDFs ship it under these names:
 * - the renderer: `pdfmake/build/vfs_fonts` registers these file names in pdfmake's virtual file system,
 *   and `pdfmake/build/pdfmake` already maps the family `Roboto` to them;
 * - Node (tests, the main process): `resources/fonts/` holds the same files; the caller joins each name
 *   with that folder and passes the result to `pdfmake.addFonts`.
 * Bold is Roboto Medium, as in pdfmake's browser build, so both look the same.
 */
export const PDF_FONT_FAMILY = 'Roboto';

export const PDF_FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export type PdfFontStyle = keyof typeof PDF_FONT_FILES;

/** The pdfmake font dictionary for a folder holding the files (Node): `{ Roboto: { normal: '<dir>/Roboto-Regular.ttf', ... } }`. */
export function pdfFontsIn(folder: string, separator = '/'): Record<typeof PDF_FONT_FAMILY, Record<PdfFontStyle, string>> {
  const join = (file: string) => (folder.endsWith(separator) ? folder + file : folder + separator + file);
  return {
    [PDF_FONT_FAMILY]: {
      normal: join(PDF_FONT_FILES.normal),
      bold: join(PDF_FONT_FILES.bold),
      italics: join(PDF_FONT_FILES.italics),
      bolditalics: join(PDF_FONT_FILES.bolditalics),
    },
  };
}
