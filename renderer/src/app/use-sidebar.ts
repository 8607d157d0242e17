import { computed, nextTick, ref, watch, type Ref } from 'vue';
import { useEventListener, useMediaQuery, useSessionStorage } from '@vueuse/core';

/**
 * The shell's sidebar and its Menu button (App.vue): whether it shows, and how it opens and closes from the
 * mouse and the keyboard. `nav` is the sidebar, `menuButton` the header's button that controls it.
 */
export function useSidebar(nav: Ref<HTMLElement | null>, menuButton: Ref<HTMLButtonElement | null>) {
  // The sidebar. On a wide window it is a column beside the page, and the adviser may hide it (kept for the
  // session, as a reload or the next page should not undo the choice). On a small screen (a 1366×768 laptop at
  // 125% scaling is 1093 wide) it would take a sixth of the width, so it is folded into the header's Menu
  // button and opens over the page, closing again once a page is chosen.
  const narrow = useMediaQuery('(max-width: 1100px)');
  const hiddenWhenWide = useSessionStorage('careers-desk.sidebar-hidden', false);
  const openWhenNarrow = ref(false);
  const navShown = computed(() => (narrow.value ? openWhenNarrow.value : !hiddenWhenWide.value));

  async function toggleNav(): Promise<void> {
    if (!narrow.value) {
      hiddenWhenWide.value = !hiddenWhenWide.value;
      return;
    }
    openWhenNarrow.value = !openWhenNarrow.value;
    if (!openWhenNarrow.value) return;
    // Into the menu at once, on the current page's link, so the keyboard goes on from where the adviser is.
    await nextTick();
    const current = nav.value?.querySelector<HTMLElement>('[aria-current="page"]') ?? nav.value?.querySelector<HTMLElement>('a');
    current?.focus();
  }

  function closeNav(returnFocus: boolean): void {
    if (!narrow.value || !openWhenNarrow.value) return;
    openWhenNarrow.value = false;
    if (returnFocus) menuButton.value?.focus();
  }

  function onNavKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeNav(true);
  }

  // Tabbing out of the open menu, or clicking elsewhere, folds it away, as it covers the page.
  function onNavFocusout(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && (nav.value?.contains(next) || menuButton.value?.contains(next))) return;
    if (next !== null) closeNav(false);
  }
  useEventListener(window, 'pointerdown', (event: PointerEvent) => {
    const target = event.target;
    if (!(target instanceof Node) || nav.value?.contains(target) || menuButton.value?.contains(target)) return;
    closeNav(false);
  });

  // Focus is never left on a link that has just been hidden (the window narrowed with the sidebar focused).
  watch(navShown, async (shown) => {
    if (shown) return;
    await nextTick();
    if (nav.value?.contains(document.activeElement)) menuButton.value?.focus();
  });

  return { narrow, navShown, toggleNav, closeNav, onNavKeydown, onNavFocusout };
}
