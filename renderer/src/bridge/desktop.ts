// The desktop bridge is whatever electron/preload.ts put on window.careersDesk; nothing to build here.
import type { DesktopBridge } from '@shared/bridge';

declare global {
  interface Window {
    /** Present only inside the Careers Desk desktop app (electron/preload.ts). */
    careersDesk?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  if (typeof window === 'undefined') return null;
  const bridge = window.careersDesk;
  return bridge && bridge.kind === 'desktop' ? bridge : null;
}
