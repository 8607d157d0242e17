/**
 * A sample action plan for tests and for a person to look at: built from the seeded demo caseload
 * (seed 5, today 24/11/2026), with a made-up service, a small generated logo and a few routes and an
 * employer talked about. `renderSamplePage1Png` draws page 1 with pdftoppm (poppler-utils) into
 * tests/artifacts/; tests/unit/pdf-sample.test.ts calls it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { generateDemoDataset } from '../../shared/demo';
import type { CaseloadDataset } from '../../shared/model/dataset';
import type { ServiceDetails } from '../../shared/model/organisation';
import { addDays, yearGroupOf } from '../../shared/academic-year';
import {
  buildActionPlanDocument,
  DEFAULT_ACTION_PLAN_PDF_OPTIONS,
  type ActionPlanPdfInput,
  type ActionPlanPdfOptions,
} from '../../shared/pdf/action-plan';
import { resolveDiscussedOptions } from '../../shared/pdf/discussed';
import { renderPdf } from './pdf-node';

export const SAMPLE_TODAY = '2026-11-24';
export const SAMPLE_NOW = '2026-11-24T10:30:00+00:00';
export const ARTIFACTS_FOLDER = resolve(import.meta.dirname, '../artifacts');
export const SAMPLE_PNG = join(ARTIFACTS_FOLDER, 'action-plan-page1.png');

let dataset: CaseloadDataset | null = null;

/** The demo caseload the samples come from (built once: same seed, same data). */
export function sampleDataset(): CaseloadDataset {
  dataset ??= generateDemoDataset({ seed: 5, today: SAMPLE_TODAY });
  return dataset;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 96 × 96 PNG logo drawn in code (a navy disc with three rising white steps), as a data: URL. */
export function sampleLogoDataUrl(): string {
  const size = 96;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2 + 0.5;
      const dy = y - size / 2 + 0.5;
      const inDisc = dx * dx + dy * dy <= (size / 2 - 1) ** 2;
      const step = Math.floor((x - 22) / 18);
      const stepTop = 56 - step * 14;
      const inStep = x >= 22 && x < 76 && (x - 22) % 18 < 14 && y >= stepTop && y < 70;
      const [r, g, b, a] = !inDisc ? [0, 0, 0, 0] : inStep ? [255, 255, 255, 255] : [18, 53, 91, 255];
      row.set([r, g, b, a], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function sampleService(withLogo = true): ServiceDetails {
  return {
    name: 'Kent and Medway Careers Service',
    logoDataUrl: withLogo ? sampleLogoDataUrl() : '',
    contact: { name: 'Careers team', email: 'careers@example.org', phone: '03000 000 100' },
    address: 'Invicta House, County Road, Maidstone ME14 1XX',
  };
}

/**
 * The sample plan: the first demo plan of a Year 11 pupil at school, filled out the way an adviser would,
 * with three routes and an employer talked about and one action overdue.
 */
export function sampleActionPlanInput(options: Partial<ActionPlanPdfOptions> = {}): ActionPlanPdfInput {
  const data = sampleDataset();
  const base = data.actionPlans.find((plan) => {
    const pupil = data.pupils.find((p) => p.id === plan.pupilId);
    return pupil !== undefined && yearGroupOf(pupil, SAMPLE_TODAY) === 11 && !pupil.homeEducated;
  });
  if (!base) throw new Error('The demo caseload (seed 5) has no plan for a Year 11 pupil at school');
  const pupil = data.pupils.find((p) => p.id === base.pupilId)!;
  const session = data.sessions.find((s) => s.id === base.sessionId) ?? null;
  const school = data.schools.find((s) => s.id === pupil.schoolId) ?? null;
  const adviser = data.advisers.find((a) => a.id === base.adviserId) ?? null;
  const meeting = session?.date ?? addDays(SAMPLE_TODAY, -14);

  // A T Level first (applied for through Kent Choices), then the first two apprenticeships or A levels.
  const tLevel = data.routes.find((r) => r.kind === 't-level');
  const others = data.routes.filter((r) => r.kind === 'apprenticeship' || r.kind === 'a-levels').slice(0, 2);
  const routes = [...(tLevel ? [tLevel] : []), ...others];
  const employer = data.employers.find((e) => e.offersApprenticeships) ?? data.employers[0]!;
  const discussed = [
    ...routes.map((route, index) => ({
      kind: 'route' as const,
      refId: route.id,
      label: route.title,
      note: index === 0 ? 'First choice: open evening in January' : '',
    })),
    { kind: 'employer' as const, refId: employer.id, label: employer.name, note: 'Offers work experience in the summer term' },
  ];
  const plan = {
    ...base,
    situation:
      `${base.situation} Enjoys practical subjects and is predicted a grade 5 in English. ` +
      'Lives with mum and a younger brother; gets the bus to school.\n\n' +
      'Has started to think about what to do after Year 11 and would like to stay close to home.',
    strengths: 'Reliable and kind; good with people; keeps going when things are hard. Helps run the school\u2019s lunchtime club.',
    barriers: 'The bus to the nearest college campus takes over an hour. Feels nervous in interviews and has not written a CV yet.',
    discussed,
    actions: [
      ...base.actions,
      {
        id: '00000000-0000-4000-8000-000000000001',
        what: 'Write a first CV with help from the form tutor',
        who: 'pupil' as const,
        byWhen: addDays(SAMPLE_TODAY, -3),
        status: 'open' as const,
        doneOn: null,
      },
      {
        id: '00000000-0000-4000-8000-000000000002',
        what: 'Book a practice interview with the careers team',
        who: 'school' as const,
        byWhen: addDays(SAMPLE_TODAY, 10),
        status: 'open' as const,
        doneOn: null,
      },
    ],
    reviewOn: addDays(meeting, 42),
  };
  return {
    plan,
    pupil,
    session,
    school,
    adviser,
    service: sampleService(),
    discussed: resolveDiscussedOptions(plan.discussed, data),
    now: SAMPLE_NOW,
    options: { ...DEFAULT_ACTION_PLAN_PDF_OPTIONS, ...options },
  };
}

export const PDFTOPPM = '/usr/bin/pdftoppm';

/**
 * Renders page 1 of the sample plan to a PNG at 80 dpi. Returns the reason instead when pdftoppm
 * (Debian's poppler-utils) is not installed.
 */
export async function renderSamplePage1Png(
  outFile = SAMPLE_PNG,
  options: Partial<ActionPlanPdfOptions> = {},
): Promise<{ ok: true; file: string; pdf: Buffer } | { ok: false; reason: string }> {
  if (!existsSync(PDFTOPPM))
    return { ok: false, reason: `${PDFTOPPM} not found: install poppler-utils (apt-get install poppler-utils) to draw the sample page` };
  const pdf = await renderPdf(buildActionPlanDocument(sampleActionPlanInput(options)));
  const work = await mkdtemp(join(tmpdir(), 'action-plan-'));
  try {
    const pdfFile = join(work, 'sample.pdf');
    await writeFile(pdfFile, pdf);
    await promisify(execFile)(PDFTOPPM, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(work, 'page1')]);
    await mkdir(dirname(outFile), { recursive: true });
    await copyFile(join(work, 'page1.png'), outFile);
    return { ok: true, file: outFile, pdf };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
