import type { MailBrand } from './mail-brand.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: nothing a tenant or user typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const LINK = /^https?:\/\/\S+$/;

/** A line that is only a link: a button in the brand's colour, with the address under it for copying. */
function button(url: string, color: string): string {
  const href = escapeHtml(url);
  return (
    `<p style="margin:16px 0 4px"><a href="${href}" style="display:inline-block;padding:10px 18px;` +
    `background:${color};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">` +
    `Open the link</a></p><p style="margin:0 0 16px;font-size:12px;color:#57606a;word-break:break-all">${href}</p>`
  );
}

/** One block of the text part: its plain lines as a paragraph, its link lines as buttons. */
function block(lines: string[], color: string): string {
  const out: string[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length > 0) out.push(`<p style="margin:0 0 16px">${words.map(escapeHtml).join('<br>')}</p>`);
    words = [];
  };
  for (const line of lines) {
    if (LINK.test(line)) {
      flush();
      out.push(button(line, color));
    } else words.push(line);
  }
  flush();
  return out.join('\n');
}

/**
 * The HTML part of a mail, made from its text part so both always say the same: the tenant's
 * name, colour and logo on top, inline styles only (mail clients drop style sheets).
 */
export function renderMailHtml(message: { subject: string; text: string }, brand: MailBrand): string {
  const color = brand.color ?? '#2451b3';
  const name = escapeHtml(brand.name);
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" width="32" height="32" style="vertical-align:middle;margin-right:8px;border-radius:4px">`
    : '';
  const paragraphs = message.text
    .split(/\n{2,}/)
    .map((block) => block.split('\n').filter((line) => line !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => block(lines, color))
    .join('\n');
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f6f8fa;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2328">',
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-top:4px solid ${color};border-radius:8px;padding:24px">`,
    `<div style="font-size:18px;font-weight:700;margin-bottom:20px;color:${color}">${logo}${name}</div>`,
    paragraphs,
    '</div>',
    '</body></html>',
  ].join('\n');
}
