import { z } from 'zod';
import { idSchema } from './common';
import { serviceDetailsSchema } from './organisation';
import { weeksWorthSchema } from './experience';
import { dataSharingAgreementSchema, monthDaySchema } from './data-sharing';

/** See shared/travel/walking.ts for how journeys use it. */
export const walkingSettingsSchema = z
  .object({
    speedKmh: z
      .number({ message: 'Enter the walking pace in km/h' })
      .min(2, { message: 'The walking pace must be at least 2 km/h' })
      .max(7, { message: 'The walking pace must be 7 km/h or less' }),
    maxWalkMetres: z
      .number({ message: 'Enter the farthest walk in metres' })
      .int({ message: 'Enter whole metres' })
      .min(100, { message: 'The farthest walk must be at least 100 m' })
      .max(3000, { message: 'The farthest walk must be 3,000 m or less' }),
    accessNeedsMaxWalkMetres: z
      .number({ message: 'Enter the farthest walk in metres' })
      .int({ message: 'Enter whole metres' })
      .min(50, { message: 'The farthest walk must be at least 50 m' })
      .max(3000, { message: 'The farthest walk must be 3,000 m or less' }),
  })
  .refine((w) => w.accessNeedsMaxWalkMetres <= w.maxWalkMetres, {
    path: ['accessNeedsMaxWalkMetres'],
    message: 'The farthest walk with access needs cannot be more than the farthest walk for everyone',
  });
export type WalkingSettings = z.infer<typeof walkingSettingsSchema>;

/**
 * Settings are stored as one row per key, so a capability adds a key, never a table.
 * Each key has its own schema; a value that fails its schema is treated as unset.
 */
/** As many recipients of extracts as the setting holds; checkRecipientName says so to the user. */
export const MOST_RETURN_RECIPIENTS = 50;

export const settingSchemas = {
  service: serviceDetailsSchema,
  /** The adviser using the app on this machine: sessions and audit entries record them. */
  currentAdviserId: idSchema.nullable(),
  /** The first-run offer of demo data has been answered (yes or no), so it is not asked again. */
  firstRunAnswered: z.boolean(),
  /** Risk-of-NEET weights by factor id, overriding the defaults in shared/reference/risk. */
  riskWeights: z.record(z.string(), z.number().min(0).max(20)),
  /** Years to keep a record after the young person's final academic year. */
  retentionYears: z.number().int().min(1).max(25),
  /**
   * This computer's key for automatic backups: PBKDF2-SHA-256 of a passphrase the adviser chose,
   * with its salt and iterations (base64). The passphrase itself is never stored; the key lets the
   * app seal daily and before-change backups unattended, and the passphrase opens them anywhere.
   */
  autoBackupKey: z.object({ salt: z.string().min(1), iterations: z.number().int().min(1), master: z.string().min(1) }),
  /** The lock's passphrase as a slow hash (PBKDF2-SHA-256, base64 salt and hash); unset means no lock. */
  lockPassphraseHash: z.object({ salt: z.string().min(1), iterations: z.number().int().min(1), hash: z.string().min(1) }),
  /** Minutes without use before the app locks itself; 0 locks only at start. */
  lockIdleMinutes: z.number().int().min(0).max(240),
  /** How many days of how many hours make a week's worth of workplace experience (5 of 6 when unset). */
  weeksWorth: weeksWorthSchema,
  /** An employer's checks done within this many months before a placement starts are reused (6 when unset). */
  checksReuseMonths: z.number().int().min(1).max(24),
  /**
   * Walking to and from stops in journey answers: the pace, the farthest walk, and the farthest for a young
   * person with access needs (1,000 m and 400 m at 4.5 km/h when unset: shared/travel/walking.ts).
   */
  walking: walkingSettingsSchema,
  /** Returns hide counts from 1 to this number minus one (5 hides 1 to 4). */
  disclosureThreshold: z.number().int().min(2).max(50),
  /**
   * Who receives pseudonymised extracts, each with its own secret key (hex) for the keyed hash:
   * the same recipient can link extracts over time, and nobody else can.
   */
  /**
   * Ids of young people erased on this computer, and nothing else about them: a merge never brings
   * them back, and a restore of an older backup erases them again (right to erasure and backups).
   */
  erasedPupilIds: z.array(idSchema),
  returnRecipients: z
    .array(
      z.object({
        id: idSchema,
        name: z.string().trim().min(1).max(120),
        key: z.string().regex(/^[0-9a-f]{64}$/),
        /** The data-sharing agreement with them; none recorded means no pupil-level file goes to them. */
        agreement: dataSharingAgreementSchema.nullable().default(null),
      }),
    )
    .max(MOST_RETURN_RECIPIENTS),
  /** The recipient who is the council's destinations recipient (NCCIS): the only one the council's pupil-level files go to. */
  councilRecipientId: idSchema.nullable(),
  /** The days of the year ("MM-DD") the risk-of-NEET list goes to the council: twice a year, 1 March and 1 October when unset. */
  riskListDates: z.array(monthDaySchema).min(1).max(4),
} as const;

export type SettingKey = keyof typeof settingSchemas;

/** Each setting as the audit log and messages name it. */
export const SETTING_LABELS: Record<SettingKey, string> = {
  service: 'Service details',
  currentAdviserId: 'Adviser using this computer',
  firstRunAnswered: 'First-run demo data offer answered',
  riskWeights: 'Risk-of-NEET weights',
  retentionYears: 'How long records are kept',
  autoBackupKey: 'Automatic backup passphrase',
  lockPassphraseHash: 'Lock passphrase',
  lockIdleMinutes: 'Lock after minutes without use',
  weeksWorth: "What counts as a week's worth",
  walking: 'Walking to and from stops',
  checksReuseMonths: "How long an employer's checks are reused",
  disclosureThreshold: 'Smallest count shown in returns',
  erasedPupilIds: 'Young people erased on this computer',
  returnRecipients: 'Who receives extracts',
  councilRecipientId: "The council's destinations recipient",
  riskListDates: 'When the risk-of-NEET list is due',
};
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export interface SettingRow {
  key: string;
  value: unknown;
}
