import { describe, expect, it } from 'vitest';
import { buildReport, reportSection } from '../../src/charts/report.ts';
import { chainDepthSweep } from './fixtures.ts';

// Vega's SVG shape: every chart names its clip path "clip1".
const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><defs><clipPath id="clip1"><rect width="100" height="50"/></clipPath></defs><g clip-path="url(#clip1)"><text>${label}</text></g></svg>`;

/** A report of one section with one chart drawn as `chartSvg`. */
const reportWithChart = (chartSvg: string) =>
  buildReport({
    title: 't',
    generatedBy: 'g',
    sections: [
      {
        name: 'n',
        title: 't',
        description: '',
        narrative: [],
        charts: [{ name: 'c', title: 'c', svg: chartSvg }],
      },
    ],
  });

describe('buildReport', () => {
  const evil = '<script>alert(1)</script> & "quotes"';
  const html = buildReport({
    title: `Report ${evil}`,
    generatedBy: 'coldtail 0.1.0',
    sections: [
      {
        name: 'chain depth',
        title: `Chains ${evil}`,
        description: `Described ${evil}`,
        narrative: [`Said ${evil}`],
        charts: [
          { name: 'a', title: `First ${evil}`, svg: svg('one') },
          { name: 'b', title: 'Second', svg: `<?xml version="1.0"?>\n${svg('two')}` },
        ],
        table: [
          {
            label: `point ${evil}`,
            count: 0,
            p50: null,
            p90: null,
            p99: null,
            p999: null,
            max: null,
            coldShare: null,
            throttledShare: 1,
          },
        ],
      },
      { name: 'chain depth', title: 'Same name again', description: '', narrative: [], charts: [] },
    ],
  });

  it('escapes every text from results', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('is one self-contained page: no scripts, no fetches, a policy that forbids them', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/<link|<img|src=|@import|url\(http/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('has a table of contents whose links all land', () => {
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links.filter((l) => !l.startsWith('f'))) expect(ids, l).toContain(l);
    // Two sections with one name still get distinct anchors.
    expect(ids).toContain('s-chain-depth');
    expect(ids).toContain('s-chain-depth-2');
  });

  it("keeps each chart's ids apart, so one chart never clips to another's paths", () => {
    expect(html).toContain('id="f1-clip1"');
    expect(html).toContain('url(#f1-clip1)');
    expect(html).toContain('id="f2-clip1"');
    expect(html).toContain('url(#f2-clip1)');
    expect(html).not.toContain('<?xml');
  });

  it('writes missing values in the table as a dash', () => {
    expect(html).toContain('<td>–</td>');
    expect(html).toContain('<td>100%</td>');
  });

  it('refuses SVG that could run code or fetch', () => {
    const bad = [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><a href="https://example.com"><text>x</text></a></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
      '<p>not svg</p>',
    ];
    for (const b of bad) {
      expect(() => reportWithChart(b)).toThrow(/report:/);
    }
  });

  it('accepts innocent text that looks like an attribute', () => {
    const ok = svg('mode onload=fast, javascript: yes');
    expect(() => reportWithChart(ok)).not.toThrow();
  });

  it('builds a section from results: narrative and percentile table', () => {
    const section = reportSection(chainDepthSweep(), []);
    expect(section.name).toBe('chain-depth');
    expect(section.narrative.length).toBeGreaterThan(3);
    expect(section.table).toHaveLength(12);
    expect(section.table?.[0]).toMatchObject({
      label: 'aws-lambda-2019, depth 1',
      count: 120_000,
    });
  });

  it('numbers the figures a reader sees 1, 2, 3, and the folded ones under them (2a, 2b)', () => {
    // Two story sections (chain-depth's main chart first), and one chart more in each, folded
    // into its "More from this experiment": those had taken numbers, so the visible ones ran
    // 1, 3, 5.
    const section = (name: string) => {
      const results = chainDepthSweep();
      return reportSection({ ...results, experiment: { ...results.experiment, name } }, [
        { name: 'percentileCurves', title: `${name} main`, svg: svg('main') },
        { name: 'cdf', title: `${name} more`, svg: svg('more') },
        { name: 'tailPlot', title: `${name} more still`, svg: svg('more') },
      ]);
    };
    const page = buildReport({
      title: 't',
      generatedBy: 'g',
      sections: [section('chain-depth'), section('chain-cold')],
    });
    const captions = [...page.matchAll(/<figcaption[^>]*>Figure ([0-9a-z]+)\. ([^<]*)</g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    const main = captions.filter((c) => c.endsWith(' main'));
    expect(main.length).toBe(2);
    expect(main.map((c) => c.split(' ')[0])).toEqual(['1', '2']);
    expect(captions).toContain('1a chain-depth more');
    expect(captions).toContain('1b chain-depth more still');
    // Unique numbers, and so unique ids for each chart's inlined SVG.
    expect(new Set(captions.map((c) => c.split(' ')[0])).size).toBe(captions.length);
  });

  it('is deterministic', () => {
    const again = buildReport({
      title: 'x',
      generatedBy: 'g',
      sections: [reportSection(chainDepthSweep(), [{ name: 'a', title: 'A', svg: svg('1') }])],
    });
    const twice = buildReport({
      title: 'x',
      generatedBy: 'g',
      sections: [reportSection(chainDepthSweep(), [{ name: 'a', title: 'A', svg: svg('1') }])],
    });
    expect(again).toBe(twice);
  });
});
