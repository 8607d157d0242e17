/** PDFs: action plans, the return summary, the allocation list and placement letters; file names; the font the renderers must register. */
export {
  buildActionPlanDocument,
  ACTION_PLAN_HEADINGS,
  ACTION_TABLE_HEADER,
  DEFAULT_ACTION_PLAN_PDF_OPTIONS,
  NO_SERVICE_CONTACT,
  missingServiceDetails,
  type ActionPlanPdfInput,
  type ActionPlanPdfOptions,
} from './action-plan';
export { resolveDiscussedOptions, type DiscussedOptionDetails, type DiscussedDirectory } from './discussed';
export { relevantSignposts, type Signpost } from './signposts';
export { actionPlanFileName, placementLetterFileName, safeFileNamePart, uniqueFileNames } from '../file-names';
export { PDF_FONT_FAMILY, PDF_FONT_FILES, pdfFontsIn, type PdfFontStyle } from './fonts';
export { buildReturnSummaryDocument } from './return-summary';
export {
  buildAllocationListDocument,
  ALLOCATION_PDF_COLUMNS,
  ALLOCATION_PDF_HEADINGS,
  type AllocationListPdfInput,
} from './allocation-list';
export {
  buildPlacementLetter,
  askForName,
  placementHoursText,
  PLACEMENT_LETTER_HEADINGS,
  PLACEMENT_LETTER_KINDS,
  PLACEMENT_LETTERS,
  USUAL_THINGS_TO_BRING,
  type PlacementLetterInput,
  type PlacementLetterKind,
} from './placement-letters';
export { buildCompassDocument, COMPASS_PDF_TITLE, type CompassPdfInput } from './compass';
