/**
 * The council's pupil-level files on the Returns page: who they go to (the recipient named in Settings,
 * with the agreement rule of shared/returns/data-sharing.ts), and saving a previewed file, refused with
 * the reason when the rule says no, and audited when it leaves (what and for whom, never a name in it).
 */
import { ref } from 'vue';
import { councilFileRefusal, councilFileToCsv, DEFAULT_RISK_LIST_DATES, type CouncilFile, type ReturnRecipient } from '@shared/returns';
import { safeFileName } from '@shared/file-names';
import { LOCAL_AUTHORITIES, type LocalAuthorityId } from '@shared/reference/geography';
import { getBridge } from '../../bridge';
import { useRepositories } from '../../db/repositories';

export function useCouncilFiles() {
  const repos = useRepositories();
  const today = repos.clock.today();
  const recipients = ref<ReturnRecipient[]>([]);
  const councilRecipientId = ref<string | null>(null);
  const riskListDates = ref<string[]>([...DEFAULT_RISK_LIST_DATES]);

  /** Reads the settings again, so a file is judged on the agreement as it stands when it is saved. */
  async function loadSettings(): Promise<void> {
    recipients.value = (await repos.settings.get('returnRecipients')) ?? [];
    councilRecipientId.value = (await repos.settings.get('councilRecipientId')) ?? null;
    riskListDates.value = (await repos.settings.get('riskListDates')) ?? [...DEFAULT_RISK_LIST_DATES];
  }

  function councilRecipient(): ReturnRecipient | undefined {
    return recipients.value.find((r) => r.id === councilRecipientId.value);
  }

  function refusal(what: string): string | null {
    return councilFileRefusal(recipients.value, councilRecipientId.value, today, what);
  }

  /**
   * Saves a previewed file as CSV: refused, with the reason, without a current agreement. Answers what to
   * tell the user: `{ refused }` or `{ saved }` (nothing when the save dialog was cancelled).
   */
  async function save(
    file: CouncilFile,
    what: { title: string; inWords: string; la: LocalAuthorityId },
  ): Promise<{ refused: string } | { saved: string } | null> {
    await loadSettings();
    const refused = refusal(what.inWords);
    const recipient = councilRecipient();
    if (refused !== null || !recipient) return { refused: refused ?? 'Not exported.' };
    const authority = LOCAL_AUTHORITIES.find((a) => a.id === what.la);
    const place = authority ? `${authority.name} ${authority.oldCode}` : what.la;
    const result = await getBridge().saveFile({
      suggestedName: safeFileName(`${what.title} - ${place} - ${today}`, 'csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: councilFileToCsv(file),
    });
    if (!result.saved) return null;
    await repos.returns.auditExport(
      `Exported ${what.inWords} (${place}) for ${recipient.name} as CSV under agreement ${recipient.agreement?.reference ?? ''}: ` +
        `${file.rows.length} young people`,
    );
    return { saved: `Saved ${what.inWords} for ${recipient.name}: ${file.rows.length} young people.` };
  }

  return { today, recipients, councilRecipientId, riskListDates, loadSettings, councilRecipient, refusal, save };
}

export const LA_OPTIONS = LOCAL_AUTHORITIES.map((a) => ({ value: a.id, label: `${a.name} (LA ${a.oldCode})` }));
