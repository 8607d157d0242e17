import { z } from 'zod';
import { idSchema } from './common';
import { serviceDetailsSchema } from './organisation';

/**
 * Settings are stored as one row per key, so a capability adds a key, never a table.
 * Each key has its own schema; a value that fails its schema is treated as unset.
 */
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
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export interface SettingRow {
  key: string;
  value: unknown;
}
