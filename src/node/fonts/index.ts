export { FONT_FAMILY, FONT_FILES } from './fontFiles.ts';
export { type FontMetrics, loadFontMetrics, parseFontMetrics } from './fontMetrics.ts';
