import { computed, ref, type Ref } from 'vue';
import { useEventListener, useResizeObserver, useWindowSize } from '@vueuse/core';

/**
 * The height that lets a scrolling box (a long list) reach from where it starts down to the bottom of the
 * window, never less than `min` pixels: on a small screen the list uses all the height there is, and on a
 * large one it shows more than a fixed share would. Where the box starts is read from the page, not the
 * window, so scrolling the page does not change it; it is read again when the window or the page above the
 * box changes size (a filter opened, a notice shown).
 */
export function useFillHeight(box: Ref<HTMLElement | null>, min: Ref<number>, gapBelow = 16): Ref<number> {
  const { height: windowHeight } = useWindowSize();
  const top = ref(0);
  const measure = (): void => {
    const element = box.value;
    if (element) top.value = element.getBoundingClientRect().top + window.scrollY;
  };
  useResizeObserver(() => document.body, measure);
  useEventListener(window, 'resize', measure);
  // The box may appear later than the page (the first rows arrive), so it is also measured when it does.
  useResizeObserver(box, measure);
  return computed(() => Math.max(min.value, Math.floor(windowHeight.value - top.value - gapBelow)));
}
