import { describe, expect, it, vi } from 'vitest';
import { useCheckedSave } from '@renderer/ui/use-checked-save';

describe("the forms' save step (renderer/src/ui/useCheckedSave)", () => {
  it("shows the rules' problems beside their fields and writes nothing", async () => {
    const form = useCheckedSave('The route');
    let wrote = false;
    await form.submit(
      { ok: false, problems: [{ field: 'title', message: 'Enter the title' }] },
      async () => {
        wrote = true;
      },
      () => {},
    );
    expect(wrote).toBe(false);
    expect(form.errors.value).toEqual({ title: 'Enter the title' });
  });

  it('writes the checked value, then goes on with what was saved, clearing earlier problems', async () => {
    const form = useCheckedSave('The route');
    form.problems.value = [{ field: 'title', message: 'Enter the title' }];
    const seen: string[] = [];
    let savingWhileWriting = false;
    await form.submit(
      { ok: true, value: 'T Level' },
      async (value) => {
        savingWhileWriting = form.saving.value;
        return `${value} saved`;
      },
      (saved) => {
        seen.push(saved);
      },
    );
    expect(seen).toEqual(['T Level saved']);
    expect(savingWhileWriting).toBe(true);
    expect(form.saving.value).toBe(false);
    expect(form.problems.value).toEqual([]);
  });

  it('says what could not be saved, and that nothing changed, when the write fails', async () => {
    const form = useCheckedSave('The employer');
    await form.submit(
      { ok: true, value: 1 },
      () => Promise.reject(new Error('The disk is full')),
      () => {},
    );
    expect(form.problems.value).toEqual([
      { field: 'form', message: 'The employer could not be saved: The disk is full. Nothing was changed.' },
    ]);
    expect(form.saving.value).toBe(false);
  });

  it('shows the problems of a write that checks against the stored records, and goes on only when it saved', async () => {
    const form = useCheckedSave('The school');
    const seen: string[] = [];
    await form.save(
      async () => ({ ok: false, problems: [{ field: 'urn', message: 'Another school has this URN' }] }),
      (saved: string) => seen.push(saved),
    );
    expect(form.errors.value).toEqual({ urn: 'Another school has this URN' });
    await form.save(
      async () => ({ ok: true, value: 'Hextable School' }),
      (saved) => seen.push(saved),
    );
    expect(seen).toEqual(['Hextable School']);
    expect(form.problems.value).toEqual([]);
  });

  it("never shows the database's own message when the write fails there", async () => {
    const form = useCheckedSave('The adviser');
    const quota = Object.assign(new Error('QuotaExceededError: The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await form.save(
      () => Promise.reject(quota),
      () => {},
    );
    const [problem] = form.problems.value;
    expect(problem?.field).toBe('form');
    expect(problem?.message).toMatch(/^The adviser could not be saved: this computer has run out of space/);
    expect(problem?.message).not.toMatch(/quota/i);
    vi.restoreAllMocks();
  });

  it('hands a failure to the form that takes it, saying what it still keeps', async () => {
    const taken: string[] = [];
    const form = useCheckedSave('The session', { kept: 'Your draft is still kept on this computer.', onFailure: (m) => taken.push(m) });
    await form.submit(
      { ok: true, value: 1 },
      () => Promise.reject(new Error("That young person's record no longer exists.")),
      () => {},
    );
    expect(taken).toEqual([
      "The session could not be saved: That young person's record no longer exists. Your draft is still kept on this computer.",
    ]);
    expect(form.problems.value).toEqual([]);
  });
});
