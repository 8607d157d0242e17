import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ServiceDetails } from '../model/organisation';

/** What a service's document says about itself in the PDF's properties: its title, what it is about, when made. */
export interface ServiceDocumentInfo {
  title: string;
  subject: string;
  keywords?: string;
  /** When it was made, for the properties' dates; left out when not a real time. */
  created?: Date;
}

/**
 * The set-up every PDF with the service's letterhead shares: A4 portrait, British English, the title shown
 * in the reader's window, the properties (the service as author), and the service's logo where it has one.
 */
export function serviceDocument(
  service: ServiceDetails,
  pageMargins: [number, number, number, number],
  info: ServiceDocumentInfo,
): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'language' | 'displayTitle' | 'info' | 'images'> {
  const dated = info.created && !Number.isNaN(info.created.getTime()) ? { creationDate: info.created, modDate: info.created } : {};
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins,
    language: 'en-GB',
    displayTitle: true,
    info: {
      title: info.title,
      author: service.name,
      subject: info.subject,
      ...(info.keywords ? { keywords: info.keywords } : {}),
      creator: 'Careers Desk',
      producer: 'Careers Desk (pdfmake)',
      ...dated,
    },
    ...(hasLogo(service) ? { images: { serviceLogo: service.logoDataUrl } } : {}),
  };
}

/** Whether the service's logo is a PNG or JPEG the PDF can show (the letterhead then shows it beside the name). */
export function hasLogo(service: ServiceDetails): boolean {
  return /^data:image\/(png|jpeg);base64,/.test(service.logoDataUrl);
}
