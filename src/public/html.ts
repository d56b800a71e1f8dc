// The public page's HTML: server-rendered, no script, readable from 360 px wide phones to a
// printed sheet. Every value from the database passes through escapeHtml, so an official's
// answer containing "<script>" shows as text and runs nowhere. The trend chart is inline SVG
// with a text alternative, and the same figures as a table under it.
import { escapeHtml } from '../shared/html.js';

export const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;line-height:1.5;color:#1b1b1b;background:#f7f7f5;overflow-wrap:anywhere}
h1{font-size:1.35rem;color:#a31515;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}h3{font-size:1rem;margin:0 0 .3rem}
a{color:#0b4f9c}.crumb{margin:0 0 .4rem}.lead{color:#333}.meta{color:#4a4a4a;font-size:.9rem;margin:.2rem 0}
.card{background:#fff;border:1px solid #d6d6d6;border-radius:.5rem;padding:.7rem .9rem;margin:.6rem 0}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.4rem;margin:0}
dl div{background:#eef2f7;border-radius:.4rem;padding:.35rem .5rem}dt{font-size:.82rem;color:#3d3d3d}dd{margin:0;font-size:1.15rem;font-weight:600}
.desk dd{font-size:1rem;font-weight:400}
figure{margin:.8rem 0;background:#fff;border:1px solid #d6d6d6;border-radius:.5rem;padding:.6rem}
figure svg{display:block;width:100%;height:auto;max-width:34rem}figcaption{font-size:.9rem;color:#333;margin-bottom:.3rem}
table{width:100%;border-collapse:collapse;font-size:.9rem;background:#fff}caption{text-align:left;font-size:.85rem;color:#3d3d3d;padding:.2rem 0}
th,td{border-bottom:1px solid #e2e2e2;padding:.3rem .35rem;text-align:right;vertical-align:top}th:first-child,td:first-child{text-align:left}
thead th{font-size:.8rem;color:#3d3d3d}details{margin-top:.5rem}summary{cursor:pointer;color:#0b4f9c}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:.8rem 0}footer{margin-top:2rem;font-size:.85rem;color:#4a4a4a}`;

/** The template: one h1, the content, and the footer. */
export function page(title: string, body: string, footer = ''): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${footer ? `<footer>${footer}</footer>` : ''}
</body>
</html>
`;
}

const vnNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1.234 and 92,5: numbers written the Vietnamese way. */
export function num(value: number): string {
  return vnNumber.format(value);
}

/** "92,5%", or the dash when there is nothing to divide by. */
export function pct(value: number | null, none: string): string {
  return value === null ? none : `${num(value)}%`;
}

/** Label/value cells of a figures grid. */
export function cells(items: [label: string, value: string][]): string {
  return `<dl>${items.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>`;
}

/**
 * The chart as an image for assistive technology: the SVG gets role="img" and the caption as
 * its accessible name; its own marks stay out of the accessibility tree.
 */
export function accessibleSvg(svg: string, labelId: string): string {
  return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${labelId}" focusable="false" `);
}
