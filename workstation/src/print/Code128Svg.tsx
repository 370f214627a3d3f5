/** A Code 128 barcode as SVG (prints sharp at any resolution), with the text under it. */
import { code128Bars, encodableInCode128 } from './code128.js';

export function Code128Svg({ value, module = 2 }: { readonly value: string; readonly module?: number }) {
  if (!encodableInCode128(value)) return <span>{value}</span>;
  const { bars, width } = code128Bars(value);
  const height = 50;
  return (
    <figure className="ws-barcode">
      <svg
        role="img"
        aria-label={`Code-barres de la convocation ${value}`}
        width={width * module}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
      >
        <rect x={0} y={0} width={width} height={height} fill="#fff" />
        {bars.map((b) => (
          <rect key={b.x} x={b.x} y={0} width={b.width} height={height} fill="#000" />
        ))}
      </svg>
      <figcaption>{value}</figcaption>
    </figure>
  );
}
