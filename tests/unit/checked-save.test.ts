import { describe, expect, it } from 'vitest';
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
});
