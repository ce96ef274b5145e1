/**
 * The font files shipped with coldtail, so that a PNG looks the same on every
 * machine: resvg reads TTF only, and with system fonts switched off the text
 * cannot silently fall back to whatever the machine has (or vanish).
 */
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'DejaVu Sans';

/** Regular for labels, Bold for titles (Vega draws titles bold). */
export const FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  fileURLToPath(new URL(f, import.meta.url)),
);
