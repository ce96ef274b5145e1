/**
 * Prepares an SVG from the renderer for inlining in a page with others.
 *
 * Vega names clip paths and gradients "clip1", "gradient_0" in every SVG; in
 * one HTML document the first element with an id wins, so a second chart
 * would clip to the first one's rectangles. Each chart's ids get a prefix.
 */
export function inlineSvg(svg: string, prefix: string): string {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim();
  if (!body.startsWith('<svg')) throw new Error('report: a chart is not an SVG document');
  // The report promises a page that runs no code: refuse anything that could.
  // Text between tags is escaped by Vega, so only the tags need a look: their
  // names, event-handler attributes and link targets (not other attribute
  // values, where a title may say anything).
  for (const tag of body.match(/<[^>]*>/g) ?? []) {
    if (/^<\s*(script|foreignObject|iframe|object|embed)\b/i.test(tag)) throw unsafe();
    for (const [, name, value] of tag.matchAll(/\s([^\s=/>]+)\s*=\s*"([^"]*)"/g)) {
      if (/^on/i.test(name)) throw unsafe();
      if (/href$/i.test(name) && !value.startsWith('#')) throw unsafe();
    }
  }
  return body
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(
      /\b(xlink:)?href="#([^"]+)"/g,
      (_, x: string | undefined, id: string) => `${x ?? ''}href="#${prefix}-${id}"`,
    );
}

function unsafe(): Error {
  return new Error('report: a chart SVG contains scripts, links or embedded HTML');
}
