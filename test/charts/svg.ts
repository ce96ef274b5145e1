/** Reading rendered SVG in tests: marks by Vega's class names, text content. */

/** Paths, symbols or rects drawn by data marks of a type ("line", "area", "symbol", "rect"), legends excluded. */
export function markCount(svg: string, type: string): number {
  let n = 0;
  const re = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs');
  for (const m of svg.matchAll(re)) n += (m[1].match(/<(path|line|rect|text)\b/g) ?? []).length;
  return n;
}

/** The text of every <text> element, unescaped. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/gs)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The root element's width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = svg.match(/<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/);
  if (!m) throw new Error('no width/height on <svg>');
  return { width: Number(m[1]), height: Number(m[2]) };
}
