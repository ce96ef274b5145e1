export { type Raster, type RenderPngOptions, rasterize, renderPng } from './renderPng.ts';
export { type RenderSvgOptions, renderSvg } from './renderSvg.ts';
export {
  type WriteChartOptions,
  type WrittenChart,
  writeChart,
} from './writeChart.ts';
