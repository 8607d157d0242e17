/**
 * The rule for pupil-level files leaving for the council: they go only to the recipient named as the
 * council's destinations recipient (NCCIS), and only while a data-sharing agreement with them is
 * recorded and not past its review date. The refusal says why, naming the recipient.
 */
import { formatUkDate } from '../dates';
import {
  dataSharingAgreementSchema,
  lineOfText,
  monthDaySchema,
  MOST_RETURN_RECIPIENTS,
  type DataSharingAgreement,
  type Problem,
  type SettingValue,
} from '../model';

export type ReturnRecipient = SettingValue<'returnRecipients'>[number];

/** The agreement as the form has it, before it is checked. */
export interface AgreementInput {
  reference: string;
  signedOn: string;
  reviewOn: string;
}

/** Checks an agreement typed in Settings: one problem per field, in words for beside it. */
export function checkAgreement(
  input: AgreementInput,
  today: string,
): { ok: true; value: DataSharingAgreement } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = dataSharingAgreementSchema.safeParse({
    reference: input.reference,
    signedOn: input.signedOn,
    reviewOn: input.reviewOn.trim() === '' ? null : input.reviewOn,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      if (problems.some((p) => p.field === field)) continue;
      problems.push({ field, message: field === 'signedOn' ? 'Enter the date the agreement was signed' : issue.message });
    }
  const has = (field: string) => problems.some((p) => p.field === field);
  if (!has('signedOn') && input.signedOn > today) problems.push({ field: 'signedOn', message: 'The date signed cannot be in the future' });
  if (!has('signedOn') && !has('reviewOn') && input.reviewOn.trim() !== '' && input.reviewOn <= input.signedOn)
    problems.push({ field: 'reviewOn', message: 'The review or expiry date must be after the date signed' });
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const value = parsed.data;
  return { ok: true, value };
}

/** Where an agreement stands today, in words for the recipients list. */
export function agreementInWords(agreement: DataSharingAgreement | null, today: string): string {
  if (agreement === null) return 'No data-sharing agreement recorded';
  const review = agreement.reviewOn
    ? agreement.reviewOn < today
      ? `; expired on ${formatUkDate(agreement.reviewOn)}`
      : `; review by ${formatUkDate(agreement.reviewOn)}`
    : '';
  return `Agreement ${agreement.reference}, signed ${formatUkDate(agreement.signedOn)}${review}`;
}

const recipientNameSchema = lineOfText(120);

/**
 * A new recipient's name as typed, checked before anything is stored: not empty, one line of text of at most
 * 120 characters with no hidden characters, not one already listed (whatever its case), and room for one more.
 */
export function checkRecipientName(
  typed: string,
  recipients: readonly ReturnRecipient[],
): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = recipientNameSchema.safeParse(typed);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter a name of one line' };
  const name = parsed.data;
  if (name === '') return { ok: false, message: 'Enter who the extract is for, for example "Kent County Council NEET team"' };
  const same = recipients.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (same) return { ok: false, message: `There is already a recipient called ${same.name}` };
  if (recipients.length >= MOST_RETURN_RECIPIENTS)
    return { ok: false, message: `There can be at most ${MOST_RETURN_RECIPIENTS} recipients: remove one first` };
  return { ok: true, value: name };
}

/** The recipients after one is removed, and the council's recipient: no longer named when it was them. */
export interface RecipientRemoval {
  removed: ReturnRecipient;
  recipients: ReturnRecipient[];
  councilRecipientId: string | null;
  /** They had been the council's recipient: now none is named. */
  wasCouncils: boolean;
}

/**
 * Removing a recipient takes their agreement and their secret key with them (extracts made for them can no
 * longer be linked to later ones), and stops them being the council's recipient. Null when no recipient has that id.
 */
export function removeRecipient(
  recipients: readonly ReturnRecipient[],
  councilRecipientId: string | null,
  id: string,
): RecipientRemoval | null {
  const removed = recipients.find((r) => r.id === id);
  if (!removed) return null;
  return {
    removed,
    recipients: recipients.filter((r) => r.id !== id),
    councilRecipientId: councilRecipientId === id ? null : councilRecipientId,
    wasCouncils: councilRecipientId === id,
  };
}

/** A removal in words, for the status line of the page it was made on. */
export function recipientRemovalInWords(removal: RecipientRemoval): string {
  const { name } = removal.removed;
  return removal.wasCouncils
    ? `Removed ${name}. They were the council's destinations recipient: name another before the council's files can leave.`
    : `Removed ${name}.`;
}

/**
 * Why a pupil-level file may not go to the council's recipient today, in words naming them; null when it may.
 * `what` names the file ("the destinations file").
 */
export function councilFileRefusal(
  recipients: readonly ReturnRecipient[],
  councilRecipientId: string | null,
  today: string,
  what: string,
): string | null {
  const recipient = councilRecipientId === null ? undefined : recipients.find((r) => r.id === councilRecipientId);
  if (!recipient) {
    const none = "Not exported: no recipient is named as the council's destinations recipient.";
    return `${none} Name one ${WHERE_AGREEMENTS}, before ${what} can leave.`;
  }
  return recipientAgreementRefusal(recipient, today, what);
}

const WHERE_AGREEMENTS = 'in Settings, under "Council files and data-sharing agreements"';

/**
 * Why data about young people may not go to this recipient today (no agreement recorded, one not yet in
 * force, or one past its review date), in words naming them; null when it may. For every export made for a
 * recipient: the council's files and the pseudonymised extract alike.
 */
export function recipientAgreementRefusal(recipient: ReturnRecipient, today: string, what: string): string | null {
  const where = WHERE_AGREEMENTS;
  const agreement = recipient.agreement;
  if (agreement === null)
    return `Not exported: no data-sharing agreement is recorded for ${recipient.name}. Record it ${where}, before ${what} can go to them.`;
  const named = `the data-sharing agreement with ${recipient.name} (${agreement.reference})`;
  if (agreement.signedOn > today) return `Not exported: ${named} is dated ${formatUkDate(agreement.signedOn)}, after today.`;
  if (agreement.reviewOn !== null && agreement.reviewOn < today)
    return `Not exported: ${named} expired on ${formatUkDate(agreement.reviewOn)}. Record the renewed agreement ${where} first.`;
  return null;
}

/** DfE's January 2025 guidance asks for the list to be refined together twice a year: spring and autumn by default. */
export const DEFAULT_RISK_LIST_DATES = ['03-01', '10-01'] as const;

/** "01/03" (day/month, as typed) as the stored "03-01"; null when it is not a day of every year. */
export function parseDayMonth(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const value = `${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return monthDaySchema.safeParse(value).success ? value : null;
}

/** A stored "03-01" as typed and read: "01/03". */
export function dayMonthText(monthDay: string): string {
  return monthDay.split('-').reverse().join('/');
}

/** The next day the risk-of-NEET list is due, today included. */
export function nextRiskListDue(dates: readonly string[], today: string): string {
  const year = Number(today.slice(0, 4));
  const candidates = [year, year + 1].flatMap((y) => dates.map((md) => `${y}-${md}`)).filter((d) => d >= today);
  candidates.sort();
  return candidates[0] ?? `${year + 1}-${DEFAULT_RISK_LIST_DATES[0]}`;
}
