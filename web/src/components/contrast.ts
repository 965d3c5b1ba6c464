/** WCAG relative luminance of a #rgb or #rrggbb colour; null when it is not one. */
export function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join('') : match[1]!;
  const channels = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number | null {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return null;
  const [light, dark] = la > lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export function readableTextOn(background: string): string {
  const onWhite = contrastRatio(background, '#ffffff') ?? 21;
  const onDark = contrastRatio(background, '#111827') ?? 0;
  return onWhite >= onDark ? '#ffffff' : '#111827';
}

export const DEFAULT_BRAND = '#2451b3';

/** A usable brand colour: the tenant's when it is a valid hex colour, the default otherwise. */
export function brandColor(color: string | null | undefined): string {
  return color && luminance(color) !== null ? (color.startsWith('#') ? color : `#${color}`) : DEFAULT_BRAND;
}
