/** Reading rendered SVG in tests: marks by Vega's class names, text content. */

/** Paths, symbols or rects drawn by data marks of a type ("line", "area", "symbol", "rect"), legends excluded. */
export function markCount(svg: string, type: string): number {
  let n = 0;
  const re = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs');
  for (const m of svg.matchAll(re)) n += (m[1].match(/<(path|line|rect|text)\b/g) ?? []).length;
  return n;
}

/** The text of every <text> element, unescaped; each line of a multi-line one on its own. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/gs)].flatMap((m) => {
    const lines = [...m[1].matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/gs)].map((t) => t[1]);
    return (lines.length > 0 ? lines : [m[1]]).map(unescapeXml);
  });
}

function unescapeXml(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The axis labels Vega drew and kept: labels it hid to avoid overlaps have
 * opacity 0 and are left out.
 */
export function visibleLabels(svg: string): string[] {
  const out: string[] = [];
  for (const g of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/gs)) {
    for (const t of g[1].matchAll(/<text\b([^>]*)>(.*?)<\/text>/gs)) {
      if (!/opacity="0"/.test(t[1])) out.push(unescapeXml(t[2]));
    }
  }
  return out;
}

/** The root element's width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = svg.match(/<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/);
  if (!m) throw new Error('no width/height on <svg>');
  return { width: Number(m[1]), height: Number(m[2]) };
}
