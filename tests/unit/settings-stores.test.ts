// The stores that replaced the one settings store, each of one concern: who is using this computer
// (the session), the organisation, the risk weights, and demo data with the first-run offer. They run
// against a fresh database through the repositories, as in the app, with the acting adviser read from
// the session store at each write.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { defaultRiskWeights } from '@shared/risk';
import { CareersDeskDb } from '@renderer/db/schema';
import { createRepositories, installRepositories, type Repositories } from '@renderer/db/repositories';
import { fixedClock } from '@renderer/platform/clock';
import { useSessionStore } from '@renderer/features/session/store';
import { useOrganisationStore } from '@renderer/features/settings/organisation-store';
import { useRiskWeightsStore } from '@renderer/features/risk/risk-weights-store';
import { useDemoDataStore } from '@renderer/features/settings/demo-data-store';
import type { AdviserInput } from '@renderer/db/organisation';

let db: CareersDeskDb;
let pinia: Pinia;
let before: Repositories | null;

function adviser(name: string, active = true): AdviserInput {
  return { name, role: 'careers-adviser', qualificationLevel: 'level-6-or-above', email: '', phone: '', active };
}

/** A fresh start of the app over the same database: new stores, the settings read again. */
function restart(): void {
  pinia = createPinia();
  setActivePinia(pinia);
}

beforeEach(async () => {
  db = new CareersDeskDb(`careers-desk-stores-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
  restart();
  before = installRepositories(
    createRepositories(db, {
      actor: () => useSessionStore(pinia).currentAdviserId,
      clock: fixedClock(new Date('2026-11-24T10:00:00Z')),
      keyStore: memoryKeyStore(),
    }),
  );
});

afterEach(async () => {
  installRepositories(before);
  await db.delete();
});

async function addAdviser(name: string): Promise<string> {
  const saved = await useOrganisationStore().saveAdviser(adviser(name));
  if (!saved.ok) throw new Error(saved.problems.map((p) => p.message).join('; '));
  return saved.value.id;
}

describe('the session: who is using this computer', () => {
  it('remembers the adviser chosen across a restart, and records the choice as theirs', async () => {
    const helen = await addAdviser('Helen Price');
    await useSessionStore().setCurrentAdviser(helen);

    restart();
    const session = useSessionStore();
    expect(session.currentAdviserId).toBeNull();
    await session.load();
    expect(session.currentAdviserId).toBe(helen);

    const choice = await db.audit.where('recordId').equals('currentAdviserId').first();
    expect(choice?.adviserId).toBe(helen);
  });

  it('refuses an adviser who is no longer active, and keeps the one chosen', async () => {
    const helen = await addAdviser('Helen Price');
    const left = await useOrganisationStore().saveAdviser(adviser('Sam Okafor', false));
    if (!left.ok) throw new Error('the adviser was not saved');
    await useSessionStore().setCurrentAdviser(helen);

    await expect(useSessionStore().setCurrentAdviser(left.value.id)).rejects.toThrow('Only an active adviser can be chosen.');
    expect(useSessionStore().currentAdviserId).toBe(helen);
  });

  it('records every write by the adviser using the computer, without the view passing them', async () => {
    const helen = await addAdviser('Helen Price');
    await useSessionStore().setCurrentAdviser(helen);
    const saved = await useOrganisationStore().saveSchool({
      name: 'Dane Court Grammar School',
      urn: '118940',
      district: 'thanet',
      phase: 'secondary',
      establishmentNumber: '4002',
    });
    if (!saved.ok) throw new Error(saved.problems.map((p) => p.message).join('; '));

    const entry = await db.audit.where('recordId').equals(saved.value.id).first();
    expect(entry?.adviserId).toBe(helen);
    expect(entry?.at).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('the organisation: service, schools and advisers', () => {
  it('forgets the adviser using the computer when they are removed', async () => {
    const helen = await addAdviser('Helen Price');
    await useSessionStore().setCurrentAdviser(helen);

    const removal = await useOrganisationStore().removeAdviser(helen);
    expect(removal.outcome).toBe('deactivated');
    expect(useSessionStore().currentAdviserId).toBeNull();
    expect(await db.settings.get('currentAdviserId')).toEqual({ key: 'currentAdviserId', value: null });
  });

  it("keeps the service's details only when they are complete, and reads them again on restart", async () => {
    const organisation = useOrganisationStore();
    const refused = await organisation.saveService({ name: '' });
    expect(refused.ok).toBe(false);
    expect(organisation.service).toBeNull();
    expect(await db.settings.get('service')).toBeUndefined();

    const details = {
      name: 'Kent Careers Service',
      logoDataUrl: '',
      contact: { name: 'Helen Price', email: 'helen.price@kent.example', phone: '' },
      address: '',
    };
    const saved = await organisation.saveService(details);
    expect(saved.ok).toBe(true);

    restart();
    await useOrganisationStore().load();
    expect(useOrganisationStore().service?.name).toBe('Kent Careers Service');
  });
});

describe('risk weights', () => {
  it('starts from the default weights, and keeps changed ones across a restart', async () => {
    const store = useRiskWeightsStore();
    await store.load();
    expect(store.riskWeights).toEqual(defaultRiskWeights());

    const changed = { ...defaultRiskWeights(), 'sen-support': 5 };
    const result = await store.saveRiskWeights(changed);
    expect(result).toEqual({ ok: true, value: { pupils: 0, changed: 0 } });
    expect(store.busy).toBe(false);
    expect(store.riskProgress).toBe('');

    restart();
    await useRiskWeightsStore().load();
    expect(useRiskWeightsStore().riskWeights['sen-support']).toBe(5);
  });
});

describe('demo data and the first-run offer', () => {
  it('offers demo data to an empty database until the offer is answered', async () => {
    const demo = useDemoDataStore();
    expect(await demo.shouldOfferDemoData()).toBe(true);
    await demo.answerFirstRun();
    expect(await demo.shouldOfferDemoData()).toBe(false);
  });

  it('does not offer demo data once there are records', async () => {
    await addAdviser('Helen Price');
    expect(await useDemoDataStore().shouldOfferDemoData()).toBe(false);
  });
});
