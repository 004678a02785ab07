import type { ReactNode } from 'react';

/** Colours that keep 4.5:1 against white text and each other in print and on screen. */
export const SERIES_COLOURS = ['#005eb8', '#007f3b', '#330072', '#b10e1e', '#7a4c00'];

export interface Share {
  share: number | null;
}

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
export const decimal = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));

/** A suppressed figure: said so, with the reason beside it. */
export function Suppressed({ reason }: { reason: string | null }) {
  return (
    <span className="suppressed">
      <strong>Suppressed</strong>
      {reason ? <span className="suppressed-reason"> {reason}</span> : null}
    </span>
  );
}

export interface StackedRow {
  label: string;
  n: number | null;
  parts: number[] | null;
  reason?: string | null;
}

/** Horizontal stacked bars, one per group, each part a share of the whole; suppressed rows say why. */
export function StackedBars({ title, legend, rows }: { title: string; legend: string[]; rows: StackedRow[] }) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="legend" aria-hidden="true">
        {legend.map((name, i) => (
          <li key={name}>
            <span className="swatch" style={{ background: SERIES_COLOURS[i] }} /> {name}
          </li>
        ))}
      </ul>
      <div className="stacked-bars" aria-hidden="true">
        {rows.map((row) => (
          <div className="stacked-row" key={row.label}>
            <span className="stacked-label">{row.label}</span>
            {row.parts ? (
              <span className="stacked-bar">
                {row.parts.map((part, i) => (
                  <span key={legend[i]} className="stacked-part" style={{ width: `${part * 100}%`, background: SERIES_COLOURS[i] }}>
                    {part >= 0.08 ? percent(part) : ''}
                  </span>
                ))}
              </span>
            ) : (
              <span className="stacked-bar stacked-suppressed">Suppressed</span>
            )}
          </div>
        ))}
      </div>
    </figure>
  );
}

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Lines over categories (quarters, tenure bands) on a 0–10 scale; a gap where a point is suppressed. */
export function LineChart({ title, categories, series }: { title: string; categories: string[]; series: Series[] }) {
  const width = 640;
  const height = 240;
  const left = 36;
  const bottom = 28;
  const x = (i: number) => left + (categories.length < 2 ? (width - left) / 2 : (i * (width - left - 16)) / (categories.length - 1));
  const y = (v: number) => 8 + ((10 - v) * (height - bottom - 8)) / 10;
  const paths = series.map((s) => {
    const segments: string[] = [];
    let pen = 'M';
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = 'M';
        return;
      }
      segments.push(`${pen}${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      pen = 'L';
    });
    return segments.join(' ');
  });
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: SERIES_COLOURS[i] }} /> {s.name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} className="line-chart" role="img" aria-label={`${title}: the table below gives the values`}>
        {[0, 2.5, 5, 7.5, 10].map((v) => (
          <g key={v}>
            <line x1={left} x2={width} y1={y(v)} y2={y(v)} stroke="#d8dde0" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#425563">
              {v}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <text key={c} x={x(i)} y={height - 8} textAnchor="middle" fontSize="11" fill="#425563">
            {c}
          </text>
        ))}
        {paths.map((d, i) => (
          <path key={series[i]!.name} d={d} fill="none" stroke={SERIES_COLOURS[i]} strokeWidth="2.5" />
        ))}
        {series.map((s, i) =>
          s.values.map((v, j) => (v === null ? null : <circle key={`${s.name}-${categories[j]}`} cx={x(j)} cy={y(v)} r="3.5" fill={SERIES_COLOURS[i]} />)),
        )}
      </svg>
    </figure>
  );
}

/** A value's cell in a heatmap: shaded by where it sits on 0–10, the number written in it. */
export function HeatCell({ value, children }: { value: number | null; children?: ReactNode }) {
  if (value === null) return <td className="heat heat-empty">{children}</td>;
  // Pale (low) to mid (high) blue, never so dark that the dark text drops below 4.5:1.
  const lightness = 96 - value * 3.3;
  return (
    <td className="heat number" style={{ background: `hsl(212, 70%, ${lightness}%)`, color: '#212b32' }}>
      {decimal(value)}
    </td>
  );
}
