/**
 * One of the council's pupil-level files on the Returns page: built for one local authority and
 * previewed, then saved only for the recipient named in Settings under the agreement rule of
 * shared/returns/data-sharing.ts (refused with the reason otherwise), and audited when it leaves (what,
 * for whom, under which agreement, how many rows; never a name).
 */
import { onMounted, ref, shallowRef } from 'vue';
import { councilFileRefusal, councilFileToCsv, DEFAULT_RISK_LIST_DATES, type CouncilFile, type ReturnRecipient } from '@shared/returns';
import { safeFileName } from '@shared/file-names';
import { LOCAL_AUTHORITIES, type LocalAuthorityId } from '@shared/reference/geography';
import { getBridge } from '../../bridge';
import { useRepositories } from '../../db/repositories';

export const LA_OPTIONS = LOCAL_AUTHORITIES.map((a) => ({ value: a.id, label: `${a.name} (LA ${a.oldCode})` }));

export function useCouncilFile<F extends CouncilFile>(what: {
  /** The start of the file's name: "Destinations file". */
  title: string;
  /** The file in a sentence: "the destinations file". */
  inWords: string;
  /** Which file: built in the data worker, as it reads and opens every young person's record. */
  kind: 'destinations-file' | 'risk-list';
}) {
  const repos = useRepositories();
  const today = repos.clock.today();
  const recipients = ref<ReturnRecipient[]>([]);
  const councilRecipientId = ref<string | null>(null);
  const riskListDates = ref<string[]>([...DEFAULT_RISK_LIST_DATES]);
  const la = ref<LocalAuthorityId>('kent');
  const file = shallowRef<F | null>(null);
  const busy = ref(false);
  const refused = ref('');
  const message = ref('');

  /** Reads the settings again, so a file is judged on the agreement as it stands when it is saved. */
  async function loadSettings(): Promise<void> {
    recipients.value = (await repos.settings.get('returnRecipients')) ?? [];
    councilRecipientId.value = (await repos.settings.get('councilRecipientId')) ?? null;
    riskListDates.value = (await repos.settings.get('riskListDates')) ?? [...DEFAULT_RISK_LIST_DATES];
  }
  onMounted(loadSettings);

  function councilRecipient(): ReturnRecipient | undefined {
    return recipients.value.find((r) => r.id === councilRecipientId.value);
  }

  async function preview(): Promise<void> {
    busy.value = true;
    refused.value = '';
    message.value = '';
    try {
      file.value = (await repos.returns.councilFile(what.kind, la.value, today)) as F;
    } finally {
      busy.value = false;
    }
  }

  /** Saves the previewed file as CSV, or says why it may not leave. */
  async function save(): Promise<void> {
    const previewed = file.value;
    if (!previewed) return;
    refused.value = '';
    message.value = '';
    await loadSettings();
    const recipient = councilRecipient();
    const refusal = councilFileRefusal(recipients.value, councilRecipientId.value, today, what.inWords);
    if (refusal !== null || !recipient) {
      refused.value = refusal ?? 'Not exported.';
      return;
    }
    const authority = LOCAL_AUTHORITIES.find((a) => a.id === la.value);
    const place = authority ? `${authority.name} ${authority.oldCode}` : la.value;
    const result = await getBridge().saveFile({
      suggestedName: safeFileName(`${what.title} - ${place} - ${today}`, 'csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: councilFileToCsv(previewed),
    });
    if (!result.saved) return;
    await repos.returns.auditExport(
      `Exported ${what.inWords} (${place}) for ${recipient.name} as CSV under agreement ${recipient.agreement?.reference ?? ''}: ` +
        `${previewed.rows.length} young people`,
    );
    message.value = `Saved ${what.inWords} for ${recipient.name}: ${previewed.rows.length} young people.`;
  }

  return { today, riskListDates, la, file, busy, refused, message, councilRecipient, preview, save };
}
